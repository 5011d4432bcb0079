package dev.webecr.sdk.samples.cli;

import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.spi.PosProvider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Lists the terminals the stored API key reaches. */
@Command(
    mixinStandardHelpOptions = true,
    name = "terminals",
    description = "List the paired terminals: TID, call id, name.")
final class TerminalsCommand implements Callable<Integer> {
  @ParentCommand WebEcrCli cli;

  @Override
  public Integer call() throws Exception {
    try (PosProvider provider = cli.provider();
        PosClient client = cli.client(provider, new EnvironmentSigner(null, null, null, null))) {
      cli.env.out.printf("%-10s %-10s %-14s %s%n", "TID", "CALL ID", "MERCHANT", "NAME");
      for (Terminal t : cli.terminals(client)) {
        cli.env.out.printf(
            "%-10s %-10s %-14s %s%n",
            t.tid(), t.callId(), t.merchantId().orElse("-"), t.label().orElse("-"));
      }
      return ExitCodes.OK;
    }
  }
}
