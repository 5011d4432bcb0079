package dev.webecr.sdk.viva.internal;

import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.Period;
import dev.webecr.sdk.ProviderRejectedException;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.spi.AttemptLookup;
import dev.webecr.sdk.spi.Capability;
import dev.webecr.sdk.spi.CreateIntentCommand;
import dev.webecr.sdk.spi.PaymentObserver;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.viva.VivaConfig;
import dev.webecr.sdk.viva.VivaProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The Viva Cloud Terminal provider (viva-cloud-terminal §16). Never twice (§14): the attempt
 * reference is the {@code sessionId}, a create is sent once, and a session whose create answer was
 * lost is found again by reading it; it is reported absent only when Viva answers 404 and the day
 * listings around its send do not hold it (core waits out {@link #createSettleTime()} first).
 */
public final class VivaCloudProvider implements PosProvider {
  /** §14: two unpaid-expiry windows. */
  static final Duration SETTLE = Duration.ofSeconds(120);

  private static final Set<Capability> BASE =
      EnumSet.of(
          Capability.SALE,
          Capability.REFUND,
          Capability.PRE_AUTHORISATION,
          Capability.PRE_AUTH_COMPLETION,
          Capability.TIP,
          Capability.INSTALLMENTS,
          Capability.DIRECT_MODE,
          Capability.LIST_INTENTS,
          Capability.ABORT,
          Capability.PRELOAD);

  private final VivaConfig config;
  private final Clock clock;
  private final VivaHttp http;
  private final VivaRequests requests;
  private final Set<Capability> capabilities;

  /** A provider for {@code config}; {@code clock} dates token expiry and the settle window. */
  public VivaCloudProvider(VivaConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.http = new VivaHttp(config, clock);
    this.requests = new VivaRequests(config);
    Set<Capability> caps = EnumSet.copyOf(BASE);
    if (config.aadeMode()) {
      caps.add(Capability.SIGNATURE_REQUIRED);
    }
    if (config.isvMerchantId().isPresent()) {
      caps.remove(Capability.PRE_AUTHORISATION); // §9: not in the ISV scheme
      caps.remove(Capability.PRE_AUTH_COMPLETION);
    }
    this.capabilities = Collections.unmodifiableSet(caps);
  }

  @Override
  public String id() {
    return VivaProvider.ID;
  }

  @Override
  public Set<Capability> capabilities() {
    return capabilities;
  }

  @Override
  public Set<Currency> currencies() {
    return Set.of(Money.EUR);
  }

  @Override
  public int maxReferenceLength() {
    return 50;
  }

  @Override
  public long minAmountMinorUnits() {
    return config.minimumAmountCents();
  }

  @Override
  public Duration createSettleTime() {
    return SETTLE;
  }

  @Override
  public List<Terminal> directTerminals() {
    // §4: the ISV scheme names the merchant whose devices it wants
    Map<String, Object> body =
        config
            .isvMerchantId()
            .<Map<String, Object>>map(m -> Map.of("merchantId", m))
            .orElse(Map.of());
    VivaAnswer a = http.read(() -> http.api().devices(body)).successful("POST devices:search");
    return readable(
        "POST devices:search", () -> VivaSessions.terminals(a.body, config.isvMerchantId()));
  }

  @Override
  public PaymentIntent create(CreateIntentCommand c) {
    VivaRequests.Sending sending = requests.of(c); // refused here, before anything is sent
    VivaAnswer a;
    try {
      a = http.paced(() -> sending.send(http.api()));
    } catch (ConnectionException e) {
      throw new ConnectionException(
          e.getMessage(), e.isOutcomeUnknown(), c.providerReference(), e.getCause());
    }
    if (a.isSuccessful()) {
      return VivaSessions.pending(c, sending.sessionId);
    }
    String what = sending.what + ": Viva answered HTTP " + a.code;
    if (a.tokenRefused() || a.code >= 500 || a.code == 429 || a.code == 408) {
      // the token is never renewed under a POST, and a server error may follow a commit
      throw new ConnectionException(
          what + "; the payment may exist", true, c.providerReference(), null);
    }
    String detail = a.detail();
    throw new ProviderRejectedException(
        what + (detail.isEmpty() ? "" : ": " + detail), a.code, null, false);
  }

  @Override
  public PaymentIntent getAttempt(Terminal terminal, AttemptLookup attempt) {
    String sessionId = attempt.intentId().orElse(attempt.providerReference());
    VivaAnswer a = http.readSession(sessionId, () -> http.api().session(sessionId));
    if (a.code == 202) {
      return VivaSessions.running(terminal, attempt, sessionId);
    }
    if (a.code == 404) {
      throw new ProviderRejectedException(
          "GET sessions/{sessionId}: Viva does not show session " + sessionId + " (yet)",
          404,
          "unknown_session",
          true);
    }
    a.successful("GET sessions/{sessionId}");
    return readable(
        "GET sessions/{sessionId}", () -> VivaSessions.session(a.body, terminal, attempt));
  }

  @Override
  public Optional<PaymentIntent> findAttempt(Terminal terminal, AttemptLookup attempt) {
    String sessionId =
        attempt.providerReference().isEmpty()
            ? attempt.intentId().orElse("")
            : attempt.providerReference();
    VivaAnswer a = http.readSession(sessionId, () -> http.api().session(sessionId));
    if (a.code == 202) {
      return Optional.of(VivaSessions.running(terminal, attempt, sessionId));
    }
    if (a.code != 404) {
      a.successful("GET sessions/{sessionId}");
      return Optional.of(
          readable(
              "GET sessions/{sessionId}", () -> VivaSessions.session(a.body, terminal, attempt)));
    }
    if (attempt.sentAfter().equals(Instant.EPOCH)) {
      return Optional.empty(); // asked before a first attempt: nobody's, as far as Viva says
    }
    if (clock.instant().isBefore(attempt.sentAfter().plus(SETTLE))) {
      // inside the settle window an empty answer proves nothing anyway: the listings (three
      // reads) are asked only when "absent" could follow from them, not on every poll
      return Optional.empty();
    }
    // a quick 404 proves nothing (a new session is hidden a while): the days around the send
    for (VivaListing.Listed listed : listing().around(attempt.sentAfter())) {
      if (listed.sessionId.equals(sessionId) && listed.terminalId.equals(terminal.callId())) {
        return Optional.of(VivaSessions.session(listed.json, listed.raw, terminal, attempt));
      }
    }
    return Optional.empty();
  }

  /**
   * §8: one {@code DELETE} naming the sale's own cash register; 409 (an abort already pending) is
   * taken as asked. Never repeated, never read as a result.
   */
  @Override
  public void abort(Terminal terminal, AttemptLookup attempt) {
    String sessionId = attempt.intentId().orElse(attempt.providerReference());
    VivaAnswer a = http.paced(() -> http.api().abort(sessionId, config.cashRegisterId()));
    if (a.code != 409) {
      a.successful("DELETE sessions/{sessionId}");
    }
  }

  @Override
  public List<PaymentIntent> intents(Terminal terminal, Period period) {
    List<PaymentIntent> out = new ArrayList<>();
    for (VivaListing.Listed listed : listing().between(period)) {
      if (listed.terminalId.equals(terminal.callId())
          && listed.madeAt.map(period::contains).orElse(true)) {
        AttemptLookup known = AttemptLookup.ofIntentId(listed.sessionId);
        out.add(VivaSessions.session(listed.json, listed.raw, terminal, known));
      }
    }
    return out;
  }

  private VivaListing listing() {
    return new VivaListing(date -> http.read(() -> http.api().sessions(date.toString())));
  }

  @Override
  public void observe(PaymentObserver observer) {
    http.observe(observer);
  }

  @Override
  public void close() {
    http.close();
  }

  /** A read whose answer is not what the contract says: the public, retryable error. */
  static <T> T readable(String what, Supplier<T> read) {
    try {
      return read.get();
    } catch (UnreadableAnswer e) {
      throw new ProviderRejectedException(
          what + ": unreadable answer (" + e.getMessage() + ")", 200, "malformed_answer", true);
    }
  }

  /** The Athens dates a period touches, with a day's margin on each side (§7). */
  static List<LocalDate> dates(Instant from, Instant to) {
    List<LocalDate> out = new ArrayList<>();
    LocalDate last = to.atZone(VivaSessions.ATHENS).toLocalDate().plusDays(1);
    for (LocalDate d = from.atZone(VivaSessions.ATHENS).toLocalDate().minusDays(1);
        !d.isAfter(last);
        d = d.plusDays(1)) {
      out.add(d);
    }
    return out;
  }
}
