package dev.webecr.sdk.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The provider reference of one attempt: {@code <ERP reference>-A<attempt>}. The ERP reference
 * is the idempotency key; the suffix keeps every attempt findable on its own.
 */
public final class AttemptReference {
  /** Characters the suffix takes at most ({@code -A999}). */
  public static final int MAX_SUFFIX_LENGTH = 5;
  /** Attempts per reference at most. */
  public static final int MAX_ATTEMPTS = 999;

  private static final Pattern SUFFIX = Pattern.compile("^(.+)-A([1-9][0-9]{0,2})$");

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
    Matcher m = SUFFIX.matcher(providerReference);
    return m.matches()
        ? new AttemptReference(m.group(1), Integer.parseInt(m.group(2)))
        : new AttemptReference(providerReference, 0);
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
