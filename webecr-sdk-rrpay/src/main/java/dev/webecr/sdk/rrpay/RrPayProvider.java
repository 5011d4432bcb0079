package dev.webecr.sdk.rrpay;

import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.Period;
import dev.webecr.sdk.ProviderRejectedException;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.rrpay.internal.FolderExchange;
import dev.webecr.sdk.rrpay.internal.RrPayCodec;
import dev.webecr.sdk.spi.AttemptLookup;
import dev.webecr.sdk.spi.Capability;
import dev.webecr.sdk.spi.CreateIntentCommand;
import dev.webecr.sdk.spi.PosProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

  private static final Logger log = LoggerFactory.getLogger(RrPayProvider.class);
  private static final Set<Capability> CAPABILITIES =
      Collections.unmodifiableSet(
          EnumSet.of(
              Capability.SALE,
              Capability.REFUND,
              Capability.VOID,
              Capability.LIST_INTENTS,
              Capability.BASKET,
              Capability.LOCAL_LOOKUPS,
              Capability.FISCAL_RECEIPTS));
  static final List<String> REQUEST_TYPES =
      List.of(RrPayCodec.SALE, RrPayCodec.RETURN, RrPayCodec.CANCEL);

  private final RrPayConfig config;
  private final FolderExchange exchange;
  private final Clock clock;
  private final RrPayInbox inbox;
  private final RrPayIntents intents;
  private final RrPayBooks books;
  private final RrPayInboxWatcher watcher;
  private volatile boolean open = true;

  private RrPayProvider(RrPayConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.exchange = FolderExchange.open(config.exchangeRoot());
    this.inbox = new RrPayInbox(exchange, config.creditMapping());
    this.intents = new RrPayIntents(exchange, inbox);
    this.books = new RrPayBooks(exchange, inbox, config.creditMapping(), clock);
    this.watcher = RrPayInboxWatcher.start(exchange.inbox, inbox, config.pollInterval());
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

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Set<Capability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public int maxReferenceLength() {
    return 64;
  }

  @Override
  public Duration createSettleTime() {
    return config.ackTimeout();
  }

  @Override
  public PaymentIntent create(CreateIntentCommand c) {
    requireOpen();
    String posId = posOf(c.terminal());
    String id = c.providerReference();
    if (!id.matches("[A-Za-z0-9._-]+")) {
      throw new InvalidRequestException(
          "reference", "RRPay references may hold letters, digits, '.', '_' and '-' only");
    }
    RrPayRequestKind kind = RrPayRequestKind.of(c, books);
    String type = kind.type;
    String body =
        RrPayCodec.request(
            type, id, posId, c, kind.originalId, kind.originalReceipt, clock.instant());
    String name = RrPayCodec.fileName(id, type);
    exchange.write(exchange.sent, name, body);
    exchange.write(exchange.outbox, name, body);
    if (awaitAnswer(id)) {
      return getAttempt(c.terminal(), AttemptLookup.ofIntentId(id));
    }
    // RRPay takes a request by renaming it out of the outbox, so exactly one of us gets the
    // file. Taking it back proves nothing about a RRPay that breaks that rule, so RRPay is asked
    // either way, and the sale stays in doubt until it answers "not found".
    boolean withdrawn = exchange.withdraw(exchange.outbox.resolve(name));
    askStatus(id, posId);
    throw new ConnectionException(
        "RRPay did not acknowledge "
            + id
            + " within "
            + config.ackTimeout()
            + (withdrawn
                ? ": the request was taken back from the outbox. Is RRPay running? The sale stays "
                    + "in doubt until RRPay confirms it never took it"
                : ": RRPay took it without acknowledging; the sale may be in progress"),
        true,
        id,
        null);
  }

  private void askStatus(String id, String posId) {
    inbox.notFound.remove(id);
    exchange.write(
        exchange.outbox, RrPayCodec.fileName(id, RrPayCodec.STATUS), RrPayCodec.status(id, posId));
  }

  @Override
  public PaymentIntent getAttempt(Terminal terminal, AttemptLookup attempt) {
    String intentId =
        attempt.intentId().orElseThrow(() -> new IllegalArgumentException("no intent id"));
    inbox.drain();
    RrPayCodec.Request request =
        inbox
            .sentRequest(intentId)
            .orElseThrow(
                () ->
                    new ProviderRejectedException(
                        "RRPay sale " + intentId + " is unknown here", 404, "unknown_id", false));
    return intents.intent(terminal, intentId, request);
  }

  @Override
  public Optional<PaymentIntent> findAttempt(Terminal terminal, AttemptLookup attempt) {
    String providerReference = attempt.providerReference();
    inbox.drain();
    String id = providerReference;
    Optional<RrPayCodec.Request> request = inbox.sentRequest(id);
    if (request.isEmpty()) {
      return Optional.empty(); // never written: never sent
    }
    if (inbox.answered(id)) {
      return Optional.of(intents.intent(terminal, id, request.get()));
    }
    Path waiting = exchange.outbox.resolve(RrPayCodec.fileName(id, request.get().type));
    if (Files.exists(waiting)
        && clock.instant().isBefore(request.get().createdAt.plus(config.ackTimeout()))) {
      // RRPay may be reading it right now: only after its ack window may we take it back.
      throw new ConnectionException("RRPay has not taken " + id + " yet", true, id, null);
    }
    exchange.withdraw(waiting); // if RRPay has not taken it by now, it never will
    askStatus(id, request.get().posId);
    if (!awaitAnswer(id)) {
      throw new ConnectionException(
          "RRPay did not answer the status inquiry for " + id, true, id, null);
    }
    if (!inbox.answered(id) && inbox.notFound.contains(id)) {
      exchange.withdraw(exchange.sent.resolve(RrPayCodec.fileName(id, request.get().type)));
      return Optional.empty();
    }
    return Optional.of(intents.intent(terminal, id, request.get()));
  }

  @Override
  public List<PaymentIntent> intents(Terminal terminal, Period period) {
    inbox.drain();
    List<PaymentIntent> out = new ArrayList<>();
    for (Path f : exchange.list(exchange.sent)) {
      Optional<String[]> name = RrPayCodec.parseName(f.getFileName().toString());
      if (name.isEmpty()) {
        continue;
      }
      RrPayCodec.Request r =
          new RrPayCodec.Request(RrPayCodec.parse(exchange.read(f).orElse("{}")));
      if (r.posId.equals(terminal.tid()) && period.contains(r.createdAt)) {
        out.add(intents.intent(terminal, name.get()[0], r));
      }
    }
    return out;
  }

  /** What RRPay (or the cashier, by hand) reported for a sale, once there is something. */
  public Optional<RrPayResult> result(String id) {
    inbox.drain();
    return inbox.result(id);
  }

  /**
   * The last resort when the fiscal receipt was printed but no result came back: the cashier's
   * tenders for a sale still UNKNOWN, journaled as manual. A result that arrives later is compared
   * with them and any difference reported in {@link #mismatches()}, never overwritten.
   */
  public void resolveManually(String id, List<RrPayTender> tenders) {
    books.resolveManually(id, tenders);
  }

  /** Results that arrived after a manual entry and differ from it. */
  public List<String> mismatches() {
    inbox.drain();
    return List.copyOf(inbox.mismatches);
  }

  /**
   * One business day's takings (Europe/Vilnius), to match RRPay's Z report: net per credit number
   * (sales minus fiscal returns), rounding on its own line, manual resolutions on the day of their
   * sale.
   */
  public RrPayDayTotals dayTotals(LocalDate day) {
    return books.dayTotals(day);
  }

  /** Closes the handoff session (Rivile GAMA's CLOSE): stops watching the inbox. */
  @Override
  public void close() {
    open = false;
    watcher.close();
  }

  private void requireOpen() {
    if (!open) {
      throw new IllegalStateException("the RRPay session is closed: open a new one");
    }
  }

  private String posOf(Terminal t) {
    if (!config.posIds().contains(t.tid())) {
      throw new InvalidRequestException(
          "terminal.tid",
          "'" + t.tid() + "' is not a configured " + "RRPay POS id: " + config.posIds());
    }
    return t.tid();
  }

  private boolean awaitAnswer(String id) {
    return inbox.awaitAnswer(id, config.ackTimeout(), config.pollInterval());
  }
}
