package dev.webecr.sdk.viva.internal;

import dev.webecr.sdk.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The day listings (viva-cloud-terminal §7): every Athens date a span touches plus the day before
 * and after, since the listing's time zone, paging and lag are not known. Never read as proof of
 * absence on its own.
 */
final class VivaListing {
  /** One listed session. */
  static final class Listed {
    final VivaJson json;
    final String raw;
    final String sessionId;
    final String terminalId;
    final Optional<Instant> madeAt;

    Listed(VivaJson json) {
      this.json = json;
      this.raw = json.toJson();
      this.sessionId = VivaSessions.sessionId(json).orElse("");
      this.terminalId = VivaSessions.terminalId(json).orElse("");
      this.madeAt = VivaSessions.madeAt(json);
    }
  }

  private final Function<LocalDate, VivaAnswer> day;

  VivaListing(Function<LocalDate, VivaAnswer> day) {
    this.day = day;
  }

  /** The sessions listed around {@code at}. */
  List<Listed> around(Instant at) {
    return of(VivaCloudProvider.dates(at, at));
  }

  /** The sessions listed for the days of {@code period}. */
  List<Listed> between(Period period) {
    return of(VivaCloudProvider.dates(period.from(), period.to()));
  }

  private List<Listed> of(List<LocalDate> dates) {
    List<Listed> out = new ArrayList<>();
    for (LocalDate date : dates) {
      VivaAnswer a = day.apply(date).successful("GET sessions?date");
      for (VivaJson item :
          VivaCloudProvider.readable("GET sessions?date", () -> VivaJson.list(a.body))) {
        Listed listed = new Listed(item);
        if (!listed.sessionId.isEmpty()) {
          out.add(listed);
        }
      }
    }
    return out;
  }
}
