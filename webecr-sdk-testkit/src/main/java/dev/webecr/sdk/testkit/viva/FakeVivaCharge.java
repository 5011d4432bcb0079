package dev.webecr.sdk.testkit.viva;

import java.util.Optional;

/** One session the fake approved: money moved (a sale, a pre-authorisation, a refund...). */
public final class FakeVivaCharge {
  private final String sessionId;
  private final String kind;
  private final String parentSessionId;
  private final long amountCents;

  FakeVivaCharge(String sessionId, String kind, String parentSessionId, long amountCents) {
    this.sessionId = sessionId;
    this.kind = kind;
    this.parentSessionId = parentSessionId;
    this.amountCents = amountCents;
  }

  /** The session id the ECR chose. */
  public String sessionId() {
    return sessionId;
  }

  /** The create it came from: {@code sale}, {@code refund}, {@code preauth-completion}... */
  public String kind() {
    return kind;
  }

  /** The session a refund or completion names. */
  public Optional<String> parentSessionId() {
    return Optional.ofNullable(parentSessionId);
  }

  /** The amount, in cents. */
  public long amountCents() {
    return amountCents;
  }

  @Override
  public String toString() {
    return kind
        + " "
        + sessionId
        + " "
        + amountCents
        + (parentSessionId == null ? "" : " of " + parentSessionId);
  }
}
