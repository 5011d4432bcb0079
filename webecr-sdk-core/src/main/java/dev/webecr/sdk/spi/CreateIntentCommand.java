package dev.webecr.sdk.spi;

import dev.webecr.sdk.BasketLine;
import dev.webecr.sdk.Buyer;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.OriginalTransaction;
import dev.webecr.sdk.PaymentOptions;
import dev.webecr.sdk.ProviderSignature;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One attempt to create an intent, as {@link dev.webecr.sdk.PosClient} hands it to a provider:
 * validated, signed, journaled.
 */
@Value.Immutable
public abstract class CreateIntentCommand implements PaymentOptions {
  CreateIntentCommand() {}

  /** The terminal, with its API key. */
  public abstract Terminal terminal();

  /** Sale, refund, void, or another kind the provider said it runs. */
  public abstract TransactionType kind();

  /** The amount. */
  public abstract Money amount();

  /** The reference of this attempt; the provider must store it so it can be found again. */
  public abstract String providerReference();

  /** The signature, where the provider requires one. */
  public abstract Optional<ProviderSignature> signature();

  /** The original transaction of a refund or void. */
  public abstract Optional<OriginalTransaction> original();

  /** Instalments. */
  public abstract Optional<Integer> installments();

  /** Basket lines. */
  public abstract List<BasketLine> lines();

  /** Who is at the till. */
  public abstract Optional<String> cashier();

  /** The buyer of a sale that gets an invoice. */
  public abstract Optional<Buyer> buyer();

  /** How long the provider may wait server-side for the result before answering. */
  @Value.Default
  public Duration serverWait() {
    return Duration.ZERO;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CreateIntentCommand}. */
  public static final class Builder extends ImmutableCreateIntentCommand.Builder {
    Builder() {}
  }
}
