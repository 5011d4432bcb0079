package dev.webecr.sdk;

/** Builds well-formed signed inputs for tests. */
final class Signatures {
  static final String UID_HASH = "B6A70F9F1CCE52E6C6F7E5C40951F240DE0000CC";

  private Signatures() {}

  static String input(long payableCents, String tid) {
    long vat = payableCents / 5;
    return UID_HASH
        + ";;20260202140021;"
        + payableCents
        + ";"
        + (payableCents - vat)
        + ";"
        + vat
        + ";"
        + payableCents
        + ";"
        + tid;
  }
}
