package dev.webecr.sdk.viva;

import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.ProviderSignature;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.HttpUrl;
import org.immutables.value.Value;

/**
 * How to reach Viva's Cloud Terminal API: the environment, the merchant's "POS APIs credentials"
 * (client id and secret; the secret never appears in {@code toString()}, logs or messages), the
 * cash register this ERP installation is to Viva, and how its e-invoicing provider is numbered on
 * Viva's network (AADE mode).
 *
 * <pre>{@code
 * VivaConfig config = VivaConfig.builder()
 *     .clientId(id).clientSecret(secret)
 *     .cashRegisterId("SHOP-1-TILL-2")
 *     .putAadeProviderIds("8", 108)    // ILYDA: 8 on Mellon's network, 108 on Viva's
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class VivaConfig {
  VivaConfig() {}

  /** Production (the default) or demo. */
  @Value.Default
  public VivaEnvironment environment() {
    return VivaEnvironment.PRODUCTION;
  }

  /** Another API base URL (a test server); default: the environment's. */
  public abstract Optional<String> apiUrl();

  /** Another token endpoint (a test server); default: the environment's. */
  public abstract Optional<String> tokenUrl();

  /**
   * The ISV scheme (viva-cloud-terminal §2): the merchant an ISV's credentials pay for; absent, the
   * merchant scheme. With it, {@link #clientId()} and {@link #clientSecret()} are the ISV's pair
   * (the same token call is assumed), paths go under {@code /ecr/isv/v1/}, and unreferenced
   * refunds, pre-authorisations and completions are refused before sending.
   */
  public abstract Optional<String> isvMerchantId();

  /** The ISV's fee on each payment in the ISV scheme, in cents; default 0. */
  @Value.Default
  public long isvFeeCents() {
    return 0;
  }

  /** The OAuth2 client id of the merchant's POS APIs credentials (the ISV's in its scheme). */
  public abstract String clientId();

  /** The OAuth2 client secret. */
  @Value.Redacted
  public abstract String clientSecret();

  /** An OAuth2 scope to ask for; none is sent unless set (whether Viva needs one is not known). */
  public abstract Optional<String> scope();

  /**
   * What this ERP installation is called towards Viva ({@code cashRegisterId}, mandatory on every
   * request): fixed, never the cashier of the day, so that an abort after a restart names the same
   * register as its sale.
   */
  public abstract String cashRegisterId();

  /**
   * Whether payments carry the AADE provider signature (default true: the law in Greece); off, no
   * AADE field is sent and no signer is needed.
   */
  @Value.Default
  public boolean aadeMode() {
    return true;
  }

  /** Viva's number of the ERP's e-invoicing provider, whatever the signer says it is. */
  public abstract Optional<Integer> aadeProviderId();

  /**
   * Viva's number for each provider id a signer may return ({@link ProviderSignature#providerId()},
   * numbered as on Mellon's network): ILYDA "8" → 108, SoftOne "101"... Wins over {@link
   * #aadeProviderId()} where it has an entry.
   */
  public abstract Map<String, Integer> aadeProviderIds();

  /** The smallest amount sent, in cents: 30 in the demo (Viva refuses less), else 1. */
  @Value.Default
  public long minimumAmountCents() {
    return environment() == VivaEnvironment.DEMO ? 30 : 1;
  }

  /**
   * Requests a second to Viva for this credential, evenly spaced; default 10 (viva-cloud-terminal
   * §15, assumed: Viva publishes no limit). Raise it only when Viva names a higher one.
   */
  @Value.Default
  public int maxRequestsPerSecond() {
    return 10;
  }

  /** Connect timeout; default 10 s. */
  @Value.Default
  public Duration connectTimeout() {
    return Duration.ofSeconds(10);
  }

  /** Read timeout; default 10 s (nothing waits server-side at Viva). */
  @Value.Default
  public Duration readTimeout() {
    return Duration.ofSeconds(10);
  }

  /** A whole call's timeout; default 20 s. */
  @Value.Default
  public Duration callTimeout() {
    return Duration.ofSeconds(20);
  }

  /**
   * Runs the wait a 429's {@code Retry-After} asks for (up to 5 s) before a read is tried again
   * (once); default: a daemon thread of the provider's. Tests hand in a virtual-time scheduler.
   */
  @Value.Auxiliary
  public abstract Optional<ScheduledExecutorService> retryScheduler();

  /** Allows {@code http://} URLs: for a local test server only. */
  @Value.Default
  public boolean allowInsecureHttp() {
    return false;
  }

  /** The API base URL in use. */
  public String resolvedApiUrl() {
    String url = apiUrl().orElse(environment().apiUrl());
    return url.endsWith("/") ? url : url + "/";
  }

  /** The token endpoint in use. */
  public String resolvedTokenUrl() {
    return tokenUrl().orElse(environment().tokenUrl());
  }

  /** Viva's number for a signature's provider, or empty when none is configured for it. */
  public Optional<Integer> vivaProviderIdOf(String signatureProviderId) {
    Integer mapped = aadeProviderIds().get(signatureProviderId);
    return mapped != null ? Optional.of(mapped) : aadeProviderId();
  }

  @Value.Check
  void check() {
    url("apiUrl", resolvedApiUrl());
    url("tokenUrl", resolvedTokenUrl());
    if (clientId().isBlank()) {
      throw new InvalidRequestException("clientId", "must not be blank");
    }
    if (isvMerchantId().map(String::isBlank).orElse(false)) {
      throw new InvalidRequestException("isvMerchantId", "must not be blank");
    }
    if (isvFeeCents() < 0) {
      throw new InvalidRequestException("isvFeeCents", "must not be negative");
    }
    if (maxRequestsPerSecond() < 1 || maxRequestsPerSecond() > 1000) {
      throw new InvalidRequestException("maxRequestsPerSecond", "1 to 1000");
    }
    if (cashRegisterId().isBlank() || cashRegisterId().length() > 64) {
      throw new InvalidRequestException("cashRegisterId", "1 to 64 characters");
    }
    if (aadeMode() && aadeProviderId().isEmpty() && aadeProviderIds().isEmpty()) {
      throw new InvalidRequestException(
          "aadeProviderIds",
          "AADE mode needs Viva's number of the e-invoicing provider (aadeProviderId or"
              + " aadeProviderIds), or aadeMode(false)");
    }
    if (minimumAmountCents() < 1) {
      throw new InvalidRequestException("minimumAmountCents", "must be at least 1");
    }
  }

  private void url(String field, String value) {
    HttpUrl parsed = HttpUrl.parse(value);
    if (parsed == null) {
      throw new InvalidRequestException(field, "not a URL");
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

  /** Builds a {@link VivaConfig}. */
  public static final class Builder extends ImmutableVivaConfig.Builder {}
}
