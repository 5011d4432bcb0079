package dev.webecr.sdk.mellon.internal;

import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.Period;
import dev.webecr.sdk.Terminal;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A terminal's intents of a period, and the approved card records of the period that no listed
 * intent names and that carry no reference: a transaction started on the POS (a pre-authorisation,
 * say) may show only in {@code transaction/}, and the ERP must still see it.
 */
final class PeriodIntents {
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

  private PeriodIntents() {}

  static List<PaymentIntent> of(WebEcrPages pages, Terminal terminal, Period period) {
    Map<String, String> window = new LinkedHashMap<>();
    window.put(MellonWire.FILTER_FROM, ISO.format(period.from().truncatedTo(ChronoUnit.SECONDS)));
    window.put(MellonWire.FILTER_TO, ISO.format(period.to().truncatedTo(ChronoUnit.SECONDS)));
    List<PaymentIntent> out = new ArrayList<>();
    Set<String> named = new HashSet<>();
    try {
      for (WireJson i : pages.intents(terminal, window)) {
        MellonMapper.transactionRecord(i).ifPresent(named::add);
        if (MellonMapper.onTerminal(i, terminal)) {
          out.add(
              MellonMapper.intent(
                  new Answer(i, i.toJson()),
                  Optional.empty(),
                  terminal,
                  MellonMapper.idReference(i.text("Id").orElse("?"))));
        }
      }
      Map<String, String> records = new LinkedHashMap<>(window);
      records.put(MellonWire.FILTER_TID, terminal.tid());
      for (WireJson r : pages.transactions(terminal, records)) {
        boolean unnamed = MellonMapper.recordId(r).map(id -> !named.contains(id)).orElse(false);
        if (unnamed && MellonMapper.approvedWithoutReference(r)) {
          out.add(MellonMapper.recordIntent(r, terminal));
        }
      }
    } catch (MalformedAnswer e) {
      throw WebEcrAnswers.unreadable("GET transactionintent?Timestamp", e);
    }
    return out;
  }
}
