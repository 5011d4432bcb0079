package dev.webecr.sdk;

import java.util.Objects;

/**
 * The secret a provider gives for one paired terminal (Mellon: the answer of {@code Redeem}).
 *
 * <p>Store it as the ERP stores passwords. It never appears in {@code toString()}, logs or
 * exception messages; {@link #reveal()} is the one way to read it. Immutable.
 */
public final class ApiKey {
  private final String value;

  private ApiKey(String value) {
    this.value = value;
  }

  /** Wraps a key the ERP stored earlier. */
  public static ApiKey of(String value) {
    Objects.requireNonNull(value, "value == null");
    if (value.isBlank()) {
      throw new InvalidRequestException("apiKey", "must not be blank");
    }
    return new ApiKey(value);
  }

  /** The secret itself, to store it or send it to the provider. */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApiKey && ((ApiKey) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Always {@code ApiKey[****]}. */
  @Override
  public String toString() {
    return "ApiKey[****]";
  }
}
