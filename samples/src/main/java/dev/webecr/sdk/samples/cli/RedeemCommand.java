package dev.webecr.sdk.samples.cli;

import dev.webecr.sdk.ApiKey;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.spi.PosProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Pairs a terminal: the code it shows for an API key, saved to the key file, never printed. */
@Command(
    mixinStandardHelpOptions = true,
    name = "redeem",
    description =
        "Pair a terminal with the code it shows "
            + "(menu: Link with 3rd party services). The API key goes to the key file.")
final class RedeemCommand implements Callable<Integer> {
  @ParentCommand WebEcrCli cli;

  @Option(names = "--code", required = true, description = "The code on the terminal (8 digits)")
  String code;

  @Override
  public Integer call() throws Exception {
    try (PosProvider provider = cli.provider();
        PosClient client = cli.client(provider, new EnvironmentSigner(null, null, null, null))) {
      ApiKey key = client.pair(code);
      Path file = cli.keyFile();
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, key.reveal() + "\n");
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the folder's own permissions protect it
      }
      cli.env.out.println("Paired. API key saved to " + file + " (keep it like a password).");
      cli.env.out.println(
          "Terminals it reaches: "
              + client.terminals(key).size()
              + " ('webecr terminals' lists them)");
      return ExitCodes.OK;
    }
  }
}
