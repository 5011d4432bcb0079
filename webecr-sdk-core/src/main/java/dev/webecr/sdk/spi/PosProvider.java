package dev.webecr.sdk.spi;

import dev.webecr.sdk.ApiKey;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.Period;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.UnsupportedCapabilityException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One ECR middleware, spoken to directly. {@link dev.webecr.sdk.PosClient} adds the journal,
 * signing, polling, per-terminal serialisation and recovery on top; a provider only translates
 * calls. Implementations must be thread-safe.
 *
 * <p>The error contract every method keeps:
 *
 * <ul>
 *   <li>{@link dev.webecr.sdk.ConnectionException} with {@code isOutcomeUnknown()} true when the
 *       request may have reached the provider (a timeout or a reset after sending); false when it
 *       provably did not (connection refused, DNS).
 *   <li>{@link dev.webecr.sdk.ProviderRejectedException} when the provider answered with an error.
 *       For a create, only where the refusal provably came before processing (a validation error
 *       naming request fields): nothing was created. A retryable one (throttled, a server error) is
 *       taken as "may have been created" and looked up; a create answered by anything else the
 *       provider cannot vouch for throws an outcome-unknown {@link
 *       dev.webecr.sdk.ConnectionException}.
 *   <li>{@link dev.webecr.sdk.AuthenticationException} / {@link
 *       dev.webecr.sdk.PairingRevokedException} for refused credentials.
 * </ul>
 *
 * <p>Reads may be retried inside the provider. {@link #create} must never be re-sent by the
 * provider: the client recovers an unanswered create with {@link #findAttempt}.
 */
public interface PosProvider extends AutoCloseable {
  /** The provider's id, as in {@link Terminal#providerId()}: {@code "mellon"}, {@code "rrpay"}. */
  String id();

  /** What this provider can do. */
  Set<Capability> capabilities();

  /** The longest {@code providerReference} the provider accepts (Mellon: 50). */
  default int maxReferenceLength() {
    return 50;
  }

  /** The currencies the provider takes; empty (the default): any. */
  default java.util.Set<java.util.Currency> currencies() {
    return java.util.Set.of();
  }

  /**
   * The largest amount one payment may carry (with its tip), in minor units of its currency;
   * default unlimited. The client refuses a larger one before anything is sent.
   */
  default long maxAmountMinorUnits() {
    return Long.MAX_VALUE;
  }

  /**
   * The smallest amount one payment may carry, in minor units; default 1. The client refuses a
   * smaller one before anything is sent (Viva's demo takes no less than 0.30 EUR).
   */
  default long minAmountMinorUnits() {
    return 1;
  }

  /**
   * How long after an unanswered create the provider may still record it: once this has passed and
   * {@link #findAttempt} finds nothing, the create provably never arrived.
   */
  default Duration createSettleTime() {
    return Duration.ofSeconds(30);
  }

  /**
   * How long, counted from when the client saw a create fail, the provider may still record that
   * create, for a create that asked the provider to wait {@code serverWait} for the terminal. It
   * must be no shorter than that create's own call timeout plus a margin: a gateway may give up
   * (504) while the backend commits later. The client calls a create whose answer was lost not sent
   * only after this window, and after two empty lookups. Default: {@link #createSettleTime()} plus
   * {@code serverWait}.
   */
  default Duration createSettleTime(Duration serverWait) {
    return createSettleTime().plus(serverWait);
  }

  /** Trades a redeem code shown on the terminal for the terminal's API key. */
  default ApiKey redeem(String code) {
    throw new UnsupportedCapabilityException(id(), Capability.REDEEM);
  }

  /** The terminals this API key reaches, each carrying the key. */
  default List<Terminal> terminals(ApiKey apiKey) {
    throw new UnsupportedCapabilityException(id(), Capability.LIST_TERMINALS);
  }

  /**
   * The terminals the account owns itself, in direct mode (no pairing; calls carry no API key).
   * Only providers with {@link Capability#DIRECT_MODE}.
   */
  default List<Terminal> directTerminals() {
    throw new dev.webecr.sdk.UnsupportedCapabilityException(id(), Capability.DIRECT_MODE);
  }

  /**
   * Creates an intent; sent once, never retried. Once the request may have left, nothing but an
   * outcome-unknown {@link dev.webecr.sdk.ConnectionException} may be thrown: a failure of any
   * later step (reading card data, mapping the answer) must not look like a refusal.
   */
  PaymentIntent create(CreateIntentCommand command);

  /**
   * The intent of one attempt, found again after its create's answer was lost (or, with {@link
   * AttemptLookup#sentAfter()} at the epoch, whatever the provider holds under the reference):
   * empty when the provider has none (yet). A provider whose wire keeps no reference for some kinds
   * (Mellon voids) finds those another way; where it cannot tell for sure it answers empty, and the
   * client keeps such an attempt in doubt rather than call it unsent.
   */
  Optional<PaymentIntent> findAttempt(Terminal terminal, AttemptLookup attempt);

  /**
   * The current state of an attempt whose intent id is known ({@code attempt.intentId()}), or of an
   * intent known by its id alone ({@link AttemptLookup#ofIntentId}).
   */
  PaymentIntent getAttempt(Terminal terminal, AttemptLookup attempt);

  /**
   * Asks the terminal to stop a running attempt ({@link Capability#ABORT}). Only a later read says
   * what happened: the attempt may still be approved. Default: unsupported.
   */
  default void abort(Terminal terminal, AttemptLookup attempt) {
    throw new UnsupportedCapabilityException(id(), Capability.ABORT);
  }

  /** The intents of a terminal in a period, every page. */
  default List<PaymentIntent> intents(Terminal terminal, Period period) {
    throw new UnsupportedCapabilityException(id(), Capability.LIST_INTENTS);
  }

  /** Releases connections and threads. */
  @Override
  default void close() {}

  /**
   * Called once by the client that owns this provider, before its first call: report every HTTP
   * request to {@code observer} ({@link PaymentObserver#request}). A provider without HTTP, or one
   * that reports nothing, ignores it.
   */
  default void observe(PaymentObserver observer) {}
}
