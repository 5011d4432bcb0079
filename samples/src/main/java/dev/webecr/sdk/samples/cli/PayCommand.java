package dev.webecr.sdk.samples.cli;

import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.spi.PosProvider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Takes a sale and waits for the terminal's outcome; the exit code says what happened. */
@Command(
    mixinStandardHelpOptions = true,
    name = "pay",
    description = "Take a sale on a terminal and wait for the outcome.")
final class PayCommand implements Callable<Integer> {
  @ParentCommand WebEcrCli cli;

  @Option(names = "--terminal", required = true, description = "The terminal's TID")
  String tid;

  @Option(names = "--amount", required = true, description = "In EUR, e.g. 24.80")
  String amount;

  @Option(names = "--reference", required = true, description = "The ERP document id")
  String reference;

  @Option(
      names = "--input",
      description =
          "The signed content (Input), required for a sale in Greece; the Signature comes from"
              + " WEBECR_SIGNATURE")
  String input;

  @Option(
      names = "--provider-id",
      defaultValue = "",
      description = "The e-invoicing provider's id at this network (WebECR's ProviderId)")
  String providerId;

  @Option(
      names = "--signing-author",
      defaultValue = "",
      description = "The e-invoicing " + "provider's id (myDATA SigningAuthor)")
  String signingAuthor;

  /** The signer of a pay or refund command. */
  static EnvironmentSigner signer(WebEcrCli cli, String input, String providerId, String author) {
    return new EnvironmentSigner(
        input, cli.env.variables.get("WEBECR_SIGNATURE"), providerId, author);
  }

  @Override
  public Integer call() throws Exception {
    Earlier earlier = Earlier.of(cli.journalPath(), reference);
    try (PosProvider provider = cli.provider();
        PosClient client = cli.client(provider, signer(cli, input, providerId, signingAuthor))) {
      Terminal terminal = cli.terminal(client, tid);
      String headline =
          earlier == Earlier.APPROVED
              ? reference + " was already approved earlier: nothing sent, here it is"
              : earlier == Earlier.RUNNING
                  ? reference + " is already in progress: following it, nothing new sent"
                  : Progress.paying("Paying " + reference, tid);
      PaymentIntent intent =
          Progress.await(
              client.payAsync(
                  PaymentRequest.builder()
                      .terminal(terminal)
                      .amount(Money.parse(amount, Money.EUR))
                      .reference(reference)
                      .build()),
              headline,
              cli.env);
      cli.print(intent);
      return ExitCodes.of(intent);
    }
  }
}
