package dev.webecr.sdk.spi;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * For providers: which transport failures prove that a request never left the machine, the only
 * evidence on which a create may be called "not sent" without asking the provider.
 */
public final class SendFailures {
  private SendFailures() {}

  /**
   * True when the request cannot have left: no connection was made (refused, no route, unknown
   * host, connect timeout), or TLS refused the peer (handshake, certificate pin, host name) before
   * a byte of the request was written. Anything else (a reset, a read timeout, a cut answer) may
   * come after the provider received it.
   */
  public static boolean provablyNotSent(IOException e) {
    if (e instanceof ConnectException
        || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException
        || e instanceof SSLHandshakeException
        || e instanceof SSLPeerUnverifiedException) {
      return true;
    }
    String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    return e instanceof InterruptedIOException && m.contains("connect timed out");
  }
}
