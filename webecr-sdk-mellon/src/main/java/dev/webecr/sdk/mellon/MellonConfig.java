package dev.webecr.sdk.mellon;

import dev.webecr.sdk.InvalidRequestException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.immutables.value.Value;

/**
 * How to reach Mellon WebECR: the acquirer (or a base URL), the API version, the integrator's
 * login, timeouts and HTTP client settings.
 *
 * <pre>{@code
 * MellonConfig config = MellonConfig.builder()
 *     .acquirer(Acquirer.NBG)
 *     .username(System.getenv("WEBECR_USERNAME"))
 *     .password(System.getenv("WEBECR_PASSWORD"))
 *     .build();
 * }</pre>
 *
 * <p>Token URLs are {@code {base}/api/token/} and {@code {base}/api/token/refresh/}; resources live
 * under {@code {base}/api/{apiVersion}/}; each is overridable. Plain http is refused unless {@link
 * #allowInsecureHttp()} is set (for tests against a local fake). The password never appears in
 * {@code toString()}.
 */
@Value.Immutable
public abstract class MellonConfig {
  private static final Pattern VERSION = Pattern.compile("v[0-9]+(\\.[0-9]+)*");

  MellonConfig() {}

  /** An acquirer preset; {@link #baseUrl()} wins over it. */
  public abstract Optional<Acquirer> acquirer();

  /** A custom base URL such as {@code https://www.mreceipts.com}. */
  public abstract Optional<String> baseUrl();

  /** The API version path segment; default {@code v2.2} ({@code v2.1} also works). */
  @Value.Default
  public String apiVersion() {
    return "v2.2";
  }

  /** Overrides the token URL. */
  public abstract Optional<String> tokenUrl();

  /** Overrides the token refresh URL. */
  public abstract Optional<String> tokenRefreshUrl();

  /** Overrides the resource base URL (ends with {@code /}). */
  public abstract Optional<String> resourceUrl();

  /** The integrator's (ERP vendor's) username, issued by Mellon. */
  public abstract String username();

  /** The integrator's password. Secret: redacted everywhere. */
  @Value.Redacted
  public abstract String password();

  /** TCP connect timeout; default 10 s. */
  @Value.Default
  public Duration connectTimeout() {
    return Duration.ofSeconds(10);
  }

  /** Read timeout per response; default 30 s (a server-side wait is added for creates). */
  @Value.Default
  public Duration readTimeout() {
    return Duration.ofSeconds(30);
  }

  /** Limit for a whole call; default 60 s (a server-side wait is added for creates). */
  @Value.Default
  public Duration callTimeout() {
    return Duration.ofSeconds(60);
  }

  /** How often a failed read is retried (connect errors, 5xx, 429); default 3. */
  @Value.Default
  public int maxReadRetries() {
    return 3;
  }

  /** First backoff between read retries, doubled each time with jitter; default 250 ms. */
  @Value.Default
  public Duration retryBackoff() {
    return Duration.ofMillis(250);
  }

  /** Longest {@code Retry-After} honoured; longer ones fail at once. Default 60 s. */
  @Value.Default
  public Duration maxRetryAfter() {
    return Duration.ofSeconds(60);
  }

  /** A caller's client (proxy, TLS, pool, interceptors); the SDK derives its own from it. */
  @Value.Auxiliary
  public abstract Optional<OkHttpClient> okHttpClient();

  /**
   * The ERP's name and version (e.g. {@code Rivile GAMA/2026.2}), sent in every request's {@code
   * User-Agent} after this SDK's, so Mellon can tell which integration called.
   */
  public abstract Optional<String> applicationName();

  /** Certificate pins for the host, as OkHttp writes them ({@code sha256/...}). */
  public abstract List<String> certificatePins();

