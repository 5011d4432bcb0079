package dev.webecr.sdk;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A snapshot of a client for operations ({@link PosClient#health()}): payments running, payments in
 * doubt and those waiting for a person, how long the oldest has been in doubt, and when the
 * provider last answered and last failed. Cheap enough to ask every second; no reference, terminal
 * or amount in it.
 */
@Value.Immutable
public abstract class Health {
  Health() {}

  /** When the snapshot was taken, on the client's clock. */
  public abstract Instant at();

  /** Payments this client is running now (its pay calls not yet returned). */
  public abstract int running();

  /** Attempts whose outcome is not known and that no pay call here is following: recovery's. */
  public abstract int inDoubt();

  /** Of {@link #inDoubt()}, those several recoveries could not settle: for a person. */
  public abstract int needsAttention();

  /** How long the oldest attempt in doubt has been so (since its create). */
  public abstract Optional<Duration> oldestInDoubt();

  /** When the provider last answered a call (any answer a call could use). */
  public abstract Optional<Instant> lastProviderSuccess();

  /** When a call to the provider last failed (no answer, or an error status). */
  public abstract Optional<Instant> lastProviderFailure();

  /** A builder, for tests. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Health}. */
  public static final class Builder extends ImmutableHealth.Builder {}
}
