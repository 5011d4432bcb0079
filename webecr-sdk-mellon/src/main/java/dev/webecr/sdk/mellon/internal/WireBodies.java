package dev.webecr.sdk.mellon.internal;

/**
 * Request bodies, with field names exactly as the wire wants them (PascalCase for WebECR, lower
 * case for the token endpoints). Null fields are left out. Amounts are integer cents.
 */
@SuppressWarnings({"checkstyle:MemberName", "unused"})
final class WireBodies {
  private WireBodies() {}

  static final class Login {
    String username;
    String password;

    @Override
    public String toString() {
      return "Login{****}";
    }
  }

  static final class Refresh {
    String refresh;

    @Override
    public String toString() {
      return "Refresh{****}";
    }
  }

  static final class Redeem {
    String Type = "webecr";
    String Code;

    @Override
    public String toString() {
      return "Redeem{****}";
    }
  }

  static final class TxnInit {
    Integer TxnType;
    Long Amount;
    Integer CurrencyCode;
    Integer Instalments;
    String CustomerReference;
    String InitialTransaction;
    Integer PaymentType;
    Long TipAmount;
    Long CashbackAmount;
    String CustomerEmail;
    String CustomerPhone;
    Boolean PreloadTransaction;
    Long PreloadExpiration;
    Boolean IsTaxFree;
    Boolean OnBehalfCollection;
    ProviderData ProviderData;
    Long Timeout;

    @Override
    public String toString() {
      return "TxnInit{TxnType=" + TxnType + ", Amount=" + Amount + ", ...}"; // no personal data
    }
  }

  static final class ProviderData {
    String Uid;
    String Mark;
    String SignatureTimestamp;
    Long NetAmount;
    Long VatAmount;
    Long TotalAmount;
    String ProviderId;
    String Signature;

    @Override
    public String toString() {
      return "ProviderData{****}";
    }
  }

  /** The real void body: no CustomerReference (integrator code sends none). */
  static final class TxnVoid {
    String OriginalIdentifier;
    Integer OriginalIdentifierType;
    Long Timeout;
  }
}
