package dev.webecr.sdk;

/** How the customer pays on the terminal. */
public enum PaymentMethod {
  /** A card (chip, contactless, magstripe). */
  CARD,
  /** IRIS, the Greek instant account-to-account payment (a QR code on the terminal). */
  IRIS,
  /** The customer chooses on the terminal; the provider is told no method. */
  CUSTOMER_CHOOSES
}
