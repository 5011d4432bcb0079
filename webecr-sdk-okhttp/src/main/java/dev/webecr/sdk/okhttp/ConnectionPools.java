package dev.webecr.sdk.okhttp;

import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;

/**
 * The connection pool of a client the SDK makes for itself. OkHttp's default keeps 5 idle
 * connections: after 20 tills paid at once, 15 would be closed, and the next burst would open them
 * again, each with a TCP and TLS handshake to the provider before its create could leave. A client
 * makes at most {@value #IDLE} calls at once with its own threads (24 server-side waits and 8 other
 * calls), so it keeps that many; idle ones still close after OkHttp's 5 minutes.
 */
public final class ConnectionPools {
  /** The connections kept idle: as many as a client's own threads call at once. */
  public static final int IDLE = 32;

  private ConnectionPools() {}

  /** A new pool for one provider's clients (its token and API clients share it). */
  public static ConnectionPool forPayments() {
    return new ConnectionPool(IDLE, 5, TimeUnit.MINUTES);
  }
}
