package dev.webecr.sdk.benchmarks;

import dev.webecr.sdk.spi.ObservationScope;
import dev.webecr.sdk.spi.PaymentObservation;
import dev.webecr.sdk.spi.PaymentObserver;
import dev.webecr.sdk.spi.RequestObservation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * How long after {@code pay()} each payment's create left: an observer that notes when the client
 * starts following a payment (inside {@code pay()}, on the ERP's thread) and when a request to the
 * create's endpoint is about to leave while that payment's step runs. The time from {@code pay()}
 * until the create is on its way: validation, the queue for a thread, the lookup before a first
 * attempt, signing and the forced journal record. It also notes when each create's answer came back
 * (wall clock), so that the time to notice an outcome splits into the server's part and the SDK's.
 */
final class CreateLatency implements PaymentObserver {
  private final ThreadLocal<long[]> current = new ThreadLocal<>();
  private final ThreadLocal<String> currentReference = new ThreadLocal<>();
  private final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
  private final Map<String, Instant> answered = new ConcurrentHashMap<>();

  @Override
  public PaymentObservation payment(
      String provider, String operation, String reference, boolean resumed) {
    long[] started = {System.nanoTime(), 0};
    return new PaymentObservation() {
      @Override
      public ObservationScope enter() {
        long[] outer = current.get();
        String outerReference = currentReference.get();
        current.set(started);
        currentReference.set(reference);
        return () -> {
          current.set(outer);
          currentReference.set(outerReference);
        };
      }
    };
  }

  @Override
  public RequestObservation request(
      String provider, String method, String endpoint, String serverAddress, int serverPort) {
    long[] started = current.get();
    if (started != null && started[1] == 0 && endpoint.contains("txninit")) {
      started[1] = System.nanoTime();
      nanos.add(started[1] - started[0]);
      String reference = currentReference.get();
      return new RequestObservation() {
        @Override
        public void end(int status, String errorType, int resends) {
          answered.put(reference, Instant.now());
        }
      };
    }
    return RequestObservation.NONE;
  }

  /** When the create of the payment {@code reference} was answered; null if it was not seen. */
  Instant answered(String reference) {
    return answered.get(reference);
  }

  /** The times seen until their create left, nanoseconds, sorted; then forgets them. */
  List<Long> drain() {
    List<Long> sorted = new ArrayList<>(nanos);
    nanos.clear();
    Collections.sort(sorted);
    return sorted;
  }

  /** "median M ms, p95 P ms, max X ms" over the creates seen; then forgets them. */
  String summary() {
    List<Long> sorted = drain();
    if (sorted.isEmpty()) {
      return "no create seen";
    }
    return String.format(
        "median %.1f ms, p95 %.1f ms, max %.1f ms",
        sorted.get(sorted.size() / 2) / 1e6,
        sorted.get((int) (sorted.size() * 0.95)) / 1e6,
        sorted.get(sorted.size() - 1) / 1e6);
  }
}
