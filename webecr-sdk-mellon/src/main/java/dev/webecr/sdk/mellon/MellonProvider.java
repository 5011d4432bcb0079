package dev.webecr.sdk.mellon;

import dev.webecr.sdk.mellon.internal.WebEcrProvider;
import dev.webecr.sdk.spi.PosProvider;
import java.time.Clock;
import java.util.Objects;

/**
 * Creates the Mellon WebECR {@link PosProvider}: pairing (redeem), terminals, sales, refunds,
 * voids, status and the intents of a period, safe under network faults.
 *
 * <pre>{@code
 * PosProvider mellon = MellonProvider.create(MellonConfig.builder()
 *     .acquirer(Acquirer.NBG).username(user).password(pass).build());
 * PosClient client = PosClient.builder().provider(mellon).journalFile(path).signer(signer).build();
 * }</pre>
 *
 * <p>The provider is thread-safe; close it (or the client that owns it) to release its connections.
 */
public final class MellonProvider {
  /** The provider id, as in {@link dev.webecr.sdk.Terminal#providerId()}. */
  public static final String ID = "mellon";

  private MellonProvider() {}

  /** A provider for {@code config}. */
  public static PosProvider create(MellonConfig config) {
    return create(config, Clock.systemUTC());
  }

  /** A provider for {@code config} whose transaction look-ups are dated by {@code clock}. */
  public static PosProvider create(MellonConfig config, Clock clock) {
    Objects.requireNonNull(config, "config == null");
    Objects.requireNonNull(clock, "clock == null");
    return new WebEcrProvider(config, clock);
  }
}
