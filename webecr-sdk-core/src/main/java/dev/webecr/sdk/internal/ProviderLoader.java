package dev.webecr.sdk.internal;

import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.spi.PosProviderFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;

/** Finds a {@link PosProviderFactory} by id with {@link ServiceLoader}. */
public final class ProviderLoader {
  private ProviderLoader() {}

  /** Creates the provider {@code id} from {@code properties}. */
  public static PosProvider load(String id, Map<String, String> properties, ClassLoader loader) {
    List<PosProviderFactory> matches = new ArrayList<>();
    TreeSet<String> available = new TreeSet<>();
    for (PosProviderFactory factory : ServiceLoader.load(PosProviderFactory.class, loader)) {
      available.add(factory.id());
      if (factory.id().equals(id)) {
        matches.add(factory);
      }
    }
    if (matches.isEmpty()) {
      throw new InvalidRequestException(
          "provider",
          "no provider '"
              + id
              + "' on the class path (found: "
              + available
              + "); add its module, e.g. webecr-sdk-"
              + id);
    }
    if (matches.size() > 1) {
      List<String> names = new ArrayList<>();
      matches.forEach(f -> names.add(f.getClass().getName()));
      throw new InvalidRequestException(
          "provider",
          "two factories for '"
              + id
              + "': "
              + names
              + "; choose one by passing its provider to PosClientBuilder.provider(PosProvider)");
    }
    return matches.get(0).create(properties);
  }
}
