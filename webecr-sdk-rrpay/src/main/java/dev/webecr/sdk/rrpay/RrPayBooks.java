package dev.webecr.sdk.rrpay;

import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.rrpay.internal.FolderExchange;
import dev.webecr.sdk.rrpay.internal.RrPayCodec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The cashier's side of the books: manual resolutions and the day's totals per tender. */
final class RrPayBooks {
  private static final Logger log = LoggerFactory.getLogger(RrPayBooks.class);
  private final FolderExchange exchange;
  private final RrPayInbox inbox;
  private final CreditMapping credits;
  private final Clock clock;

  RrPayBooks(FolderExchange exchange, RrPayInbox inbox, CreditMapping credits, Clock clock) {
    this.exchange = exchange;
    this.inbox = inbox;
    this.credits = credits;
    this.clock = clock;
  }

  /** See {@link RrPayProvider#resolveManually}. */
  void resolveManually(String id, List<RrPayTender> tenders) {
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
      credits.tender(t.creditNumber());
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

  /** Paid totals per credit number for one business day (receipt date), to match the Z report. */
  Map<Integer, Money> dailyTotals(LocalDate day) {
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
}