  /**
   * Direct mode: the WebECR account is the merchant's own and its terminals are assigned to it, so
   * no terminal is paired and no call carries an {@code X-Api-Key}; list them with {@code
   * PosClient.directTerminals()}. Default off (the ERP vendor's account, terminals paired).
   */
  @Value.Default
  public boolean directMode() {
    return false;
  }

  /** Allows plain http: only for tests against a local fake server. */
  @Value.Default
  public boolean allowInsecureHttp() {
    return false;
  }

  /** Which id a linked refund sends as {@code InitialTransaction}. */
  @Value.Default
  public InitialTransactionField initialTransactionField() {
    return InitialTransactionField.TRANSACTION_RECORD_ID;
  }

  /** Runs the waits between read retries; default: a daemon thread owned by the provider. */
  @Value.Auxiliary
  public abstract Optional<ScheduledExecutorService> retryScheduler();

  /** The base URL in use. */
  public String resolvedBaseUrl() {
    String base = baseUrl().orElseGet(() -> acquirer().map(Acquirer::baseUrl).orElse(""));
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** The token URL in use. */
  public String resolvedTokenUrl() {
    return tokenUrl().orElse(resolvedBaseUrl() + "/api/token/");
  }

  /** The token refresh URL in use. */
  public String resolvedTokenRefreshUrl() {
    return tokenRefreshUrl().orElse(resolvedBaseUrl() + "/api/token/refresh/");
  }

  /** The resource base URL in use, ending with {@code /}. */
  public String resolvedResourceUrl() {
    String url = resourceUrl().orElse(resolvedBaseUrl() + "/api/" + apiVersion() + "/");
    return url.endsWith("/") ? url : url + "/";
  }

  @Value.Check
  void check() {
    if (baseUrl().isEmpty()
        && acquirer().isEmpty()
        && (resourceUrl().isEmpty() || tokenUrl().isEmpty() || tokenRefreshUrl().isEmpty())) {
      throw new InvalidRequestException("baseUrl", "set an acquirer or a base URL");
    }
    if (!VERSION.matcher(apiVersion()).matches()) {
      throw new InvalidRequestException("apiVersion", "must look like v2.2, was " + apiVersion());
    }
    applicationName()
        .ifPresent(
            a -> {
              if (a.isBlank()
                  || a.length() > 100
                  || !a.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                throw new InvalidRequestException(
                    "applicationName",
                    "1 to 100 printable ASCII characters (it goes into a header)");
              }
            });
    if (username().isBlank()) {
      throw new InvalidRequestException("username", "must not be blank");
    }
    if (password().isEmpty()) {
      throw new InvalidRequestException("password", "must not be empty");
    }
    // A derived URL's error names the base URL it came from.
    checkUrl(resourceUrl().isPresent() ? "resourceUrl" : "baseUrl", resolvedResourceUrl());
    checkUrl(tokenUrl().isPresent() ? "tokenUrl" : "baseUrl", resolvedTokenUrl());
    checkUrl(
        tokenRefreshUrl().isPresent() ? "tokenRefreshUrl" : "baseUrl", resolvedTokenRefreshUrl());
    for (Duration d : List.of(connectTimeout(), readTimeout(), callTimeout(), retryBackoff())) {
      if (d.isNegative() || d.isZero()) {
        throw new InvalidRequestException("timeouts", "every timeout must be positive");
      }
    }
    if (maxReadRetries() < 0 || maxReadRetries() > 10) {
      throw new InvalidRequestException("maxReadRetries", "must be 0 to 10");
    }
  }

  private void checkUrl(String field, String url) {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      throw new InvalidRequestException(field, "not an http(s) URL: " + url);
    }
    if (!parsed.isHttps() && !allowInsecureHttp()) {
      throw new InvalidRequestException(
          field, "must be https (allowInsecureHttp is only for local test servers)");
    }
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link MellonConfig}; {@code build()} names any missing field. */
  public static final class Builder extends ImmutableMellonConfig.Builder {
    Builder() {}
  }
}
