package dev.webecr.sdk.viva.internal;

/**
 * Request bodies with field names exactly as the wire wants them (camelCase, §5 and §9). Null
 * fields are left out; ids are strings, amounts integer cents.
 */
@SuppressWarnings({"checkstyle:MemberName", "unused"})
final class VivaBodies {
  private VivaBodies() {}

  /** A sale, pre-authorisation, refund or completion. */
  static final class Payment {
    String sessionId;
    String terminalId;
    String cashRegisterId;
    long amount;
    String currencyCode;
    String merchantReference;
    Long tipAmount;
    Boolean preauth;
    Integer maxInstalments;
    String parentSessionId;
    Integer aadeProviderId;
    String aadeProviderSignatureData;
    String aadeProviderSignature;

    @Override
    public String toString() {
      return "Payment{" + sessionId + ", " + amount + " cents}"; // never the signature
    }
  }
}
