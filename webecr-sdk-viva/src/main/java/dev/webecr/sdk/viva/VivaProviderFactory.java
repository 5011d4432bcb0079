package dev.webecr.sdk.viva;

import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.spi.PosProviderFactory;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Creates the Viva provider from string properties, for {@code PosClient.builder().provider("viva",
 * properties)}. Registered with {@link java.util.ServiceLoader}.
 *
 * <p>Properties: {@code environment} (PRODUCTION, DEMO), {@code apiUrl}, {@code tokenUrl}, {@code
 * clientId}, {@code clientSecret}, {@code cashRegisterId}, {@code aadeMode} (true, false), {@code
 * aadeProviderId} (Viva's number), {@code allowInsecureHttp} (test servers only). Unknown
 * properties are an error.
 */
public final class VivaProviderFactory implements PosProviderFactory {
  private static final Set<String> KNOWN =
      Set.of(
          "environment",
          "apiUrl",
          "tokenUrl",
          "clientId",
          "clientSecret",
          "cashRegisterId",
          "aadeMode",
          "aadeProviderId",
          "allowInsecureHttp");

  /** For {@link java.util.ServiceLoader}. */
  public VivaProviderFactory() {}

  @Override
  public String id() {
    return VivaProvider.ID;
  }

  @Override
  public PosProvider create(Map<String, String> p) {
    for (String key : p.keySet()) {
      if (!KNOWN.contains(key)) {
        throw new InvalidRequestException(key, "unknown Viva property; known: " + KNOWN);
      }
    }
    for (String required : new String[] {"clientId", "clientSecret", "cashRegisterId"}) {
      if (!p.containsKey(required)) {
        throw new InvalidRequestException(required, "required");
      }
    }
    VivaConfig.Builder b =
        VivaConfig.builder()
            .clientId(p.get("clientId"))
            .clientSecret(p.get("clientSecret"))
            .cashRegisterId(p.get("cashRegisterId"));
    if (p.containsKey("environment")) {
      try {
        b.environment(
            VivaEnvironment.valueOf(p.get("environment").trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException(
            "environment", "'" + p.get("environment") + "': PRODUCTION or DEMO");
      }
    }
    if (p.containsKey("apiUrl")) {
      b.apiUrl(p.get("apiUrl"));
    }
    if (p.containsKey("tokenUrl")) {
      b.tokenUrl(p.get("tokenUrl"));
    }
    if (p.containsKey("aadeMode")) {
      b.aadeMode(Boolean.parseBoolean(p.get("aadeMode").trim()));
    }
    if (p.containsKey("aadeProviderId")) {
      try {
        b.aadeProviderId(Integer.parseInt(p.get("aadeProviderId").trim()));
      } catch (NumberFormatException e) {
        throw new InvalidRequestException("aadeProviderId", "not a number");
      }
    }
    if (p.containsKey("allowInsecureHttp")) {
      b.allowInsecureHttp(Boolean.parseBoolean(p.get("allowInsecureHttp").trim()));
    }
    return VivaProvider.create(b.build());
  }
}
