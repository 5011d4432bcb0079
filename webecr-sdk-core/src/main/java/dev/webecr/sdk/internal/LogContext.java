package dev.webecr.sdk.internal;

import dev.webecr.sdk.Terminal;
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

  private LogContext(String provider, Terminal terminal, String reference, String attempt) {
    values.put(PROVIDER, provider);
    values.put(TID, terminal.tid());
    values.put(REFERENCE, reference);
    if (attempt != null) {
      values.put(ATTEMPT, attempt);
    }
  }

  /** A payment's context before its attempt is known. */
  static LogContext of(String provider, Terminal terminal, String reference) {
    return new LogContext(provider, terminal, reference, null);
  }

  /** An attempt's context. */
  static LogContext of(String provider, Terminal terminal, String reference, String attempt) {
    return new LogContext(provider, terminal, reference, attempt);
  }

  /** {@code body} with these keys in the MDC while it runs. */
  Runnable around(Runnable body) {
    return () -> {
      Map<String, String> before = MDC.getCopyOfContextMap();
      values.forEach(MDC::put);
      try {
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
