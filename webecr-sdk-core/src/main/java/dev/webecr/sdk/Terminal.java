package dev.webecr.sdk;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A POS terminal as a provider knows it.
 *
 * <p>Two identifiers that must never be confused: {@link #tid()} is the legal terminal id (goes
 * into signatures and myDATA), {@link #callId()} is the provider's own id for the device (goes into
 * URLs; Mellon's {@code id}, the seed's {@code POS_Callid}). Get terminals from {@link
 * PosClient#terminals(ApiKey)}, or rebuild one from what the ERP stored:
 *
 * <pre>{@code
 * Terminal t = Terminal.builder().providerId("mellon").tid("64999964").callId("358046")
 *     .apiKey(ApiKey.of(stored)).build();
 * }</pre>
 *
 * <p>The API key is left out of {@code equals}, {@code hashCode} and {@code toString}.
 */
@Value.Immutable
public abstract class Terminal {
  Terminal() {}

  /** The provider that serves this terminal, as in {@link dev.webecr.sdk.spi.PosProvider#id()}. */
  public abstract String providerId();

  /** The terminal id (TID): signed, reported to myDATA. */
  public abstract String tid();

  /** The provider's id for the device, used to address it (never the TID). */
  public abstract String callId();

  /** The merchant id (MID) the terminal belongs to. */
  public abstract Optional<String> merchantId();

  /** The terminal's model or type, as the provider names it. */
  public abstract Optional<String> model();

  /** A name for people: the provider's friendly name or the ERP's label. */
  public abstract Optional<String> label();

  /** The pairing secret, needed for every call about this terminal. */
  @Value.Auxiliary
  public abstract Optional<ApiKey> apiKey();

  /** This terminal with another API key. */
  public Terminal withApiKey(ApiKey apiKey) {
    return builder().from(this).apiKey(apiKey).build();
  }

  /**
   * What identifies the terminal across clients and nodes: its provider and the provider's call id
   * ({@code mellon/358001}). Lanes, leases and stores key a terminal by it.
   */
  public String key() {
    return providerId() + "/" + callId();
  }

  /** This terminal without its API key: what the journal stores. */
  public Terminal withoutApiKey() {
    return apiKey().isPresent() ? builder().from(this).apiKey(Optional.empty()).build() : this;
  }

  /** The API key, or an error naming {@code terminal.apiKey} when the terminal has none. */
  public ApiKey requireApiKey() {
    return apiKey()
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    "terminal.apiKey",
                    "terminal " + tid() + " has no API key: pair it or set the stored key"));
  }

  @Value.Check
  void check() {
    Checks.notBlank("terminal.providerId", providerId());
    Checks.notBlank("terminal.tid", tid());
    Checks.notBlank("terminal.callId", callId());
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Terminal}; {@code build()} names any missing field. */
  public static final class Builder extends ImmutableTerminal.Builder {
    Builder() {}
  }
}
