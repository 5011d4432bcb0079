package dev.webecr.sdk.rrpay;

import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.IntentStatus;
import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.Period;
import dev.webecr.sdk.ProviderRejectedException;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.rrpay.internal.FolderExchange;
import dev.webecr.sdk.rrpay.internal.RrPayCodec;
import dev.webecr.sdk.spi.Capability;
import dev.webecr.sdk.spi.CreateIntentCommand;
import dev.webecr.sdk.spi.PosProvider;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RASO RRPay handoff for Rivile GAMA's non-fiscal POS: a sale (with its basket) goes to
 * RRPay through the exchange folder; RRPay takes the payment, prints the fiscal receipt and
 * hands back the tenders. Use it through {@link dev.webecr.sdk.PosClient} like any provider.
 *
 * <pre>{@code
 * RrPayProvider rrpay = RrPayProvider.open(config);       // GAMA's INIT
 * PosClient client = PosClient.builder().provider(rrpay).journalFile(journal).build();
 * PaymentIntent paid = client.pay(PaymentRequest.builder().terminal(rrpay.terminal("POS1"))
 *     .amount(total).reference("K-000123").lines(basket).build());
 * RrPayResult receipt = rrpay.result(paid.id()).orElseThrow();
 * rrpay.close();                                           // GAMA's CLOSE
 * }</pre>
 *
 * <p>Never twice: a request RRPay does not acknowledge is withdrawn from the outbox (nothing was
 * charged); an acknowledged one is only ever asked about. A result that does not add up goes to
 * {@code rejected/} with a reason and the sale stays UNKNOWN until RRPay answers again or the
 * cashier {@linkplain #resolveManually resolves it by hand}. Thread-safe.
 */
public final class RrPayProvider implements PosProvider {
  /** The provider id. */
  public static final String ID = "rrpay";
  private static final Logger log = LoggerFactory.getLogger(RrPayProvider.class);
  private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(
      EnumSet.of(Capability.SALE, Capability.REFUND, Capability.VOID, Capability.LIST_INTENTS,
          Capability.BASKET));
  static final List<String> REQUEST_TYPES =
      List.of(RrPayCodec.SALE, RrPayCodec.RETURN, RrPayCodec.CANCEL);

  private final RrPayConfig config;
  private final FolderExchange exchange;
  private final Clock clock;
  private final RrPayInbox inbox;
  private final WatchService watch;
  private final Thread watcher;
  private volatile boolean open = true;

  private RrPayProvider(RrPayConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.exchange = FolderExchange.open(config.exchangeRoot());
    this.inbox = new RrPayInbox(exchange, config.creditMapping());
    WatchService w;
    try {
      w = FileSystems.getDefault().newWatchService();
      exchange.inbox.register(w, StandardWatchEventKinds.ENTRY_CREATE,
          StandardWatchEventKinds.ENTRY_MODIFY);
    } catch (IOException | UnsupportedOperationException e) {
      w = null; // the polling fallback alone
    }
    this.watch = w;
    this.watcher = new Thread(this::watchInbox, "rrpay-inbox");
    watcher.setDaemon(true);
    watcher.start();
  }

  /**
   * Opens the handoff session of this ERP (Rivile GAMA's INIT): checks the exchange folders
   * and starts watching the inbox; results that arrived while closed are picked up now.
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
      throw new InvalidRequestException("posId", "'" + posId + "' is not configured: "
          + config.posIds());
    }
    return Terminal.builder().providerId(ID).tid(posId).callId(posId).label("RRPay " + posId)
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
      throw new InvalidRequestException("reference",
          "RRPay references may hold letters, digits, '.', '_' and '-' only");
    }
    String type;
    String originalId = null;
    String originalReceipt = null;
    if (c.kind() == TransactionType.SALE) {
      type = RrPayCodec.SALE;
      if (c.lines().isEmpty()) {
        throw new InvalidRequestException("lines",
            "RRPay prints the fiscal receipt: a sale needs its basket lines");
      }
    } else if (c.kind() == TransactionType.REFUND) {
      type = RrPayCodec.RETURN;
      originalReceipt = c.original().flatMap(o -> o.transactionId()).orElseThrow(() ->
          new InvalidRequestException("original.transactionId",
              "a fiscal return needs the original receipt number"));
    } else {
      type = RrPayCodec.CANCEL;
      originalId = c.original().flatMap(o -> o.intentId()).orElseThrow(() ->
          new InvalidRequestException("original.intentId", "a cancel needs the sale's id"));
    }
    String body = RrPayCodec.request(type, id, posId, c.amount().minorUnits(),
        c.amount().currency().getCurrencyCode(), c.lines(), originalId, originalReceipt,
        clock.instant());
    String name = RrPayCodec.fileName(id, type);
    exchange.write(exchange.sent, name, body);
    exchange.write(exchange.outbox, name, body);
    if (awaitAnswer(id)) {
      return get(c.terminal(), id);
    }
    if (exchange.withdraw(exchange.outbox.resolve(name))) {
      exchange.withdraw(exchange.sent.resolve(name));
      throw new ConnectionException("RRPay did not acknowledge " + id + " within "
          + config.ackTimeout() + ": it is not running. Nothing was charged; start RRPay and "
          + "send the sale again", false, id, null);
    }
    throw new ConnectionException("RRPay took " + id + " without acknowledging it: the sale "
        + "may be in progress", true, id, null);
  }

  @Override
  public PaymentIntent get(Terminal terminal, String intentId) {
    inbox.drain();
    RrPayCodec.Request request = inbox.sentRequest(intentId).orElseThrow(() ->
        new ProviderRejectedException("RRPay sale " + intentId + " is unknown here", 404,
            "unknown_id", false));
    return intent(terminal, intentId, request);
  }

  @Override
  public Optional<PaymentIntent> findByReference(Terminal terminal, String providerReference) {
    inbox.drain();
    String id = providerReference;
    Optional<RrPayCodec.Request> request = inbox.sentRequest(id);
    if (request.isEmpty()) {
      return Optional.empty(); // never written: never sent
    }
    if (inbox.answered(id)) {
      return Optional.of(intent(terminal, id, request.get()));
    }
    Path waiting = exchange.outbox.resolve(RrPayCodec.fileName(id, request.get().type));
    if (Files.exists(waiting)
        && clock.instant().isBefore(request.get().createdAt.plus(config.ackTimeout()))) {
      // RRPay may be reading it right now: only after its ack window may we take it back.
      throw new ConnectionException("RRPay has not taken " + id + " yet", true, id, null);
    }
    if (exchange.withdraw(waiting)) {
      exchange.withdraw(exchange.sent.resolve(RrPayCodec.fileName(id, request.get().type)));
      return Optional.empty(); // RRPay never took it within its ack window
    }
    inbox.notFound.remove(id);
    exchange.write(exchange.outbox, RrPayCodec.fileName(id, RrPayCodec.STATUS),
        RrPayCodec.status(id, request.get().posId));
    if (!awaitAnswer(id)) {
      throw new ConnectionException("RRPay did not answer the status inquiry for " + id, true,
          id, null);
    }
    if (!inbox.answered(id) && inbox.notFound.contains(id)) {
      exchange.withdraw(exchange.sent.resolve(RrPayCodec.fileName(id, request.get().type)));
      return Optional.empty();
    }
    return Optional.of(intent(terminal, id, request.get()));
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
      RrPayCodec.Request r = new RrPayCodec.Request(RrPayCodec.parse(exchange.read(f).orElse("{}")));
      if (r.posId.equals(terminal.tid()) && period.contains(r.createdAt)) {
        out.add(intent(terminal, name.get()[0], r));
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
   * tenders for a sale still UNKNOWN, journaled as manual. A result that arrives later is
   * compared with them and any difference reported in {@link #mismatches()}, never overwritten.
   */
  public void resolveManually(String id, List<RrPayTender> tenders) {
    inbox.drain();
    RrPayCodec.Request request = inbox.sentRequest(id).orElseThrow(() ->
        new InvalidRequestException("reference", "RRPay sale " + id + " is unknown here"));
    if (inbox.hasResult(id)) {
      throw new InvalidRequestException("reference", id + " already has a result: nothing to "
          + "enter by hand");
    }
    long sum = 0;
    List<long[]> raw = new ArrayList<>();
    for (RrPayTender t : tenders) {
      config.creditMapping().tender(t.creditNumber());
      sum += t.amount().minorUnits();
      raw.add(new long[] {t.creditNumber(), t.amount().minorUnits()});
    }
    if (sum != request.totalCents) {
      throw new InvalidRequestException("tenders", "add up to " + sum + " cents, the receipt "
          + "total is " + request.totalCents);
    }
    exchange.write(exchange.done, RrPayCodec.fileName(id, RrPayCodec.MANUAL),
        RrPayCodec.manual(id, raw, clock.instant()));
    log.warn("RRPay sale {} resolved by hand: {}", id, tenders);
  }

  /** Results that arrived after a manual entry and differ from it. */
  public List<String> mismatches() {
    inbox.drain();
    return List.copyOf(inbox.mismatches);
  }

  /** Paid totals per credit number for one business day (receipt date), to match the Z report. */
  public Map<Integer, Money> dailyTotals(LocalDate day) {
    inbox.drain();
    Map<Integer, Money> totals = new TreeMap<>();
    for (Path f : exchange.list(exchange.done)) {
      Optional<String[]> name = RrPayCodec.parseName(f.getFileName().toString());
      if (name.isEmpty() || !name.get()[1].equals(RrPayCodec.RESULT)) {
        continue;
      }
      RrPayResult r = inbox.result(name.get()[0]).orElseThrow();
      boolean sameDay = r.fiscalisedAt().map(t -> t.toLocalDate().equals(day)).orElse(false);
      boolean isReturn = inbox.sentRequest(r.id()).map(q -> q.type.equals(RrPayCodec.RETURN))
          .orElse(false);
      if (r.outcome() == RrPayOutcome.PAID && sameDay && !isReturn) {
        for (RrPayTender t : r.tenders()) {
          totals.merge(t.creditNumber(), t.amount(), Money::plus);
        }
      }
    }
    return totals;
  }

  /** Closes the handoff session (Rivile GAMA's CLOSE): stops watching the inbox. */
  @Override
  public void close() {
    open = false;
    watcher.interrupt();
    try {
      if (watch != null) {
        watch.close();
      }
    } catch (IOException e) {
      // closing
    }
  }

  private void requireOpen() {
    if (!open) {
      throw new IllegalStateException("the RRPay session is closed: open a new one");
    }
  }

  private String posOf(Terminal t) {
    if (!config.posIds().contains(t.tid())) {
      throw new InvalidRequestException("terminal.tid", "'" + t.tid() + "' is not a configured "
          + "RRPay POS id: " + config.posIds());
    }
    return t.tid();
  }

  private boolean awaitAnswer(String id) {
    long deadline = System.nanoTime() + config.ackTimeout().toNanos();
    long pause = Math.min(config.pollInterval().toMillis(), 20);
    while (true) {
      inbox.drain();
      if (inbox.answered(id) || inbox.notFound.contains(id)) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        TimeUnit.MILLISECONDS.sleep(pause); // waiting on another program's file, not on time
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  private PaymentIntent intent(Terminal terminal, String id, RrPayCodec.Request request) {
    TransactionType kind = request.type.equals(RrPayCodec.RETURN) ? TransactionType.REFUND
        : request.type.equals(RrPayCodec.CANCEL) ? TransactionType.VOID : TransactionType.SALE;
    PaymentIntent.Builder b = PaymentIntent.builder().id(id).providerReference(id)
        .terminal(terminal).kind(kind).amount(Money.euroCents(request.totalCents))
        .createdAt(request.createdAt);
    Optional<RrPayInbox.Stored> stored = inbox.stored(id);
    if (stored.isPresent()) {
      RrPayResult r = stored.get().result;
      IntentResult mapped = r.outcome() == RrPayOutcome.PAID ? IntentResult.APPROVED
          : r.outcome() == RrPayOutcome.FAILED ? IntentResult.FAILED
          : kind == TransactionType.VOID ? IntentResult.APPROVED : IntentResult.CANCELLED;
      Optional<RrPayTender> card = r.tenders().stream()
          .filter(t -> t.maskedPan().isPresent()).findFirst();
      return b.statusCode(IntentStatus.COMPLETED.code()).resultCode(mapped.code())
          .transactionId(r.receiptNumber())
          .authorisationCode(card.flatMap(RrPayTender::authCode))
          .maskedPan(card.flatMap(RrPayTender::maskedPan))
          .providerRecord(stored.get().raw)
          .build();
    }
    if (Files.exists(exchange.rejected.resolve(RrPayCodec.fileName(id, RrPayCodec.RESULT)))) {
      return b.statusCode(IntentStatus.COMPLETED.code()).resultCode(IntentResult.UNKNOWN.code())
          .build();
    }
    boolean acked = Files.exists(exchange.done.resolve(RrPayCodec.fileName(id, RrPayCodec.ACK)));
    return b.statusCode(acked ? IntentStatus.SENT.code() : IntentStatus.PENDING.code()).build();
  }

  private void watchInbox() {
    while (open) {
      try {
        WatchKey key = watch == null ? null
            : watch.poll(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        if (watch == null) {
          TimeUnit.MILLISECONDS.sleep(config.pollInterval().toMillis());
        }
        inbox.drain();
        if (key != null) {
          key.pollEvents();
          key.reset();
        }
      } catch (InterruptedException | java.nio.file.ClosedWatchServiceException e) {
        return;
      } catch (RuntimeException e) {
        log.warn("RRPay inbox scan failed; retrying", e);
      }
    }
  }
}
