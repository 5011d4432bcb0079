package dev.webecr.sdk.rrpay;

import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.spi.PosProviderFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creates the RRPay provider from properties: {@code exchangeRoot}, {@code posIds}
 * (comma-separated), {@code credits} ({@code 1=CASH:Cash:cash,2=CARD:Bank card}). Registered with
 * {@link java.util.ServiceLoader} under {@code rrpay}.
 */
public final class RrPayProviderFactory implements PosProviderFactory {
  private static final Set<String> KNOWN = Set.of("exchangeRoot", "posIds", "credits");

  /** For {@link java.util.ServiceLoader}. */
  public RrPayProviderFactory() {}

  @Override
  public String id() {
    return RrPayProvider.ID;
  }

  @Override
  public PosProvider create(Map<String, String> p) {
    for (String key : p.keySet()) {
      if (!KNOWN.contains(key)) {
        throw new InvalidRequestException(key, "unknown RRPay property; known: " + KNOWN);
      }
    }
    for (String required : List.of("exchangeRoot", "posIds", "credits")) {
      if (!p.containsKey(required)) {
        throw new InvalidRequestException(required, "required");
      }
    }
    RrPayConfig.Builder b =
        RrPayConfig.builder()
            .exchangeRoot(Path.of(p.get("exchangeRoot")))
            .posIds(Arrays.asList(p.get("posIds").split("\\s*,\\s*")));
    {
      CreditMapping.Builder credits = CreditMapping.builder();
      for (String entry : p.get("credits").split("\\s*,\\s*")) {
        String[] kv = entry.split("=", 2);
        String[] parts = kv.length == 2 ? kv[1].split(":") : new String[0];
        if (parts.length < 2) {
          throw new InvalidRequestException(
              "credits", "'" + entry + "' is not N=CODE:Label[:cash]");
        }
        int number;
        try {
          number = Integer.parseInt(kv[0].trim());
        } catch (NumberFormatException e) {
          throw new InvalidRequestException("credits", "'" + kv[0] + "' is not a credit number");
        }
        if (parts.length > 2 && parts[2].equals("cash")) {
          credits.mapCash(number, parts[0], parts[1]);
        } else {
          credits.map(number, parts[0], parts[1]);
        }
      }
      b.creditMapping(credits.build());
    }
    return RrPayProvider.open(b.build());
  }
}
