package dev.webecr.sdk.samples.cli;

import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.mellon.MellonConfig;
import dev.webecr.sdk.mellon.MellonProvider;
import dev.webecr.sdk.spi.PosProvider;

/**
 * {@code --provider mellon} (the default): the WebECR provider from {@code --acquirer} or {@code
 * --url} and the login from the environment ({@code WEBECR_USERNAME}, {@code WEBECR_PASSWORD}),
 * {@code --config} or a prompt.
 */
final class CliMellon {
  private CliMellon() {}

  static PosProvider provider(WebEcrCli cli) {
    MellonConfig.Builder b = MellonConfig.builder();
    if (cli.url != null) {
      b.baseUrl(cli.url);
    } else if (cli.acquirer != null) {
      b.acquirer(cli.acquirer);
    } else {
      throw new InvalidRequestException("--acquirer", "give --acquirer or --url");
    }
    b.apiVersion(cli.apiVersion)
        .allowInsecureHttp(cli.allowHttp)
        .username(cli.secret("WEBECR_USERNAME", "username", null))
        .password(cli.secret("WEBECR_PASSWORD", "password", "WebECR password: "));
    return MellonProvider.create(b.build(), cli.env.clock);
  }
}
