package dev.webecr.sdk.internal;

import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.spi.ObservationScope;
import dev.webecr.sdk.spi.PaymentObservation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * The SLF4J MDC keys the SDK's log lines carry while it works on a payment, on whatever thread that
 * work runs: {@value #PROVIDER}, {@value #TID}, {@value #REFERENCE} and, once there is one, {@value
 * #ATTEMPT}. Set around each step and put back as they were after it (an executor that runs steps
 * inline keeps its caller's context). Never an amount, key or signature.
 */
final class LogContext {
  static final String PROVIDER = "webecr.provider";
  static final String TID = "webecr.tid";
  static final String REFERENCE = "webecr.reference";
  static final String ATTEMPT = "webecr.attempt";

  private final Map<String, String> values = new LinkedHashMap<>();
  private final PaymentObservation observed;

  private LogContext(
      String provider,
      Terminal terminal,
      String reference,
      String attempt,
      PaymentObservation observed) {
    this.observed = observed;
    values.put(PROVIDER, provider);
    values.put(TID, terminal.tid());
    values.put(REFERENCE, reference);
    if (attempt != null) {
      values.put(ATTEMPT, attempt);
    }
  }

  /** A payment's context before its attempt is known. */
  static LogContext of(
      String provider, Terminal terminal, String reference, PaymentObservation observed) {
    return new LogContext(provider, terminal, reference, null, observed);
  }

  /** An attempt's context. */
  static LogContext of(
      String provider,
      Terminal terminal,
      String reference,
      String attempt,
      PaymentObservation observed) {
    return new LogContext(provider, terminal, reference, attempt, observed);
  }

  /** The payment as the client's observers follow it. */
  PaymentObservation observed() {
    return observed;
  }

  /**
   * {@code body} with these keys in the MDC while it runs, and the payment's observation entered (a
   * trace's span current, so the provider's requests are its children on any thread).
   */
  Runnable around(Runnable body) {
    return () -> {
      Map<String, String> before = MDC.getCopyOfContextMap();
      values.forEach(MDC::put);
      try (ObservationScope scope = observed.enter()) {
        body.run();
      } finally {
        if (before == null || before.isEmpty()) {
          values.keySet().forEach(MDC::remove);
        } else {
          MDC.setContextMap(before);
        }
      }
    };
  }
}
