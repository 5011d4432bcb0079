package dev.webecr.sdk.spi;

import dev.webecr.sdk.Money;
import dev.webecr.sdk.TransactionType;
import org.immutables.value.Value;

/** What a {@link PaymentSigner} signs: one attempt of one payment on one terminal. */
@Value.Immutable
public abstract class SigningRequest {
  SigningRequest() {}

  /** The ERP's document reference. */
  public abstract String reference();

  /** The attempt's reference at the provider. */
  public abstract String providerReference();

  /** The attempt number, from 1. */
  public abstract int attempt();

  /** Sale, refund or void. */
  public abstract TransactionType kind();

  /** The payable amount. */
  public abstract Money amount();

  /** The TID the payment runs on: part of the signed content. */
  public abstract String terminalTid();

  /**
   * The provider network the payment goes through ({@code "mellon"}, {@code "viva"}): networks
   * number e-invoicing providers each their own way (ILYDA is 8 on Mellon's, 108 on Viva's), so a
   * signer serving several can answer in the network's numbering. Empty when not known.
   */
  public abstract java.util.Optional<String> network();

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SigningRequest}. */
  public static final class Builder extends ImmutableSigningRequest.Builder {
    Builder() {}
  }
}
