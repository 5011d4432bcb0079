package dev.webecr.sdk.rrpay;

import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.Period;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.rrpay.internal.RrPayHandoff;
import dev.webecr.sdk.spi.AttemptLookup;
import dev.webecr.sdk.spi.Capability;
import dev.webecr.sdk.spi.CreateIntentCommand;
import dev.webecr.sdk.spi.PosProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The RASO RRPay handoff for Rivile GAMA's non-fiscal POS: a sale (with its basket) goes to RRPay
 * through the exchange folder; RRPay takes the payment, prints the fiscal receipt and hands back
 * the tenders. Use it through {@link dev.webecr.sdk.PosClient} like any provider.
 *
 * <pre>{@code
 * RrPayProvider rrpay = RrPayProvider.open(config);       // GAMA's INIT
 * PosClient client = PosClient.builder().provider(rrpay).journalFile(journal).build();
 * PaymentIntent paid = client.pay(PaymentRequest.builder().terminal(rrpay.terminal("POS1"))
 *     .amount(total).reference(RrPayReference.of("POS1", "000123", businessDay))
 *     .lines(basket).cashier("Rasa K.").build());
 * RrPayResult receipt = rrpay.result(paid.id()).orElseThrow();
 * rrpay.close();                                           // GAMA's CLOSE
 * }</pre>
 *
 * <p>Never twice: a request RRPay does not acknowledge within its ack window is taken back from the
 * outbox if RRPay has not taken it (RRPay takes a request by renaming it out of the outbox), and
 * RRPay is asked about it all the same: the sale is "not sent" only once RRPay answers "not found".
 * An acknowledged request is only ever asked about. A result that does not add up goes to {@code
 * rejected/} with a reason and the sale stays UNKNOWN until RRPay answers again or the cashier
 * {@linkplain #resolveManually resolves it by hand}. Thread-safe.
 */
public final class RrPayProvider implements PosProvider {
  /** The provider id. */
  public static final String ID = "rrpay";

  private final RrPayConfig config;
  private final RrPayHandoff handoff;

  private RrPayProvider(RrPayConfig config, Clock clock) {
    this.config = config;
    this.handoff = new RrPayHandoff(config, clock);
  }

  /**
   * Opens the handoff session of this ERP (Rivile GAMA's INIT): checks the exchange folders and
   * starts watching the inbox; results that arrived while closed are picked up now.
   */
  public static RrPayProvider open(RrPayConfig config) {
    return open(config, Clock.systemUTC());
  }

  /** {@link #open(RrPayConfig)} with a clock for request times. */
  public static RrPayProvider open(RrPayConfig config, Clock clock) {
    Objects.requireNonNull(config, "config == null");
    Objects.requireNonNull(clock, "clock == null");
    return new RrPayProvider(config, clock);
  }

  /** The terminal for one configured POS id. */
  public Terminal terminal(String posId) {
    if (!config.posIds().contains(posId)) {
      throw new InvalidRequestException(
          "posId", "'" + posId + "' is not configured: " + config.posIds());
    }
    return Terminal.builder()
        .providerId(ID)
        .tid(posId)
        .callId(posId)
        .label("RRPay " + posId)
        .build();
  }

  /** What RRPay (or the cashier, by hand) reported for a sale, once there is something. */
  public Optional<RrPayResult> result(String id) {
    return handoff.result(id);
  }

  /**
   * The last resort when the fiscal receipt was printed but no result came back: the cashier's
   * tenders for a sale still UNKNOWN, journaled as manual. A result that arrives later is compared
   * with them and any difference reported in {@link #mismatches()}, never overwritten.
   */
  public void resolveManually(String id, List<RrPayTender> tenders) {
    handoff.resolveManually(id, tenders);
  }

  /** Results that arrived after a manual entry and differ from it. */
  public List<String> mismatches() {
    return handoff.mismatches();
  }

  /**
   * One business day's takings (Europe/Vilnius), to match RRPay's Z report: net per credit number
   * (sales minus fiscal returns), rounding on its own line, manual resolutions on the day of their
   * sale.
   */
  public RrPayDayTotals dayTotals(LocalDate day) {
    return handoff.dayTotals(day);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Set<Capability> capabilities() {
    return handoff.capabilities();
  }

  @Override
  public int maxReferenceLength() {
    return handoff.maxReferenceLength();
  }

  @Override
  public Duration createSettleTime() {
    return handoff.createSettleTime();
  }

  @Override
  public PaymentIntent create(CreateIntentCommand command) {
    return handoff.create(command);
  }

  @Override
  public PaymentIntent getAttempt(Terminal terminal, AttemptLookup attempt) {
    return handoff.getAttempt(terminal, attempt);
  }

  @Override
  public Optional<PaymentIntent> findAttempt(Terminal terminal, AttemptLookup attempt) {
    return handoff.findAttempt(terminal, attempt);
  }

  @Override
  public List<PaymentIntent> intents(Terminal terminal, Period period) {
    return handoff.intents(terminal, period);
  }

  /** Closes the handoff session (Rivile GAMA's CLOSE): stops watching the inbox. */
  @Override
  public void close() {
    handoff.close();
  }
}
