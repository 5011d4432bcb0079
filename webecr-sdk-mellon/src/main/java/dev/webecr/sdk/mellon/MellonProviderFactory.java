package dev.webecr.sdk.mellon;

import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.spi.PosProviderFactory;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Creates the Mellon provider from string properties, for {@code
 * PosClient.builder().provider("mellon", properties)}. Registered with {@link
 * java.util.ServiceLoader}.
 *
 * <p>Properties: {@code acquirer} (NBG, WORLDLINE, JCC, ATTICA, PANCRETA, NEXI, MELLON_TEST) or
 * {@code baseUrl}; {@code apiVersion}; {@code username}; {@code password}; {@code connectTimeout},
 * {@code readTimeout}, {@code callTimeout} (ISO-8601 like {@code PT30S}, or seconds); {@code
 * allowInsecureHttp} (test servers only). Unknown properties are an error.
 */
public final class MellonProviderFactory implements PosProviderFactory {
  private static final Set<String> KNOWN =
      Set.of(
          "acquirer",
          "baseUrl",
          "apiVersion",
          "username",
          "password",
          "connectTimeout",
          "readTimeout",
          "callTimeout",
          "allowInsecureHttp",
          "applicationName");

  /** For {@link java.util.ServiceLoader}. */
  public MellonProviderFactory() {}

  @Override
  public String id() {
    return MellonProvider.ID;
  }

  @Override
  public PosProvider create(Map<String, String> p) {
    for (String key : p.keySet()) {
      if (!KNOWN.contains(key)) {
        throw new InvalidRequestException(key, "unknown Mellon property; known: " + KNOWN);
      }
    }
    MellonConfig.Builder b = MellonConfig.builder();
    if (p.containsKey("acquirer")) {
      try {
        b.acquirer(Acquirer.valueOf(p.get("acquirer").trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException(
            "acquirer", "unknown acquirer '" + p.get("acquirer") + "'");
      }
    }
    if (p.containsKey("baseUrl")) {
      b.baseUrl(p.get("baseUrl"));
    }
    if (p.containsKey("apiVersion")) {
      b.apiVersion(p.get("apiVersion"));
    }
    if (!p.containsKey("username") || !p.containsKey("password")) {
      throw new InvalidRequestException(
          p.containsKey("username") ? "password" : "username", "required");
    }
    b.username(p.get("username")).password(p.get("password"));
    if (p.containsKey("connectTimeout")) {
      b.connectTimeout(duration("connectTimeout", p.get("connectTimeout")));
    }
    if (p.containsKey("readTimeout")) {
      b.readTimeout(duration("readTimeout", p.get("readTimeout")));
    }
    if (p.containsKey("callTimeout")) {
      b.callTimeout(duration("callTimeout", p.get("callTimeout")));
    }
    if (p.containsKey("applicationName")) {
      b.applicationName(p.get("applicationName"));
    }
    if (p.containsKey("allowInsecureHttp")) {
      b.allowInsecureHttp(Boolean.parseBoolean(p.get("allowInsecureHttp")));
    }
    return MellonProvider.create(b.build());
  }

  private static Duration duration(String field, String value) {
    try {
      return value.trim().startsWith("P")
          ? Duration.parse(value.trim())
          : Duration.ofSeconds(Long.parseLong(value.trim()));
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new InvalidRequestException(field, "not a duration: '" + value + "'");
    }
  }
}
