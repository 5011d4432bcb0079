package dev.webecr.sdk.spi;

import dev.webecr.sdk.PaymentMethod;
import dev.webecr.sdk.PaymentRequest;
import java.util.EnumSet;
import java.util.Set;

/** What a provider can do; {@link PosProvider#capabilities()} lists them. */
public enum Capability {
  /** Pair a terminal with a redeem code shown on it. */
  REDEEM,
  /** List the terminals an API key reaches. */
  LIST_TERMINALS,
  /** Card sales. */
  SALE,
  /** Refunds. */
  REFUND,
  /** Voids of an earlier transaction. */
  VOID,
  /** Pre-authorisations ({@link dev.webecr.sdk.TransactionType#PRE_AUTHORISATION}). */
  PRE_AUTHORISATION,
  /** Completions of a pre-authorisation. */
  PRE_AUTH_COMPLETION,
  /** Mail and telephone orders. */
  MAIL_ORDER,
  /** Cash advances. */
  CASH_ADVANCE,
  /** The acquirer's "card payment" type. */
  CARD_PAYMENT,
  /** Bill payments. */
  BILL_PAYMENT,
  /** Other payments. */
  OTHER_PAYMENT,
  /** Pre-payments. */
  PRE_PAYMENT,
  /** IRIS instant payments, and letting the customer choose the method on the terminal. */
  IRIS,
  /** A tip on top of the amount. */
  TIP,
  /** Cash back with a sale. */
  CASHBACK,
  /** The customer's e-mail or phone for the e-receipt. */
  RECEIPT_CONTACT,
  /** Preloaded payments: sent now, run when the operator opens them on the POS. */
  PRELOAD,
  /** Tax-free sales and collections on behalf of a third party. */
  TAX_FLAGS,
  /** Payments of a document series that needs no provider signature. */
  UNSIGNED_SERIES,
  /** The account owns its terminals: no pairing, no API key ({@code directTerminals()}). */
  DIRECT_MODE,
  /** List the intents of a period. */
  LIST_INTENTS,
  /** Every payment must carry a {@link dev.webecr.sdk.ProviderSignature} (Greece). */
  SIGNATURE_REQUIRED,
  /** The create call can wait server-side for the card dialogue's result. */
  SERVER_SIDE_WAIT,
  /** Instalments. */
  INSTALLMENTS,
  /** The basket lines of a sale (the provider prints the fiscal receipt). */
  BASKET,
  /**
   * Asking about an attempt costs nothing remote (a local exchange folder): recovery asks at every
   * run rather than backing off, so an answer that arrived is taken at once.
   */
  LOCAL_LOOKUPS,
  /**
   * The provider prints the fiscal receipt of each payment: giving a duplicate back is a fiscal
   * return, made automatically only when the ERP chose {@link
   * dev.webecr.sdk.DuplicatePolicy#AUTO_REVERSE} itself (reported only by default).
   */
  FISCAL_RECEIPTS,
  /**
   * A running attempt can be asked to stop ({@link PosProvider#abort}): the client asks once at the
   * payment deadline and reads on for a short grace, since an abort is a request to the device, not
   * a result (Viva). An approval that comes after it is an approval.
   */
  ABORT;

  /**
   * What a provider with {@code offered} capabilities must have to take {@code request}: its kind,
   * and one for each option it uses (an unsigned series only where the provider otherwise requires
   * a signature). The client refuses the request before anything is sent when one is missing.
   */
  public static Set<Capability> requiredBy(PaymentRequest request, Set<Capability> offered) {
    Set<Capability> out = EnumSet.of(valueOf(request.kind().name()));
    needs(out, request.installments().isPresent(), INSTALLMENTS);
    needs(out, request.paymentMethod() != PaymentMethod.CARD, IRIS);
    needs(out, request.tip().isPresent(), TIP);
    needs(out, request.cashback().isPresent(), CASHBACK);
    needs(
        out,
        request.customerEmail().isPresent() || request.customerPhone().isPresent(),
        RECEIPT_CONTACT);
    needs(out, request.preloadExpiry().isPresent(), PRELOAD);
    needs(out, request.taxFree() || request.onBehalfCollection(), TAX_FLAGS);
    needs(out, request.unsignedSeries() && offered.contains(SIGNATURE_REQUIRED), UNSIGNED_SERIES);
    return out;
  }

  private static void needs(Set<Capability> out, boolean used, Capability capability) {
    if (used) {
      out.add(capability);
    }
  }
}
