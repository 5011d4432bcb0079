package dev.webecr.sdk.samples.cli;

import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.Period;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.spi.PosProvider;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Lists a terminal's payments of a period. */
@Command(
    mixinStandardHelpOptions = true,
    name = "intents",
    description = "List a terminal's payments of a period.")
final class IntentsCommand implements Callable<Integer> {
  private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");

  @ParentCommand WebEcrCli cli;

  @Option(names = "--terminal", required = true, description = "The terminal's TID")
  String tid;

  @Option(
      names = "--from",
      required = true,
      description = "A day (2026-11-22, Athens time) " + "or an instant (2026-11-22T08:00:00Z)")
  String from;

  @Option(names = "--to", required = true, description = "Excluded; a day counts whole")
  String to;

  @Override
  public Integer call() throws Exception {
    Period period = Period.of(instant("--from", from, false), instant("--to", to, true));
    try (PosProvider provider = cli.provider();
        PosClient client = cli.client(provider, new EnvironmentSigner(null, null, null, null))) {
      for (PaymentIntent i : client.intents(cli.terminal(client, tid), period)) {
        cli.env.out.printf(
            "%-8s %-32s %-7s %12s  %s%n",
            i.id(),
            i.providerReference(),
            i.kind(),
            i.amount(),
            i.status() + i.result().map(r -> " / " + r).orElse(""));
      }
      return ExitCodes.OK;
    }
  }

  private static Instant instant(String option, String text, boolean endOfDay) {
    try {
      if (text.length() == 10) {
        LocalDate day = LocalDate.parse(text);
        return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ATHENS).toInstant();
      }
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(option, "not a day or an instant: " + text);
    }
  }
}
