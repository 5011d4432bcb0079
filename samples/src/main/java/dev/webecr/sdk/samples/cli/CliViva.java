package dev.webecr.sdk.samples.cli;

import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.viva.VivaConfig;
import dev.webecr.sdk.viva.VivaEnvironment;
import dev.webecr.sdk.viva.VivaProvider;
import picocli.CommandLine.Option;

/**
 * {@code --provider} and the Viva options (a picocli mixin of {@link WebEcrCli}): with {@code
 * --provider viva} the Viva.com provider from these options and the environment ({@code
 * VIVA_CLIENT_ID}, {@code VIVA_CLIENT_SECRET}, or {@code clientId} and {@code clientSecret} in
 * {@code --config}). The same commands then pay through Viva.
 */
final class CliViva {
  /** Viva's number of the test signer's e-invoicing provider on the fake (its demo keys). */
  private static final int TEST_SIGNER_NUMBER = 999;

  @Option(
      names = "--provider",
      defaultValue = "mellon",
      description = "mellon (WebECR, the default) or viva (Viva.com Cloud Terminal)")
  String providerName;

  @Option(
      names = "--viva-env",
      defaultValue = "DEMO",
      description = "Viva: DEMO or PRODUCTION (default ${DEFAULT-VALUE}); --url wins")
  VivaEnvironment vivaEnvironment;

  @Option(
      names = "--cash-register",
      defaultValue = "webecr-cli",
      description = "Viva: this till's cashRegisterId (default ${DEFAULT-VALUE})")
  String cashRegister;

  @Option(
      names = "--aade-provider-id",
      description = "Viva: Viva's number of your e-invoicing provider (AADE mode)")
  Integer aadeProviderId;

  PosProvider provider(WebEcrCli cli) {
    VivaConfig.Builder b =
        VivaConfig.builder()
            .environment(vivaEnvironment)
            .allowInsecureHttp(cli.allowHttp)
            .cashRegisterId(cashRegister)
            .clientId(cli.secret("VIVA_CLIENT_ID", "clientId", null))
            .clientSecret(cli.secret("VIVA_CLIENT_SECRET", "clientSecret", "Viva client secret: "));
    if (cli.env.waits != null) {
      b.retryScheduler(cli.env.waits);
    }
    if (cli.url != null) {
      String url = cli.url.endsWith("/") ? cli.url : cli.url + "/";
      b.apiUrl(url).tokenUrl(url + "connect/token"); // a local fake serves both
    }
    Integer number = aadeProviderId;
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
