package dev.webecr.sdk.rrpay.internal;

import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.Period;
import dev.webecr.sdk.ProviderRejectedException;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.rrpay.RrPayConfig;
import dev.webecr.sdk.rrpay.RrPayDayTotals;
import dev.webecr.sdk.rrpay.RrPayProvider;
import dev.webecr.sdk.rrpay.RrPayResult;
import dev.webecr.sdk.rrpay.RrPayTender;
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
 * The RRPay handoff behind {@link RrPayProvider}: requests written to the exchange folder, RRPay's
 * acknowledgements, results and status answers read from its inbox.
 *
 * <p>Never twice: a request RRPay does not acknowledge within its ack window is taken back from the
 * outbox if RRPay has not taken it (RRPay takes a request by renaming it out of the outbox), and
 * RRPay is asked about it all the same: the sale is "not sent" only once RRPay answers "not found".
 * An acknowledged request is only ever asked about. Thread-safe.
 */
public final class RrPayHandoff implements PosProvider {
  private static final Logger log = LoggerFactory.getLogger(RrPayHandoff.class);
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

  private final RrPayConfig config;
  private final FolderExchange exchange;
  private final Clock clock;
  private final RrPayInbox inbox;
  private final RrPayIntents intents;
  private final RrPayBooks books;
  private final RrPayInboxWatcher watcher;
  private volatile boolean open = true;

  /** Opens the exchange folders of {@code config} and starts watching the inbox. */
  public RrPayHandoff(RrPayConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.exchange = FolderExchange.open(config.exchangeRoot());
    this.inbox = new RrPayInbox(exchange, config.creditMapping());
    this.intents = new RrPayIntents(exchange, inbox);
    this.books = new RrPayBooks(exchange, inbox, config.creditMapping(), clock);
    this.watcher = RrPayInboxWatcher.start(exchange.inbox, inbox, config.pollInterval());
  }

  @Override
  public String id() {
    return RrPayProvider.ID;
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

  /** See {@link RrPayProvider#result}. */
  public Optional<RrPayResult> result(String id) {
    inbox.drain();
    return inbox.result(id);
  }

  /** See {@link RrPayProvider#resolveManually}. */
  public void resolveManually(String id, List<RrPayTender> tenders) {
    books.resolveManually(id, tenders);
  }

  /** See {@link RrPayProvider#mismatches}. */
  public List<String> mismatches() {
    inbox.drain();
    return List.copyOf(inbox.mismatches);
  }

  /** See {@link RrPayProvider#dayTotals}. */
  public RrPayDayTotals dayTotals(LocalDate day) {
    return books.dayTotals(day);
  }

  /** Stops watching the inbox; creates are refused from then on. */
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
