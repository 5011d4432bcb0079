package dev.webecr.sdk.samples.cli;

import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.ProviderRejectedException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Set;

/** Errors as a person at the till can act on them: what failed, and what to do. */
final class CliMessages {
  private static final Set<String> URL_FIELDS = Set.of("baseUrl", "resourceUrl", "tokenUrl");

  private CliMessages() {}

  /** The line to print for {@code e}, thrown while talking to {@code baseUrl} (may be null). */
  static String of(Throwable e, String baseUrl) {
    String where = hostAndPort(baseUrl);
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
      if (root instanceof ConnectException) {
        return "cannot connect to "
            + where
            + " (connection refused): is the address right, and"
            + " is the server up?";
      }
      if (root instanceof UnknownHostException) {
        return "cannot find the host " + where + " (unknown host): check --url or --acquirer";
      }
      if (root instanceof InterruptedIOException) {
        return "no answer from " + where + " in time: check the network, then try again";
      }
    }
    if (e instanceof InvalidRequestException) {
      InvalidRequestException invalid = (InvalidRequestException) e;
      String line = "Invalid: " + e.getMessage();
      if (URL_FIELDS.contains(invalid.field()) && e.getMessage().contains("https")) {
        return line + ". For a local fake server only, add --allow-http.";
      }
      return line;
    }
    return "Error: " + e.getMessage();
  }

  /** For {@code status}: a 404 means the intent does not exist, not a broken path. */
  static boolean isNotFound(Throwable e) {
    return e instanceof ProviderRejectedException
        && ((ProviderRejectedException) e).httpStatus() == 404;
  }

  private static String hostAndPort(String baseUrl) {
    if (baseUrl == null) {
      return "the WebECR host";
    }
    try {
      URI u = URI.create(baseUrl);
      int port = u.getPort() >= 0 ? u.getPort() : "http".equals(u.getScheme()) ? 80 : 443;
      return u.getHost() + ":" + port;
    } catch (IllegalArgumentException bad) {
      return baseUrl;
    }
  }
}
