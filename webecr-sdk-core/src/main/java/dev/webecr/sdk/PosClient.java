package dev.webecr.sdk;

import dev.webecr.sdk.internal.Futures;
import dev.webecr.sdk.internal.PaymentEngine;
import dev.webecr.sdk.spi.Capability;
import dev.webecr.sdk.spi.PosProvider;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Takes card payments on POS terminals through one provider, so that no payment is charged twice
 * and no outcome is lost.
 *
 * <p>Every payment is journaled before it is sent, runs one dialogue per terminal at a time, is
 * polled until the terminal finishes or the payment deadline passes, and is never created twice: an
 * unanswered create is looked up by its reference. What is still in doubt after a crash or a
 * deadline, {@link #recover()} resolves.
 *
 * <pre>{@code
 * PosClient client = PosClient.builder()
 *     .provider("mellon", Map.of("preset", "NBG", "username", user, "password", pass))
 *     .journalFile(Path.of("/var/lib/erp/webecr.journal"))
 *     .signer(erpSigner)
 *     .build();
 * ApiKey key = client.pair("12345678");               // once per terminal
 * Terminal terminal = client.terminals(key).get(0);
 * PaymentIntent paid = client.pay(PaymentRequest.builder()
 *     .terminal(terminal).amount(Money.parse("24.80", Money.EUR)).reference("INV-1").build());
 * }</pre>
 *
 * <p>Thread-safe; build one per provider and share it. {@link #close()} releases its threads.
 */
public final class PosClient implements AutoCloseable {
  private final PaymentEngine engine;

  PosClient(PaymentEngine engine) {
    this.engine = engine;
  }

  /** A new builder. */
  public static PosClientBuilder builder() {
    return new PosClientBuilder();
  }

  /** The provider this client speaks to. */
  public PosProvider provider() {
    return engine.provider();
  }

  /**
   * Pairs a terminal: trades the redeem code it shows (Mellon: 8 digits, valid for about five
   * minutes) for its API key. Store the key; it does not expire but the merchant can revoke it.
   */
  public ApiKey pair(String redeemCode) {
    return engine.pair(Checks.redeemCode(redeemCode, engine.redeemCodeLength()));
  }

  /** {@link #pair} on the client's executor; every error, argument errors too, in the future. */
  public CompletableFuture<ApiKey> pairAsync(String redeemCode) {
    return async(() -> pair(redeemCode));
  }

  /** The terminals an API key reaches, each carrying the key. */
  public List<Terminal> terminals(ApiKey apiKey) {
    Objects.requireNonNull(apiKey, "apiKey == null");
    return engine.terminals(apiKey);
  }

  /**
   * The terminals the account owns itself, where the provider works in direct mode (Mellon: {@code
   * MellonConfig.directMode(true)}): no pairing, no API key.
   */
  public List<Terminal> directTerminals() {
    return engine.directTerminals();
  }

  /** {@link #directTerminals} on the client's executor. */
  public CompletableFuture<List<Terminal>> directTerminalsAsync() {
    return async(this::directTerminals);
  }

  /** {@link #terminals} on the client's executor. */
  public CompletableFuture<List<Terminal>> terminalsAsync(ApiKey apiKey) {
    return async(() -> terminals(apiKey));
  }

  /**
   * Runs a payment (sale, refund or void) to its outcome and returns it, settled.
   *
   * @throws OutcomeUnknownException when the outcome is still in doubt at the deadline
   * @throws TerminalInUseException when the terminal is busy with another payment of this client
   */
  public PaymentIntent pay(PaymentRequest request) {
    return Futures.join(payAsync(request));
  }

  /** {@link #pay} without blocking; no thread is held while the terminal works. */
  public CompletableFuture<PaymentIntent> payAsync(PaymentRequest request) {
    Objects.requireNonNull(request, "request == null");
    return engine.pay(request);
  }

  /** Refunds {@code amount} of an approved sale, linked to it, under a new ERP reference. */
  public PaymentIntent refund(PaymentIntent sale, Money amount, String reference) {
    return Futures.join(refundAsync(sale, amount, reference));
  }

  /** {@link #refund} without blocking. */
  public CompletableFuture<PaymentIntent> refundAsync(
      PaymentIntent sale, Money amount, String reference) {
    Objects.requireNonNull(sale, "sale == null");
    return payAsync(
        PaymentRequest.builder()
            .terminal(sale.terminal())
            .kind(TransactionType.REFUND)
            .amount(amount)
            .reference(reference)
            .original(OriginalTransaction.of(sale))
            .build());
  }

  /** Voids an approved transaction of the current batch, under a new ERP reference. */
  public PaymentIntent voidPayment(PaymentIntent original, String reference) {
    return Futures.join(voidPaymentAsync(original, reference));
  }

  /** {@link #voidPayment} without blocking. */
  public CompletableFuture<PaymentIntent> voidPaymentAsync(
      PaymentIntent original, String reference) {
    Objects.requireNonNull(original, "original == null");
    return payAsync(
        PaymentRequest.builder()
            .terminal(original.terminal())
            .kind(TransactionType.VOID)
            .amount(original.amount())
            .reference(reference)
            .original(OriginalTransaction.of(original))
            .build());
  }

  /** The provider's current state of an intent; journaled when the journal holds it. */
  public PaymentIntent refresh(PaymentIntent intent) {
    Objects.requireNonNull(intent, "intent == null");
    return engine.refresh(intent);
  }

  /** {@link #refresh} on the client's executor. */
  public CompletableFuture<PaymentIntent> refreshAsync(PaymentIntent intent) {
    return async(() -> refresh(intent));
  }

  /** The provider's intents of one terminal in a period; journaled ones under their reference. */
  public List<PaymentIntent> intents(Terminal terminal, Period period) {
    Objects.requireNonNull(terminal, "terminal == null");
    Objects.requireNonNull(period, "period == null");
    return engine.intents(terminal, period);
  }

  /** {@link #intents} on the client's executor. */
  public CompletableFuture<List<PaymentIntent>> intentsAsync(Terminal terminal, Period period) {
    return async(() -> intents(terminal, period));
  }

  /**
   * Compares the journal with the provider for a period: refreshes every attempt the journal holds
   * in flight, lists the provider's intents of each journaled terminal, and reports every
   * difference; a second approval under one reference is given back as {@link DuplicatePolicy}
   * says.
   */
  public ReconciliationReport reconcile(Period period) {
    Objects.requireNonNull(period, "period == null");
    return engine.reconcile(period);
  }

  /** {@link #reconcile} on the client's executor. */
  public CompletableFuture<ReconciliationReport> reconcileAsync(Period period) {
    return async(() -> reconcile(period));
  }

  /**
   * Resumes every attempt the journal holds in flight (after a restart, or after an {@link
   * OutcomeUnknownException}) and waits for each to settle, up to the payment deadline on its first
   * recovery and a single look on later ones (with growing intervals between runs). Never sends a
   * new payment: an attempt the provider never received is reported as not sent. Attempts of one
   * terminal are asked about together, so none waits behind a stuck one.
   */
  public RecoveryReport recover() {
    return engine.recover();
  }

  /** {@link #recover} on the client's executor (it may wait up to the payment deadline). */
  public CompletableFuture<RecoveryReport> recoverAsync() {
    return async(this::recover);
  }

  /**
   * Settles by hand an attempt that stays in doubt (see {@link RecoveryReport#needsAttention()}):
   * what the merchant saw on the terminal's slip. The journal keeps who closed it and why; recovery
   * leaves it alone from then on. Only an attempt in flight can be resolved.
   *
   * @param providerReference the attempt, as the report names it
   * @param outcome what the slip shows: APPROVED, DECLINED, CANCELLED or FAILED
   * @param who the person (or role) who read the slip
   * @param why what they saw, for the audit trail
   */
  public void resolveManually(
      String providerReference, IntentResult outcome, String who, String why) {
    Objects.requireNonNull(providerReference, "providerReference == null");
    Objects.requireNonNull(outcome, "outcome == null");
    Checks.notBlank("who", who);
    Checks.notBlank("why", why);
    if (!outcome.isSettled() || outcome.nextStep() != NextStep.NONE) {
      throw new InvalidRequestException(
          "outcome",
          "must be a final result seen on the slip (APPROVED, DECLINED, CANCELLED, FAILED)");
    }
    engine.resolveManually(providerReference, outcome, who, why);
  }

  /**
   * Reads a running attempt now instead of at its next poll: for a provider's webhook (Viva's
   * 1802/1803), which is a hint, never an outcome. The read's answer settles the attempt as any
   * poll would; polling goes on whether hints come or not.
   *
   * @param providerReference the attempt the hint names (Viva's {@code SessionId})
   * @param terminalCallId the terminal it names: a hint for another terminal is not taken
   * @return true when an attempt under that reference on that terminal was waiting for its next
   *     read here; false otherwise (none runs in this client, or a read is under way)
   */
  public boolean readNow(String providerReference, String terminalCallId) {
    Objects.requireNonNull(providerReference, "providerReference == null");
    Objects.requireNonNull(terminalCallId, "terminalCallId == null");
    return engine.readNow(providerReference, terminalCallId);
  }

  /**
   * The cashier's cancel: asks the terminal to stop the payment of {@code reference} that runs in
   * this client ({@link Capability#ABORT}: Viva). It is a request to the device, not a result: the
   * payment goes on being read and ends as the provider says; an approval that comes anyway is an
   * approval.
   *
   * @return true when a payment of that reference was running here and the stop was asked
   * @throws UnsupportedCapabilityException when the provider cannot abort
   */
  public boolean cancel(String reference) {
    Objects.requireNonNull(reference, "reference == null");
    return engine.cancel(reference);
  }

  /**
   * What operations watch: payments running here, attempts in doubt and those waiting for a person,
   * the oldest doubt's age, when the provider last answered and last failed. Reads the journal's
   * attempts in flight, no provider call: cheap enough to ask every second.
   */
  public Health health() {
    return engine.health();
  }

  /** Stops the client's own threads and closes what it created (provider, journal). */
  @Override
  public void close() {
    engine.close();
  }

  private <T> CompletableFuture<T> async(Supplier<T> call) {
    return engine.async(call);
  }
}
