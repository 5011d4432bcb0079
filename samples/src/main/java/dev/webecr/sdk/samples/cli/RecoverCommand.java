package dev.webecr.sdk.samples.cli;

import dev.webecr.sdk.Discrepancy;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.RecoveryReport;
import dev.webecr.sdk.spi.PosProvider;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Settles what this machine's journal holds in doubt, by asking WebECR; never sends anew. */
@Command(
    mixinStandardHelpOptions = true,
    name = "recover",
    description =
        "Settle the payments this machine's journal holds in doubt (after a crash, Ctrl-C or an"
            + " unknown outcome) by asking WebECR; nothing is sent again.")
final class RecoverCommand implements Callable<Integer> {
  @ParentCommand WebEcrCli cli;

  @Override
  public Integer call() throws Exception {
    try (PosProvider provider = cli.provider();
        PosClient client = cli.client(provider, new EnvironmentSigner(null, null, null, null))) {
      RecoveryReport report = client.recover();
      PrintWriter o = cli.env.out;
      for (PaymentIntent i : report.settled()) {
        o.println(
            "settled       "
                + i.providerReference()
                + ": "
                + i.status()
                + i.result().map(r -> " / " + r).orElse(""));
      }
      report
          .notSent()
          .forEach(r -> o.println("not sent      " + r + ": pay it again with its reference"));
      report
          .inDoubt()
          .forEach(r -> o.println("in doubt      " + r + ": run 'webecr recover' again later"));
      report
          .needsAttention()
          .forEach(r -> o.println("needs a person " + r + ": read the terminal's slip"));
      for (Discrepancy d : report.discrepancies()) {
        o.println("found         " + d.providerReference() + ": " + d.providerSays());
      }
      if (report.settled().isEmpty()
          && report.notSent().isEmpty()
          && report.inDoubt().isEmpty()
          && report.discrepancies().isEmpty()) {
        o.println("nothing in doubt in " + cli.journalPath());
      }
      return report.inDoubt().isEmpty() ? ExitCodes.OK : ExitCodes.IN_DOUBT;
    }
  }
}
