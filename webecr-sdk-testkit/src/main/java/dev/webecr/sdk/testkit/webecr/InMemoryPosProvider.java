package dev.webecr.sdk.testkit.webecr;

import dev.webecr.sdk.ApiKey;
import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PairingRevokedException;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.Period;
import dev.webecr.sdk.ProviderRejectedException;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.AttemptLookup;
import dev.webecr.sdk.spi.Capability;
import dev.webecr.sdk.spi.CreateIntentCommand;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.testkit.TestClock;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The provider SPI with no network: the same fake terminals and behaviours as {@link
 * FakeWebEcrServer}, for an ERP's unit tests.
 *
 * <pre>{@code
 * TestClock clock = new TestClock(Instant.parse("2026-11-22T10:00:00Z"));
 * InMemoryPosProvider provider = InMemoryPosProvider.create(clock);
 * PosClient client = PosClient.builder().provider(provider).journal(Journals.inMemory())
 *     .clock(clock).scheduler(new VirtualTimeScheduler(clock)).executor(Runnable::run).build();
 * Terminal declining = provider.terminal(TerminalProfile.DECLINE);
 * }</pre>
 *
 * <p>Needs no signature (an ERP's tests of the Greek signing use the fake server and the Mellon
 * provider). Thread-safe.
 */
public final class InMemoryPosProvider implements PosProvider {
  /** This provider's id. */
  public static final String ID = "in-memory";

  private static final Set<Capability> CAPABILITIES =
      Collections.unmodifiableSet(
          EnumSet.of(
              Capability.REDEEM,
              Capability.LIST_TERMINALS,
              Capability.SALE,
              Capability.REFUND,
              Capability.VOID,
              Capability.LIST_INTENTS,
              Capability.INSTALLMENTS));

  private final FakeWebEcr fake;
  private final ApiKey apiKey;

  /** A provider on an existing fake acquirer. */
  public InMemoryPosProvider(FakeWebEcr fake) {
    this.fake = fake;
    this.apiKey = ApiKey.of(fake.pairings.redeem(FakeTerminals.REDEEM_CODE).orElseThrow());
  }

  /** A provider on a new fake acquirer running on {@code clock}, real time. */
  public static InMemoryPosProvider create(Clock clock) {
    return new InMemoryPosProvider(new FakeWebEcr(clock));
  }

  /** A provider on a new fake acquirer on virtual time: it moves {@code clock} through waits. */
  public static InMemoryPosProvider create(TestClock clock) {
    return new InMemoryPosProvider(new FakeWebEcr(clock));
  }

  /** The fake acquirer behind it. */
  public FakeWebEcr fake() {
    return fake;
  }

