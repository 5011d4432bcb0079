package dev.webecr.sdk.samples.cli;

import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.spi.PosProvider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Refunds part or all of an approved sale. */
@Command(
    mixinStandardHelpOptions = true,
    name = "refund",
    description = "Refund an approved sale (linked to it).")
final class RefundCommand implements Callable<Integer> {
  @ParentCommand WebEcrCli cli;

  @Option(names = "--terminal", required = true, description = "The terminal's TID")
  String tid;

  @Option(names = "--intent", required = true, description = "The sale's intent id")
  String intentId;

  @Option(names = "--amount", required = true, description = "In EUR")
  String amount;

  @Option(names = "--reference", required = true, description = "The credit note's id")
  String reference;

  @Option(names = "--input", description = "The credit note's signed content (Input)")
  String input;

  @Option(
      names = "--provider-id",
      defaultValue = "",
      description = "The e-invoicing provider's id at this network (WebECR's ProviderId)")
  String providerId;

  @Option(
      names = "--signing-author",
      defaultValue = "",
      description = "The e-invoicing provider's id (myDATA SigningAuthor)")
  String signingAuthor;

  @Override
  public Integer call() throws Exception {
    try (PosProvider provider = cli.provider();
        PosClient client =
            cli.client(provider, PayCommand.signer(cli, input, providerId, signingAuthor))) {
      Terminal terminal = cli.terminal(client, tid);
      PaymentIntent sale =
          provider.getAttempt(terminal, dev.webecr.sdk.spi.AttemptLookup.ofIntentId(intentId));
      PaymentIntent refund =
          Progress.await(
              client.refundAsync(sale, Money.parse(amount, Money.EUR), reference),
              Progress.paying("Refunding " + amount + " of intent " + intentId, tid),
              cli.env);
      cli.print(refund);
      return ExitCodes.of(refund);
    }
  }
}
