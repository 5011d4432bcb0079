package dev.webecr.sdk.mellon.internal;

import java.time.Duration;

/**
 * What one WebECR call is, carried as its request's tag ({@code @Tag} in {@link WebEcrApi}): what
 * errors and the log call it, the terminal its pairing errors name, a create's attempt reference
 * (an outcome-unknown error must name it), the server-side wait a create asked for (its timeouts
 * grow by it), and the request id sent as {@code X-Request-Id}. One per request: a retried read
 * builds new facts, so each attempt has its own id.
 */
final class CallFacts {
  /** Method and path template ("POST txninit"): no ids, no query. */
  final String what;

  /** The terminal, for pairing errors; null where there is none. */
  final String tid;

  /** A create's attempt reference, for outcome-unknown errors; null for other calls. */
  final String providerReference;

  /** How long a create asked WebECR to hold its answer; zero for other calls. */
  final Duration serverWait;

  final String requestId = IdentityInterceptor.next();

  private CallFacts(String what, String tid, String providerReference, Duration serverWait) {
    this.what = what;
    this.tid = tid;
    this.providerReference = providerReference;
    this.serverWait = serverWait;
  }

  /** A read (retried by {@link MellonHttp#read}). */
  static CallFacts read(String what, String tid) {
    return new CallFacts(what, tid, null, Duration.ZERO);
  }

  /** A call sent once ({@link WebEcrApi.SentOnce}): a create, or a redeem. */
  static CallFacts sent(String what, String tid, String providerReference, Duration serverWait) {
    return new CallFacts(what, tid, providerReference, serverWait);
  }

  @Override
  public String toString() {
    return what + " [request " + requestId + "]";
  }
}
