package dev.webecr.sdk.rrpay.internal;

import dev.webecr.sdk.Money;
import dev.webecr.sdk.rrpay.CreditMapping;
import dev.webecr.sdk.rrpay.RrPayOutcome;
import dev.webecr.sdk.rrpay.RrPayResult;
import dev.webecr.sdk.rrpay.RrPayTender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ERP's side of the exchange's answers: takes what RRPay leaves in {@code inbox/} (to {@code
 * done/}, or {@code rejected/} with a reason), never twice, and reads what is known of each
 * request. Thread-safe.
 */
final class RrPayInbox {
  private static final Logger log = LoggerFactory.getLogger(RrPayInbox.class);

  private final FolderExchange exchange;
  private final CreditMapping credits;
  final Set<String> notFound = ConcurrentHashMap.newKeySet();
  final List<String> mismatches = new CopyOnWriteArrayList<>();

  RrPayInbox(FolderExchange exchange, CreditMapping credits) {
    this.exchange = exchange;
    this.credits = credits;
  }

  /** A result file's content, with a rounding credit number (if configured) as the rounding. */
  RrPayCodec.Result parseResult(String json) {
    RrPayCodec.Result r = new RrPayCodec.Result(RrPayCodec.parse(json));
    return credits.roundingCredit().map(r::foldRoundingCredit).orElse(r);
  }

  /** A result as stored in {@code done/}: parsed, and the file's text for the audit record. */
  static final class Stored {
    final RrPayResult result;
    final String raw;

    Stored(RrPayResult result, String raw) {
      this.result = result;
      this.raw = raw;
    }
  }

  /** What RRPay (or the cashier, by hand) reported for a request, without taking new files. */
  Optional<RrPayResult> result(String id) {
    return stored(id).map(s -> s.result);
  }

  /** The stored result with its text, read once; a manual entry wins over RRPay's. */
  Optional<Stored> stored(String id) {
    Optional<String> manual =
        exchange.read(exchange.done.resolve(RrPayCodec.fileName(id, RrPayCodec.MANUAL)));
    if (manual.isPresent()) {
      return Optional.of(new Stored(toResult(parseResult(manual.get()), true), manual.get()));
    }
    return exchange
        .read(exchange.done.resolve(RrPayCodec.fileName(id, RrPayCodec.RESULT)))
        .map(json -> new Stored(toResult(parseResult(json), false), json));
  }

  boolean answered(String id) {
    for (String kind : List.of(RrPayCodec.ACK, RrPayCodec.RESULT, RrPayCodec.MANUAL)) {
      if (Files.exists(exchange.done.resolve(RrPayCodec.fileName(id, kind)))) {
        return true;
      }
    }
    return Files.exists(exchange.rejected.resolve(RrPayCodec.fileName(id, RrPayCodec.RESULT)));
  }

  /** A result (from RRPay or by hand) is in {@code done/}; an ack alone is not one. */
  boolean hasResult(String id) {
    return Files.exists(exchange.done.resolve(RrPayCodec.fileName(id, RrPayCodec.RESULT)))
        || Files.exists(exchange.done.resolve(RrPayCodec.fileName(id, RrPayCodec.MANUAL)));
  }

  Optional<RrPayCodec.Request> sentRequest(String id) {
    for (String type : RrPayCodec.REQUEST_TYPES) {
      Optional<String> json = exchange.read(exchange.sent.resolve(RrPayCodec.fileName(id, type)));
      if (json.isPresent()) {
        return Optional.of(new RrPayCodec.Request(RrPayCodec.parse(json.get())));
      }
    }
    return Optional.empty();
  }

  /** Takes every file RRPay left in the inbox: to {@code done/}, or {@code rejected/} with why. */
  synchronized void drain() {
    for (Path f : exchange.list(exchange.inbox)) {
      try {
        take(f);
      } catch (RuntimeException e) {
        // Whatever is in it, a file must never stay in the inbox: it would block every read.
        exchange.reject(f, "unreadable (" + e.getClass().getSimpleName() + "): " + e.getMessage());
        log.error("RRPay file {} rejected: {}", f.getFileName(), e.toString());
      }
    }
  }

