package dev.webecr.sdk.internal;

import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.OutcomeUnknownException;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.ProviderRejectedException;
import dev.webecr.sdk.TerminalInUseException;
import dev.webecr.sdk.TransactionType;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The low-cardinality names observers are told: an operation, a payment's outcome. */
final class Outcomes {
  private Outcomes() {}

  private static final Map<TransactionType, String> OPERATIONS =
      new EnumMap<>(TransactionType.class);

  static {
    for (TransactionType kind : TransactionType.values()) {
      OPERATIONS.put(kind, kind.name().toLowerCase(Locale.ROOT));
    }
    OPERATIONS.put(TransactionType.PRE_AUTHORISATION, "preauth");
    OPERATIONS.put(TransactionType.PRE_AUTH_COMPLETION, "completion");
  }

  /** sale, refund, void, preauth, completion (and the rarer kinds in lower case). */
  static String operation(TransactionType kind) {
    return OPERATIONS.get(kind);
  }

  /** See {@link dev.webecr.sdk.spi.PaymentObservation#end}. */
  static String of(PaymentIntent intent, Throwable error) {
    if (error == null) {
      return intent.result().map(r -> r.name().toLowerCase(Locale.ROOT)).orElse("unknown");
    }
    Throwable e = Futures.unwrap(error);
    if (e instanceof OutcomeUnknownException) {
      return "in_doubt";
    }
    if (e instanceof TerminalInUseException) {
      return "terminal_in_use";
    }
    if (e instanceof ConnectionException) {
      return ((ConnectionException) e).isOutcomeUnknown() ? "in_doubt" : "not_sent";
    }
    if (e instanceof InvalidRequestException) {
      return "invalid";
    }
    if (e instanceof ProviderRejectedException) {
      return "rejected";
    }
    return "error";
  }
}
