package dev.webecr.sdk.samples.cli;

import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.viva.VivaConfig;
import dev.webecr.sdk.viva.VivaProvider;

/**
 * {@code --provider viva}: the Viva.com provider from the command line's options and the
 * environment ({@code VIVA_CLIENT_ID}, {@code VIVA_CLIENT_SECRET}, or {@code clientId} and {@code
 * clientSecret} in {@code --config}). The same commands then pay through Viva.
 */
final class CliViva {
  /** Viva's number of the test signer's e-invoicing provider on the fake (its demo keys). */
  private static final int TEST_SIGNER_NUMBER = 999;

  private CliViva() {}

  static PosProvider provider(WebEcrCli cli) {
    VivaConfig.Builder b =
        VivaConfig.builder()
            .environment(cli.vivaEnvironment)
            .allowInsecureHttp(cli.allowHttp)
            .cashRegisterId(cli.cashRegister)
            .clientId(cli.secret("VIVA_CLIENT_ID", "clientId", null))
            .clientSecret(cli.secret("VIVA_CLIENT_SECRET", "clientSecret", "Viva client secret: "));
    if (cli.url != null) {
      String url = cli.url.endsWith("/") ? cli.url : cli.url + "/";
      b.apiUrl(url).tokenUrl(url + "connect/token"); // a local fake serves both
    }
    Integer number = cli.aadeProviderId;
    if (number == null && cli.testSigner) {
      number = TEST_SIGNER_NUMBER;
    }
    if (number == null) {
      throw new dev.webecr.sdk.InvalidRequestException(
          "--aade-provider-id", "Viva's number of your e-invoicing provider (AADE mode)");
    }
    return VivaProvider.create(b.aadeProviderId(number).build(), cli.env.clock);
  }
}
