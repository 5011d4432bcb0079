package dev.webecr.sdk.viva.internal;

/**
 * Request bodies with field names exactly as the wire wants them (camelCase, §5 and §9). Null
 * fields are left out; ids are strings, amounts integer cents.
 */
@SuppressWarnings({"checkstyle:MemberName", "unused"})
final class VivaBodies {
  private VivaBodies() {}

  /** The ISV scheme's part of every create (§5; field meanings second-hand, [2ND VC2]). */
  static final class IsvDetails {
    long amount;
    String merchantId;
    String terminalMerchantId;
  }

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
    Boolean aadePreloaded;
    Integer aadePreloadedDuration;
    IsvDetails isvDetails;

    @Override
    public String toString() {
      return "Payment{" + sessionId + ", " + amount + " cents}"; // never the signature
    }
  }
}
