package dev.webecr.sdk.internal;

import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.ProviderRejectedException;
import dev.webecr.sdk.RequiredFieldException;
import dev.webecr.sdk.UnsupportedCapabilityException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a failed create means for its attempt: looked up whenever it may have left (an answer lost,
 * a retryable refusal, anything unexpected), called not sent only when it provably did not (it
 * never left the machine, or the provider refused it before processing).
 */
final class CreateFailures {
  private static final Logger log = LoggerFactory.getLogger(CreateFailures.class);

  private CreateFailures() {}

  static void settle(RuntimeException failure, AttemptWatch watch, String providerReference) {
    if (failure instanceof ConnectionException) {
      ConnectionException e = (ConnectionException) failure;
      if (e.isOutcomeUnknown()) {
        log.info("create {} unanswered ({}): looking it up", providerReference, e.getMessage());
        watch.lookup();
      } else {
        watch.notSent(neverLeft(providerReference, e));
      }
    } else if (failure instanceof ProviderRejectedException) {
      ProviderRejectedException e = (ProviderRejectedException) failure;
      if (e.isRetryable()) {
        // throttled or a server error: the provider may have committed it before refusing
        log.info("create {} refused as retryable ({}): looking it up", providerReference, e);
        watch.lookup();
      } else {
        // refused before processing (a validation 400, the token or key layer): nothing created
        watch.notSent(e);
      }
    } else if (failure instanceof RequiredFieldException) {
      // a value built without a field: before sending or from the answer, nobody can tell
      log.warn("create {} failed building a value: looking it up", providerReference, failure);
      watch.lookup();
    } else if (failure instanceof InvalidRequestException
        || failure instanceof UnsupportedCapabilityException) {
      watch.notSent((dev.webecr.sdk.PosException) failure); // refused before sending
    } else {
      log.warn(
          "create {} failed unexpectedly: treating as unknown, looking it up",
          providerReference,
          failure);
      watch.lookup();
    }
  }

  /** An attempt looked for after its settle window and not found: it may be paid again. */
  static ConnectionException notFound(String providerReference, Duration since, int asked) {
    return new ConnectionException(
        "payment "
            + providerReference
            + " was not found at the provider "
            + since.getSeconds()
            + " s after its create failed (asked "
            + asked
            + " times): it is safe to pay again with the same reference, the SDK looks for"
            + " it again first",
        false,
        providerReference,
        null);
  }

  /** The one case the SDK may say "nothing was charged": the request never left this machine. */
  private static ConnectionException neverLeft(String providerReference, ConnectionException e) {
    return new ConnectionException(
        "payment "
            + providerReference
            + " never left this machine ("
            + e.getMessage()
            + "): nothing was charged",
        false,
        providerReference,
        e);
  }
}