  private void take(Path f) {
    String name = f.getFileName().toString();
    Optional<String[]> parsed = RrPayCodec.parseName(name);
    if (parsed.isEmpty()) {
      exchange.reject(f, "not an RRPay file name: " + name);
      return;
    }
    String id = parsed.get()[0];
    String kind = parsed.get()[1];
    Optional<RrPayCodec.Request> request = sentRequest(id);
    if (request.isEmpty()) {
      exchange.reject(
          f, "unknown id " + id + ": no request of this ERP (stale, or another " + "POS's)");
    } else if (kind.equals(RrPayCodec.ACK)) {
      exchange.move(f, exchange.done.resolve(name));
    } else if (kind.equals(RrPayCodec.RESULT)) {
      takeResult(f, id, request.get());
    } else {
      exchange.reject(f, "unexpected file kind '" + kind + "'");
    }
  }

  private void takeResult(Path f, String id, RrPayCodec.Request request) {
    RrPayCodec.Result r;
    try {
      r = parseResult(exchange.read(f).orElse(""));
    } catch (RrPayCodec.BadFile e) {
      exchange.reject(f, "malformed result: " + e.getMessage());
      log.error("RRPay result for {} rejected: {}; the sale stays UNKNOWN", id, e.getMessage());
      return;
    }
    if (!r.id.equals(id)) {
      exchange.reject(f, "the file says id " + r.id + " but is named for " + id);
      return;
    }
    if (r.outcome.equals(RrPayCodec.NOT_FOUND)) {
      notFound.add(id);
      exchange.move(f, exchange.done.resolve(RrPayCodec.fileName(id, "notfound")));
      return;
    }
    Optional<String> problem = ResultCheck.problem(r, request.totalCents, credits);
    if (problem.isPresent()) {
      exchange.reject(f, "inconsistent result: " + problem.get());
      log.error("RRPay result for {} rejected: {}; the sale stays UNKNOWN", id, problem.get());
      return;
    }
    Path manual = exchange.done.resolve(RrPayCodec.fileName(id, RrPayCodec.MANUAL));
    if (Files.exists(manual)) {
      RrPayResult entered = toResult(parseResult(exchange.read(manual).orElseThrow()), true);
      RrPayResult arrived = toResult(r, false);
      if (!sameTenders(entered, arrived)) {
        String m =
            id
                + ": entered by hand "
                + entered.tenders()
                + ", RRPay says "
                + arrived.outcome()
                + " "
                + arrived.tenders();
        mismatches.add(m);
        log.error("RRPay result differs from the manual entry: {}", m);
      }
    }
    exchange.move(f, exchange.done.resolve(RrPayCodec.fileName(id, RrPayCodec.RESULT)));
  }

  private static boolean sameTenders(RrPayResult a, RrPayResult b) {
    if (b.outcome() != RrPayOutcome.PAID || a.tenders().size() != b.tenders().size()) {
      return false;
    }
    for (int i = 0; i < a.tenders().size(); i++) {
      RrPayTender x = a.tenders().get(i);
      RrPayTender y = b.tenders().get(i);
      if (x.creditNumber() != y.creditNumber() || !x.amount().equals(y.amount())) {
        return false;
      }
    }
    return true;
  }

  RrPayResult toResult(RrPayCodec.Result r, boolean manual) {
    List<RrPayTender> tenders = new ArrayList<>();
    for (int i = 0; i < r.tenders.size(); i++) {
      long[] t = r.tenders.get(i);
      String[] card = r.cards.get(i);
      tenders.add(
          card[0] == null && card[1] == null
              ? RrPayTender.of((int) t[0], Money.euroCents(t[1]))
              : RrPayTender.card((int) t[0], Money.euroCents(t[1]), card[0], card[1], card[2]));
    }
    RrPayOutcome outcome =
        r.outcome.equals("paid")
            ? RrPayOutcome.PAID
            : r.outcome.equals("cancelled") ? RrPayOutcome.CANCELLED : RrPayOutcome.FAILED;
    return RrPayResult.builder()
        .id(r.id)
        .outcome(outcome)
        .receiptNumber(Optional.ofNullable(r.receiptNumber))
        .registerId(Optional.ofNullable(r.registerId))
        .fiscalisedAt(Optional.ofNullable(r.fiscalisedAt))
        .tenders(tenders)
        .roundingCents(r.roundingCents)
        .manual(manual)
        .returnAct(Optional.ofNullable(r.returnAct))
        .reissuedReceipt(Optional.ofNullable(r.reissuedReceipt))
        .build();
  }

  /** Waits up to {@code timeout} for RRPay's ack, result or "not found" about {@code id}. */
  boolean awaitAnswer(String id, Duration timeout, Duration pollInterval) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long pause = Math.min(pollInterval.toMillis(), 20);
    while (true) {
      drain();
      if (answered(id) || notFound.contains(id)) {
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
}
