package dev.webecr.sdk.viva;

import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.viva.internal.WebhookEvent;
import dev.webecr.sdk.viva.internal.WebhookKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;

/**
 * Viva's webhooks 1802 ("session created": paid) and 1803 ("session failed") for any HTTP server
 * (viva-cloud-terminal §13). Mount {@link #onGet} and {@link #onPost} on a URL that carries an
 * unguessable token of yours: Viva signs nothing, so whoever knows the URL can post, and the body
 * is never trusted. An event is a hint: it makes the client read the session now ({@link
 * PosClient#readNow}), and only that read settles the payment; polling goes on whatever comes.
 * Duplicates, events out of order, events before the create's answer and lost events all end in the
 * same single outcome.
 *
 * <pre>{@code
 * String key = VivaWebhooks.fetchKey(VivaEnvironment.PRODUCTION.webhookKeyUrl(), merchantId, apiKey);
 * VivaWebhooks hooks = VivaWebhooks.of(key, urlToken, client);
 * // GET  /viva/<urlToken>  -> hooks.onGet(<urlToken from the path>)
 * // POST /viva/<urlToken>  -> hooks.onPost(<urlToken from the path>, body)
 * }</pre>
 */
public final class VivaWebhooks {
  /** What to answer Viva: a status and a JSON body. */
  public static final class Answer {
    private final int status;
    private final String body;

    Answer(int status, String body) {
      this.status = status;
      this.body = body;
    }

    /** The HTTP status. */
    public int status() {
      return status;
    }

    /** The JSON body. */
    public String body() {
      return body;
    }
  }

  private final String verificationKey;
  private final byte[] urlToken;
  private final BiPredicate<String, String> readNow;
  private final AtomicLong applied = new AtomicLong();
  private final AtomicLong notWaiting = new AtomicLong();
  private final AtomicLong badToken = new AtomicLong();
  private final AtomicLong unreadable = new AtomicLong();

  private VivaWebhooks(
      String verificationKey, String urlToken, BiPredicate<String, String> readNow) {
    this.verificationKey = Objects.requireNonNull(verificationKey, "verificationKey == null");
    this.urlToken =
        Objects.requireNonNull(urlToken, "urlToken == null").getBytes(StandardCharsets.UTF_8);
    this.readNow = Objects.requireNonNull(readNow, "readNow == null");
  }

  /**
   * The verification key Viva gives the merchant (viva-cloud-terminal §13): one GET of {@code
   * keyUrl} ({@link VivaEnvironment#webhookKeyUrl()}) with HTTP Basic Merchant ID : API Key (the
   * merchant's API key, not the POS APIs credentials). Fetch it once when setting up the URL.
   *
   * @throws dev.webecr.sdk.AuthenticationException when Viva refuses the pair
   * @throws dev.webecr.sdk.ConnectionException when Viva could not be reached
   * @throws dev.webecr.sdk.ProviderRejectedException for any other answer without a key
   */
  public static String fetchKey(String keyUrl, String merchantId, String apiKey) {
    Objects.requireNonNull(keyUrl, "keyUrl == null");
    Objects.requireNonNull(merchantId, "merchantId == null");
    Objects.requireNonNull(apiKey, "apiKey == null");
    return WebhookKey.fetch(keyUrl, merchantId, apiKey);
  }

  /**
   * Hooks for {@code client}: {@code verificationKey} is what Viva's key endpoint gave the merchant
   * (echoed to Viva's GET), {@code urlToken} the secret part of the URL Viva posts to.
   */
  public static VivaWebhooks of(String verificationKey, String urlToken, PosClient client) {
    Objects.requireNonNull(client, "client == null");
    return of(verificationKey, urlToken, client::readNow);
  }

  /** Hooks that hand each matched hint to {@code readNow} (reference, terminal call id). */
  public static VivaWebhooks of(
      String verificationKey, String urlToken, BiPredicate<String, String> readNow) {
    return new VivaWebhooks(verificationKey, urlToken, readNow);
  }

  /**
   * Viva's check of the URL carrying {@code urlToken}: the verification key, as Viva expects it
   * back; a wrong token gets 404.
   */
  public Answer onGet(String urlToken) {
    if (!tokenMatches(urlToken)) {
      badToken.incrementAndGet();
      return new Answer(404, "{}");
    }
    return new Answer(200, keyBody());
  }

  /**
   * An event Viva posted to the URL carrying {@code urlToken}. Answered at once with the key (Viva
   * retries what is not answered 200); a wrong token gets 404 and nothing is read.
   */
  public Answer onPost(String urlToken, String body) {
    if (!tokenMatches(urlToken)) {
      badToken.incrementAndGet();
      return new Answer(404, "{}");
    }
    Optional<WebhookEvent> event = WebhookEvent.parse(body);
    if (event.isEmpty()) {
      unreadable.incrementAndGet();
    } else if (readNow.test(event.get().sessionId(), event.get().terminalId())) {
      applied.incrementAndGet();
    } else {
      notWaiting.incrementAndGet();
    }
    return new Answer(200, keyBody());
  }

  /** Events that brought a read forward. */
  public long applied() {
    return applied.get();
  }

  /**
   * Events for no attempt waiting here: a duplicate, one after the outcome was read, another
   * terminal's, or a session of another installation.
   */
  public long notWaiting() {
    return notWaiting.get();
  }

  /** Posts to the URL with a wrong token. */
  public long badToken() {
    return badToken.get();
  }

  /** Posts whose body is not a session event Viva describes. */
  public long unreadable() {
    return unreadable.get();
  }

  private boolean tokenMatches(String given) {
    return given != null && MessageDigest.isEqual(urlToken, given.getBytes(StandardCharsets.UTF_8));
  }

  private String keyBody() {
    return "{\"Key\":\"" + verificationKey.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
  }

  @Override
  public String toString() {
    return "VivaWebhooks{applied=" + applied + ", notWaiting=" + notWaiting + ", key=****}";
  }
}