  /** The seeded terminal with this profile, paired and ready. */
  public Terminal terminal(TerminalProfile profile) {
    return toTerminal(fake.terminal(FakeTerminals.tidOf(profile)), apiKey);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Set<Capability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public ApiKey redeem(String code) {
    return ApiKey.of(
        fake.pairings
            .redeem(code)
            .orElseThrow(
                () ->
                    new ProviderRejectedException(
                        "Code: Invalid or expired code.", 400, "Code", false)));
  }

  @Override
  public List<Terminal> terminals(ApiKey key) {
    requireKnown(key, null);
    return fake.terminals().stream().map(t -> toTerminal(t, key)).collect(Collectors.toList());
  }

  @Override
  public PaymentIntent create(CreateIntentCommand c) {
    Terminal t = c.terminal();
    requireKnown(t.requireApiKey(), t.tid());
    FakeTerminal device =
        fake.byCallId(t.callId())
            .orElseThrow(() -> new ProviderRejectedException("Not found.", 404, "detail", false));
    String original = c.original().flatMap(o -> o.intentId().or(o::transactionId)).orElse(null);
    FakeIntent voided =
        c.kind() != TransactionType.VOID
            ? null
            : c.original()
                .flatMap(
                    o ->
                        o.intentId()
                            .flatMap(fake::intent)
                            .or(() -> o.transactionId().flatMap(fake::byTransactionId)))
                .orElse(null);
    // In memory, a void keeps its reference: the SPI has it, and no wire is there to lose it.
    FakeIntent i =
        fake.create(
            device,
            c.kind(),
            c.kind() == TransactionType.REFUND ? 1 : 0,
            c.amount().minorUnits(),
            c.amount().currency().getNumericCode(),
            c.providerReference(),
            c.installments().orElse(null),
            voided,
            original);
    return toIntent(i, t);
  }

  @Override
  public PaymentIntent getAttempt(Terminal terminal, AttemptLookup attempt) {
    String intentId =
        attempt.intentId().orElseThrow(() -> new IllegalArgumentException("no intent id"));
    requireKnown(terminal.requireApiKey(), terminal.tid());
    return fake.intent(intentId)
        .map(i -> toIntent(i, terminal))
        .orElseThrow(() -> new ProviderRejectedException("Not found.", 404, "detail", false));
  }

  @Override
  public Optional<PaymentIntent> findAttempt(Terminal terminal, AttemptLookup attempt) {
    String providerReference = attempt.providerReference();
    requireKnown(terminal.requireApiKey(), terminal.tid());
    return fake.underReference(providerReference).stream()
        .filter(i -> i.terminal.callId().equals(terminal.callId()))
        .findFirst()
        .map(i -> toIntent(i, terminal));
  }

  @Override
  public List<PaymentIntent> intents(Terminal terminal, Period period) {
    requireKnown(terminal.requireApiKey(), terminal.tid());
    return fake.intents().stream()
        .filter(i -> i.terminal.callId().equals(terminal.callId()))
        .filter(i -> period.contains(i.createdAt))
        .map(i -> toIntent(i, terminal))
        .collect(Collectors.toList());
  }

  private void requireKnown(ApiKey key, String tid) {
    if (!fake.pairings.knows(key.reveal())) {
      throw new PairingRevokedException(tid, 403);
    }
  }

  private static Terminal toTerminal(FakeTerminal t, ApiKey key) {
    return Terminal.builder()
        .providerId(ID)
        .tid(t.tid())
        .callId(t.callId())
        .merchantId("000001234567")
        .model("FAKE-" + t.profile())
        .label(t.label())
        .apiKey(key)
        .build();
  }

  private PaymentIntent toIntent(FakeIntent i, Terminal terminal) {
    Instant now = fake.clock().instant();
    IntentResult result = i.resultAt(now);
    boolean card = i.hasTransactionAt(now);
    if (result == IntentResult.UNKNOWN && card) {
      result = IntentResult.APPROVED; // the card transaction settles it, as Mellon's does
    }
    PaymentIntent.Builder b =
        PaymentIntent.builder()
            .id(String.valueOf(i.id))
            .providerReference(i.reference)
            .terminal(terminal)
            .kind(i.kind)
            .amount(Money.of(i.cents, currency(i.currencyCode)))
            .statusCode(i.statusAt(now).code())
            .resultCode(Optional.ofNullable(result).map(IntentResult::code))
            .createdAt(i.createdAt)
            .providerRecord("{\"fake\":\"in-memory\",\"Id\":" + i.id + "}");
    if (card) {
      b.transactionRecordId(i.transactionRecordId())
          .rrn(i.rrn())
          .authorisationCode(i.authCode())
          .stan(i.stan())
          .maskedPan("411111******1111")
          .cardScheme("VISA")
          .completedAt(i.completedAt());
    }
    if (result == IntentResult.APPROVED) {
      b.transactionId(i.transactionId());
    }
    return b.build();
  }

  private static Currency currency(int numeric) {
    return Currency.getAvailableCurrencies().stream()
        .filter(c -> c.getNumericCode() == numeric)
        .findFirst()
        .orElse(Money.EUR);
  }

  @Override
  public String toString() {
    return "InMemoryPosProvider";
  }
}
