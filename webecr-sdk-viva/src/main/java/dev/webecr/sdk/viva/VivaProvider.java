package dev.webecr.sdk.viva;

import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.viva.internal.VivaCloudProvider;
import java.time.Clock;
import java.util.Objects;

/**
 * Creates the Viva.com Cloud Terminal {@link PosProvider}: the account's terminals (direct mode: no
 * pairing), sales, pre-authorisations and their completion, referenced and unreferenced refunds,
 * session reads and the day's sessions, never sending a payment twice.
 *
 * <pre>{@code
 * PosProvider viva = VivaProvider.create(config);
 * PosClient client = PosClient.builder().provider(viva).journalFile(path).signer(signer)
 *     .paymentDeadline(Duration.ofSeconds(120)).build();
 * Terminal terminal = client.directTerminals().get(0);
 * }</pre>
 *
 * <p>Viva has no void: give a sale back with a refund. Thread-safe; close it (or the client that
 * owns it) to release its connections.
 */
public final class VivaProvider {
  /** The provider id, as in {@link dev.webecr.sdk.Terminal#providerId()}. */
  public static final String ID = "viva";

  private VivaProvider() {}

  /** A provider for {@code config}. */
  public static PosProvider create(VivaConfig config) {
    return create(config, Clock.systemUTC());
  }

  /** A provider for {@code config} whose token expiry and listings are dated by {@code clock}. */
  public static PosProvider create(VivaConfig config, Clock clock) {
    Objects.requireNonNull(config, "config == null");
    Objects.requireNonNull(clock, "clock == null");
    return new VivaCloudProvider(config, clock);
  }
}
