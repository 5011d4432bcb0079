package dev.webecr.sdk.samples.cli;

import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.spi.PosProvider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Shows one intent as WebECR has it now. */
@Command(name = "status", description = "Show one payment as WebECR has it now.")
final class StatusCommand implements Callable<Integer> {
  @ParentCommand WebEcrCli cli;

  @Parameters(index = "0", description = "The intent id")
  String intentId;

  @Option(names = "--terminal", required = true, description = "The terminal's TID")
  String tid;

  @Override
  public Integer call() throws Exception {
    try (PosProvider provider = cli.provider();
        PosClient client = cli.client(provider, new EnvironmentSigner(null, null, null))) {
      PaymentIntent intent = provider.get(cli.terminal(client, tid), intentId);
      cli.print(intent);
      return ExitCodes.of(intent);
    }
  }
}
