package dev.webecr.sdk.spi;

/**
 * The provider reference of one attempt: {@code <ERP reference>-A<attempt>}. The ERP reference is
 * the idempotency key; the suffix keeps every attempt findable on its own.
 */
public final class AttemptReference {
  /** Characters the suffix takes at most ({@code -A999}). */
  public static final int MAX_SUFFIX_LENGTH = 5;

  /** Attempts per reference at most. */
  public static final int MAX_ATTEMPTS = 999;

  private final String reference;
  private final int attempt;

  private AttemptReference(String reference, int attempt) {
    this.reference = reference;
    this.attempt = attempt;
  }

  /** The provider reference of attempt {@code attempt} (from 1) of {@code reference}. */
  public static String format(String reference, int attempt) {
    if (attempt < 1 || attempt > MAX_ATTEMPTS) {
      throw new IllegalArgumentException("attempt out of range: " + attempt);
    }
    return reference + "-A" + attempt;
  }

  /** Splits a provider reference; one without our suffix is its own reference, attempt 0. */
  public static AttemptReference parse(String providerReference) {
    // by hand, not by regular expression: opening a large journal parses every reference
    int dash = providerReference.lastIndexOf("-A");
    int digits = providerReference.length() - dash - 2;
    if (dash < 1 || digits < 1 || digits > 3 || providerReference.charAt(dash + 2) == '0') {
      return new AttemptReference(providerReference, 0);
    }
    int attempt = 0;
    for (int i = dash + 2; i < providerReference.length(); i++) {
      char c = providerReference.charAt(i);
      if (c < '0' || c > '9') {
        return new AttemptReference(providerReference, 0);
      }
      attempt = attempt * 10 + (c - '0');
    }
    return new AttemptReference(providerReference.substring(0, dash), attempt);
  }

  /** The ERP reference. */
  public String reference() {
    return reference;
  }

  /** The attempt number; 0 for references not made by this SDK. */
  public int attempt() {
    return attempt;
  }
}
