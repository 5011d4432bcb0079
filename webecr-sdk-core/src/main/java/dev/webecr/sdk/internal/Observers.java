package dev.webecr.sdk.internal;

import dev.webecr.sdk.Health;
import dev.webecr.sdk.spi.ObservationScope;
import dev.webecr.sdk.spi.PaymentObservation;
import dev.webecr.sdk.spi.PaymentObserver;
import dev.webecr.sdk.spi.RequestObservation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The observers a client was given, as one: each told in turn, and one that throws is logged and
 * passed over (a meter must never fail a payment). None given: {@link PaymentObserver#NONE}, whose
 * calls allocate nothing.
 */
public final class Observers implements PaymentObserver {
  private static final Logger log = LoggerFactory.getLogger(Observers.class);

  private final List<PaymentObserver> all;

  private Observers(List<PaymentObserver> all) {
    this.all = all;
  }

  /** {@code observers} as one observer. */
  public static PaymentObserver of(List<PaymentObserver> observers) {
    return observers.isEmpty() ? PaymentObserver.NONE : new Observers(List.copyOf(observers));
  }

  @Override
  public void bind(String provider, Supplier<Health> health) {
    each(o -> o.bind(provider, health));
  }

  @Override
  public PaymentObservation payment(
      String provider, String operation, String reference, boolean resumed) {
    return new Payment(collect(o -> o.payment(provider, operation, reference, resumed)));
  }

  @Override
  public RequestObservation request(
      String provider, String method, String endpoint, String serverAddress, int serverPort) {
    List<RequestObservation> each =
        collect(o -> o.request(provider, method, endpoint, serverAddress, serverPort));
    return new RequestObservation() {
      @Override
      public void end(int status, String errorType, int resends) {
        each.forEach(r -> guarded(() -> r.end(status, errorType, resends)));
      }
    };
  }

  @Override
  public void recovered(String provider, String resolution) {
    each(o -> o.recovered(provider, resolution));
  }

  @Override
  public void duplicateReversed(String provider, String result) {
    each(o -> o.duplicateReversed(provider, result));
  }

  @Override
  public void terminalBusy(String provider, String cause) {
    each(o -> o.terminalBusy(provider, cause));
  }

  @Override
  public void journalWrite(String backend, boolean forced, long nanos) {
    each(o -> o.journalWrite(backend, forced, nanos));
  }

  private void each(java.util.function.Consumer<PaymentObserver> call) {
    for (PaymentObserver o : all) {
      guarded(() -> call.accept(o));
    }
  }

  private <T> List<T> collect(Function<PaymentObserver, T> start) {
    List<T> out = new ArrayList<>(all.size());
    for (PaymentObserver o : all) {
      try {
        out.add(start.apply(o));
      } catch (RuntimeException e) {
        log.warn("an observer failed: ignored", e);
      }
    }
    return out;
  }

  private static void guarded(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      log.warn("an observer failed: ignored", e);
    }
  }

  /** One payment as every observer follows it. */
  private static final class Payment implements PaymentObservation {
    private final List<PaymentObservation> each;

    Payment(List<PaymentObservation> each) {
      this.each = each;
    }

    @Override
    public ObservationScope enter() {
      List<ObservationScope> scopes = new ArrayList<>(each.size());
      for (PaymentObservation p : each) {
        try {
          scopes.add(p.enter());
        } catch (RuntimeException e) {
          log.warn("an observer failed: ignored", e);
        }
      }
      return () -> {
        for (int i = scopes.size() - 1; i >= 0; i--) {
          ObservationScope s = scopes.get(i);
          guarded(s::close);
        }
      };
    }

    @Override
    public void attempt(String providerReference) {
      each.forEach(p -> guarded(() -> p.attempt(providerReference)));
    }

    @Override
    public void polled() {
      each.forEach(p -> guarded(p::polled));
    }

    @Override
    public void end(String outcome) {
      each.forEach(p -> guarded(() -> p.end(outcome)));
    }
  }
}
