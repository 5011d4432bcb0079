package dev.webecr.sdk.samples.cli;

import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.ProviderRejectedException;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.spi.PosProvider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Shows one intent as WebECR has it now. */
@Command(
    mixinStandardHelpOptions = true,
    name = "status",
    description = "Show one payment as WebECR has it now.")
final class StatusCommand implements Callable<Integer> {
  @ParentCommand WebEcrCli cli;

  @Parameters(
      index = "0",
      description = "The intent id, or the ERP reference paid from this machine")
  String intentId;

  @Option(names = "--terminal", required = true, description = "The terminal's TID")
  String tid;

  @Override
  public Integer call() throws Exception {
    // a reference this machine paid: its latest attempt (read before the client opens the journal)
    java.util.Optional<dev.webecr.sdk.spi.JournalEntry> paid =
        Earlier.latestAttempt(cli.journalPath(), intentId);
    try (PosProvider provider = cli.provider();
        PosClient client = cli.client(provider, new EnvironmentSigner(null, null, null, null))) {
      Terminal terminal = cli.terminal(client, tid);
      if (paid.isPresent() && paid.get().intentId().isEmpty()) {
        cli.env.out.println(
            intentId
                + ": attempt "
                + paid.get().providerReference()
                + " is journaled as "
                + paid.get().phase()
                + " and not known to WebECR by id yet: 'webecr recover' settles it");
        return paid.get().phase().isInFlight() ? ExitCodes.IN_DOUBT : ExitCodes.NOT_CHARGED;
      }
      String id = paid.flatMap(dev.webecr.sdk.spi.JournalEntry::intentId).orElse(intentId);
      PaymentIntent intent;
      try {
        intent = provider.getAttempt(terminal, dev.webecr.sdk.spi.AttemptLookup.ofIntentId(id));
      } catch (ProviderRejectedException e) {
        if (!CliMessages.isNotFound(e)) {
          throw e;
        }
        cli.env.err.println(
            "no such payment: no intent "
                + intentId
                + " on terminal "
                + tid
                + ", and no reference "
                + intentId
                + " in this machine's journal");
        return ExitCodes.ERROR;
      }
      cli.print(intent);
      return ExitCodes.of(intent);
    }
  }
}
