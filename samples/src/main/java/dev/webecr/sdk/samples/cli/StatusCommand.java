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

  @Parameters(index = "0", description = "The intent id")
  String intentId;

  @Option(names = "--terminal", required = true, description = "The terminal's TID")
  String tid;

  @Override
  public Integer call() throws Exception {
    try (PosProvider provider = cli.provider();
        PosClient client = cli.client(provider, new EnvironmentSigner(null, null, null, null))) {
      Terminal terminal = cli.terminal(client, tid);
      PaymentIntent intent;
      try {
        intent = provider.get(terminal, intentId);
      } catch (ProviderRejectedException e) {
        if (!CliMessages.isNotFound(e)) {
          throw e;
        }
        cli.env.err.println("no such payment: intent " + intentId + " on terminal " + tid);
        return ExitCodes.ERROR;
      }
      cli.print(intent);
      return ExitCodes.of(intent);
    }
  }
}
