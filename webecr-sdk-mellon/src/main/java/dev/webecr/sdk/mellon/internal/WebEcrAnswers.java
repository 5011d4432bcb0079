package dev.webecr.sdk.mellon.internal;

import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.PosException;
import dev.webecr.sdk.ProviderRejectedException;
import java.time.Duration;
import java.util.Map;
import okhttp3.Headers;

/**
 * What WebECR's answers mean for {@link WebEcrCallAdapterFactory}: every error status as the SDK's
 * error (a create's failure is "outcome unknown" unless it is a 400 naming request fields, the one
 * refusal known to come before processing), and the internal retry signals as the public types a
 * caller can catch. No raw body ever goes into a message: only Django's first error, one line,
 * truncated.
 */
final class WebEcrAnswers {
  private static final int MAX_MESSAGE = 200;

  private WebEcrAnswers() {}

  /** Internal retry signals as the public types a caller can catch. */
  static RuntimeException publicError(String what, RuntimeException e) {
    if (e instanceof RetryAfterRejection) {
      return publicCopy((RetryAfterRejection) e);
    }
    if (e instanceof MalformedAnswer) {
      return unreadable(what, (MalformedAnswer) e);
    }
    return e;
  }

  /** A malformed answer as the public, retryable error callers can catch. */
  static ProviderRejectedException unreadable(String what, MalformedAnswer e) {
    return new ProviderRejectedException(
        what + ": unreadable answer (" + e.getMessage() + ")", 200, "malformed_answer", true);
  }

  static ProviderRejectedException publicCopy(RetryAfterRejection e) {
    ProviderRejectedException copy =
        new ProviderRejectedException(
            e.reason(), e.httpStatus(), e.providerCode().orElse(null), true);
    e.requestId().ifPresent(copy::initRequestId);
    return copy;
  }

  /**
   * The token could not be had for a call sent once: nothing of that call was processed (at most a
   * 401), so its failure is the token call's, as a public type with the outcome known.
   */
  static RuntimeException beforeSending(String what, RuntimeException tokenError) {
    if (tokenError instanceof RetryAfterRejection) {
      return publicCopy((RetryAfterRejection) tokenError);
    }
    if (tokenError instanceof MalformedAnswer) {
      return new ConnectionException(
          what + ": unreadable token answer (" + tokenError.getMessage() + "); nothing was sent",
          false,
          null,
          null);
    }
    return tokenError;
  }

  /**
   * A 2xx answer that is not the JSON promised: a call sent once may have done its work (outcome
   * unknown); a read is retried.
   */
  static PosException unreadable(MalformedAnswer e, boolean once, CallFacts facts) {
    String message = facts.what + ": unreadable answer (" + e.getMessage() + ")";
    if (once) {
      return new ConnectionException(
          message + ": the payment may exist", true, facts.providerReference, null);
    }
    return new RetryAfterRejection(message, 200, null);
  }

  /**
   * An error status (not 401 or 403, which the adapter reads as a revoked pairing): for a call sent
   * once, "outcome unknown" unless it is a refusal known to come before processing; for a read, 429
   * and 5xx are retried ({@code Retry-After} honoured) and the rest refused.
   */
  static PosException failure(
      int code, String body, Headers headers, boolean once, CallFacts facts) {
    String message = facts.what + ": WebECR answered HTTP " + code + detail(body);
    if (once && !refusedBeforeProcessing(code, body)) {
      // 408, 409, 429, other 4xx, 5xx: a gateway or the backend may have committed it first
      return new ConnectionException(
          message + "; the payment may exist", true, facts.providerReference, null);
    }
    if (code >= 500 || code == 429) {
      return new RetryAfterRejection(message, code, retryAfter(headers));
    }
    return new ProviderRejectedException(message, code, errorCode(body), false);
  }

  /**
   * True only for the refusal known to come before processing: a 400 whose Django body names the
   * request fields it refused ({@code {"Amount": ["..."]}}). A bare {@code detail} or non-field
   * error, and every other status, may come from a gateway after the backend committed.
   */
  private static boolean refusedBeforeProcessing(int code, String body) {
    if (code != 400) {
      return false;
    }
    String field = errorCode(body);
    return field != null && !NOT_FIELDS.contains(field);
  }

  private static final java.util.Set<String> NOT_FIELDS =
      java.util.Set.of("detail", "non_field_errors", "error", "message");

  private static String detail(String body) {
    try {
      return WireJson.parse(body)
          .firstError()
          .map(e -> ": " + truncate(e.getKey() + ": " + e.getValue()))
          .orElse("");
    } catch (MalformedAnswer e) {
      return "";
    }
  }

  private static String errorCode(String body) {
    try {
      return WireJson.parse(body).firstError().map(Map.Entry::getKey).orElse(null);
    } catch (MalformedAnswer e) {
      return null;
    }
  }

  private static String truncate(String s) {
    String oneLine = s.replaceAll("[\\r\\n\\t]+", " ");
    return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "...";
  }

  private static Duration retryAfter(Headers headers) {
    String value = headers.get("Retry-After");
    if (value == null) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
    } catch (NumberFormatException e) {
      return null; // an HTTP date: fall back to our own backoff
    }
  }
}
