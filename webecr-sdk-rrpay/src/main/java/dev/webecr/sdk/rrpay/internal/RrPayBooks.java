package dev.webecr.sdk.rrpay.internal;

import dev.webecr.sdk.BasketLine;
import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.rrpay.CreditMapping;
import dev.webecr.sdk.rrpay.RrPayDayTotals;
import dev.webecr.sdk.rrpay.RrPayOutcome;
import dev.webecr.sdk.rrpay.RrPayProvider;
import dev.webecr.sdk.rrpay.RrPayResult;
import dev.webecr.sdk.rrpay.RrPayTender;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    RrPayCodec.Request request =
        inbox
            .sentRequest(id)
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "reference", "RRPay sale " + id + " is unknown here"));
    if (inbox.hasResult(id)) {
      throw new InvalidRequestException(
          "reference", id + " already has a result: nothing to " + "enter by hand");
    }
    long sum = 0;
    List<long[]> raw = new ArrayList<>();
    for (RrPayTender t : tenders) {
      credits.tender(t.creditNumber());
      sum += t.amount().minorUnits();
      raw.add(new long[] {t.creditNumber(), t.amount().minorUnits()});
    }
    if (sum != request.totalCents) {
      throw new InvalidRequestException(
          "tenders",
          "add up to " + sum + " cents, the receipt " + "total is " + request.totalCents);
    }
    exchange.write(
        exchange.done,
        RrPayCodec.fileName(id, RrPayCodec.MANUAL),
        RrPayCodec.manual(id, raw, clock.instant()));
    log.warn("RRPay sale {} resolved by hand: {}", id, tenders);
  }

  /**
   * F8 ("anuliavimas") aborts a sale RRPay has not fiscalised; once the receipt is printed only a
   * fiscal return may undo it. A cancel of a sale whose outcome is not known yet is sent: RRPay
   * answers whichever happened first.
   */
  void refuseCancelOfAPrintedSale(String saleId) {
    inbox.drain();
    Optional<RrPayResult> sale = inbox.result(saleId);
    if (sale.isPresent() && sale.get().outcome() == RrPayOutcome.PAID) {
      throw new InvalidRequestException(
          "original",
          "sale "
              + saleId
              + " was paid and its "
              + "fiscal receipt "
              + sale.get().receiptNumber().orElse("(number unknown)")
              + " printed: F8 cancels only a sale RRPay has not fiscalised; make a fiscal return "
              + "(a refund linked to the sale) instead");
    }
  }

  /**
   * The fiscal receipt a return of {@code cents} from sale {@code saleId} must name (number,
   * register, date and time), once checked: the sale was paid and printed here, the return is not
   * above what is left of it after earlier returns, and a partial return lists its lines.
   */
  Map<String, String> receiptToReturn(String saleId, long cents, List<BasketLine> lines) {
    inbox.drain();
    RrPayResult sale =
        inbox
            .result(saleId)
            .filter(r -> r.outcome() == RrPayOutcome.PAID)
            .filter(r -> r.receiptNumber().isPresent())
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "original",
                        "sale " + saleId + " has no printed receipt here: nothing to return"));
    long sold = inbox.sentRequest(saleId).map(q -> q.totalCents).orElse(0L);
    long returned = 0;
    for (Path f : exchange.list(exchange.sent)) {
      Optional<String[]> name = RrPayCodec.parseName(f.getFileName().toString());
      if (name.isPresent()
          && name.get()[1].equals(RrPayCodec.RETURN)
          && returnOf(name.get()[0]).equals(Optional.of(saleId))
          && inbox
              .result(name.get()[0])
              .map(r -> r.outcome() == RrPayOutcome.PAID)
              .orElse(true)) { // a return in doubt may have happened: it counts
        returned += inbox.sentRequest(name.get()[0]).map(q -> q.totalCents).orElse(0L);
      }
    }
    if (cents > sold - returned) {
      throw new InvalidRequestException(
          "amount",
          "a return of "
              + cents
              + " cents is above what"
              + " is left of sale "
              + saleId
              + " ("
              + (sold - returned)
              + " of "
              + sold
              + " cents)");
    }
    if (cents < sold && lines.isEmpty()) {
      throw new InvalidRequestException("lines", "a partial return lists the lines returned");
    }
    Map<String, String> receipt = new LinkedHashMap<>();
    receipt.put("number", sale.receiptNumber().get());
    sale.registerId().ifPresent(r -> receipt.put("register", r));
    sale.fiscalisedAt().ifPresent(t -> receipt.put("dateTime", t.toString()));
    return receipt;
  }

  private Optional<String> returnOf(String returnId) {
    return exchange
        .read(exchange.sent.resolve(RrPayCodec.fileName(returnId, RrPayCodec.RETURN)))
        .map(RrPayCodec::parse)
        .map(m -> String.valueOf(m.get("originalId")));
  }

  /** Europe/Vilnius: the business day of a sale resolved by hand, which has no receipt date. */
  static final ZoneId LITHUANIA = ZoneId.of("Europe/Vilnius");

  /** See {@link RrPayProvider#dayTotals}. */
  RrPayDayTotals dayTotals(LocalDate day) {
    inbox.drain();
    Map<Integer, Long> net = new TreeMap<>();
    long rounding = 0;
    int sales = 0;
    int returns = 0;
    int manual = 0;
    Set<String> seen = new HashSet<>();
    for (Path f : exchange.list(exchange.done)) {
      Optional<String[]> name = RrPayCodec.parseName(f.getFileName().toString());
      if (name.isEmpty()
          || !(name.get()[1].equals(RrPayCodec.RESULT) || name.get()[1].equals(RrPayCodec.MANUAL))
          || !seen.add(name.get()[0])) {
        continue;
      }
      String id = name.get()[0];
      Optional<RrPayCodec.Request> request = inbox.sentRequest(id);
      RrPayResult r = fiscalFirst(id);
      if (request.isEmpty() || r.outcome() != RrPayOutcome.PAID) {
        continue;
      }
      LocalDate businessDay =
          r.fiscalisedAt()
              .map(LocalDateTime::toLocalDate)
              .orElse(request.get().createdAt.atZone(LITHUANIA).toLocalDate());
      if (!businessDay.equals(day)) {
        continue;
      }
      int sign = request.get().type.equals(RrPayCodec.RETURN) ? -1 : 1;
      for (RrPayTender t : r.tenders()) {
        net.merge(t.creditNumber(), sign * t.amount().minorUnits(), Long::sum);
      }
      rounding += sign * r.roundingCents();
      sales += sign > 0 ? 1 : 0;
      returns += sign < 0 ? 1 : 0;
      manual += r.manual() ? 1 : 0;
    }
    return RrPayDayTotals.builder()
        .day(day)
        .netCents(net)
        .roundingCents(rounding)
        .sales(sales)
        .returns(returns)
        .manual(manual)
        .build();
  }

  /** RRPay's own result when there is one (the fiscal record), else the cashier's entry. */
  private RrPayResult fiscalFirst(String id) {
    Optional<String> fiscal =
        exchange.read(exchange.done.resolve(RrPayCodec.fileName(id, RrPayCodec.RESULT)));
    return fiscal.isPresent()
        ? inbox.toResult(inbox.parseResult(fiscal.get()), false)
        : inbox.result(id).orElseThrow();
  }
}
