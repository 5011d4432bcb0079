package dev.webecr.sdk.samples.cli;

import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.spi.PosProvider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Voids an approved transaction of the current batch. */
@Command(
    mixinStandardHelpOptions = true,
    name = "void",
    description = "Void an approved transaction of the open batch.")
final class VoidCommand implements Callable<Integer> {
  @ParentCommand WebEcrCli cli;

  @Option(names = "--terminal", required = true, description = "The terminal's TID")
  String tid;

  @Option(names = "--intent", required = true, description = "The intent id to void")
  String intentId;

  @Option(names = "--reference", required = true, description = "The ERP's id for the void")
  String reference;

  @Override
  public Integer call() throws Exception {
    try (PosProvider provider = cli.provider();
        PosClient client = cli.client(provider, new EnvironmentSigner(null, null, null, null))) {
      Terminal terminal = cli.terminal(client, tid);
      PaymentIntent original =
          provider.getAttempt(terminal, dev.webecr.sdk.spi.AttemptLookup.ofIntentId(intentId));
      PaymentIntent voided =
          Progress.await(
              client.voidPaymentAsync(original, reference),
              Progress.paying("Voiding intent " + intentId, tid),
              cli.env);
      cli.print(voided);
      return ExitCodes.of(voided);
    }
  }
}
