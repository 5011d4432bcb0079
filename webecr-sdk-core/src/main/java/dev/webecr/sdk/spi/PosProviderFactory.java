package dev.webecr.sdk.spi;

import java.util.Map;

/**
 * Creates a {@link PosProvider} from string properties; found with {@link java.util.ServiceLoader}
 * through {@code META-INF/services/dev.webecr.sdk.spi.PosProviderFactory}.
 *
 * <p>{@code PosClient.builder().provider("mellon", properties)} uses it; a provider given
 * explicitly with {@code provider(PosProvider)} always wins. Implementations must be thread-safe
 * and have a public no-argument constructor.
 */
public interface PosProviderFactory {
  /** The provider id this factory creates, e.g. {@code "mellon"}. */
  String id();

  /**
   * A configured provider. Unknown or invalid properties raise {@link
   * dev.webecr.sdk.InvalidRequestException} naming the property; secret values never appear in
   * messages.
   */
  PosProvider create(Map<String, String> properties);
}
