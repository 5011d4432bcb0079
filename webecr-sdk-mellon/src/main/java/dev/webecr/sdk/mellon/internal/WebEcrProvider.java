package dev.webecr.sdk.mellon.internal;

import dev.webecr.sdk.ApiKey;
import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.Period;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.mellon.MellonConfig;
import dev.webecr.sdk.spi.AttemptLookup;
import dev.webecr.sdk.spi.Capability;
import dev.webecr.sdk.spi.CreateIntentCommand;
import dev.webecr.sdk.spi.PaymentObserver;
import dev.webecr.sdk.spi.PosProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Mellon WebECR provider: every operation of the contract, on {@link MellonHttp}. */
public final class WebEcrProvider implements PosProvider {
  private static final Logger log = LoggerFactory.getLogger(WebEcrProvider.class);
  private static final Set<Capability> CAPABILITIES =
      Collections.unmodifiableSet(
          EnumSet.of(
              Capability.REDEEM,
              Capability.LIST_TERMINALS,
              Capability.SALE,
              Capability.REFUND,
              Capability.VOID,
              Capability.LIST_INTENTS,
              Capability.SIGNATURE_REQUIRED,
              Capability.SERVER_SIDE_WAIT,
              Capability.INSTALLMENTS,
              Capability.PRE_AUTHORISATION,
              Capability.PRE_AUTH_COMPLETION,
              Capability.MAIL_ORDER,
              Capability.CASH_ADVANCE,
              Capability.CARD_PAYMENT,
              Capability.BILL_PAYMENT,
              Capability.OTHER_PAYMENT,
              Capability.PRE_PAYMENT,
              Capability.IRIS,
              Capability.TIP,
              Capability.CASHBACK,
              Capability.RECEIPT_CONTACT,
              Capability.PRELOAD,
              Capability.TAX_FLAGS,
              Capability.UNSIGNED_SERIES));
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;
  private static final Duration MIN_SETTLE_MARGIN = Duration.ofSeconds(5);

  private final MellonConfig config;
  private final MellonHttp http;
  private final WebEcrPages pages;
  private final IntentLookups lookups;
  private final Clock clock;

  /** A provider for {@code config}; {@code clock} dates transaction look-ups. */
  public WebEcrProvider(MellonConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.http = new MellonHttp(config, clock);
    this.pages =
        new WebEcrPages(
            http, config.directMode(), okhttp3.HttpUrl.get(config.resolvedResourceUrl()));
    this.lookups = new IntentLookups(pages, clock);
  }

  @Override
  public String id() {
    return MellonMapper.PROVIDER_ID;
  }

  @Override
  public Set<Capability> capabilities() {
    if (!config.directMode()) {
      return CAPABILITIES;
    }
    EnumSet<Capability> direct = EnumSet.copyOf(CAPABILITIES);
    direct.add(Capability.DIRECT_MODE);
    direct.remove(Capability.REDEEM);
    return Collections.unmodifiableSet(direct);
  }

  @Override
  public List<Terminal> directTerminals() {
    List<Terminal> out = new ArrayList<>();
    for (WireJson t : pages.terminals(null)) {
      out.add(PairingAnswers.terminal(t, null));
    }
    return out;
  }

  @Override
  public Set<java.util.Currency> currencies() {
    return Set.of(Money.EUR);
  }

  @Override
  public long maxAmountMinorUnits() {
    return MellonWire.MAX_AMOUNT_CENTS;
  }

  @Override
  public int maxReferenceLength() {
    return 50;
  }

  @Override
  public Duration createSettleTime() {
    return createSettleTime(Duration.ZERO);
  }

  /**
   * The create's own call timeout (the configured one plus the wait it asked for) plus a margin,
   * counted from when its failure was seen. [assumed] How late WebECR can commit an intent after
   * its gateway gave up is not known: the margin, half the call timeout and at least 5 s (30 s by
   * default), covers a gateway that answers 504 and a backend that commits tens of seconds later.
   */
  @Override
  public Duration createSettleTime(Duration serverWait) {
    Duration call = config.callTimeout();
    Duration half = call.dividedBy(2);
    Duration margin = half.compareTo(MIN_SETTLE_MARGIN) < 0 ? MIN_SETTLE_MARGIN : half;
    return call.plus(serverWait).plus(margin);
  }

  @Override
  public ApiKey redeem(String code) {
    WireBodies.Redeem body = new WireBodies.Redeem();
    body.Code = code;
    try {
      Answer a = http.api().redeem(body, CallFacts.sent("POST redeem", null, null, Duration.ZERO));
      return ApiKey.of(PairingAnswers.apiKeyOf(a.json));
    } catch (MalformedAnswer e) {
      throw new ConnectionException(
          "redeem: unreadable answer; the code may be used up: show a " + "new one on the terminal",
          true,
          null,
          null);
    }
  }

  @Override
  public List<Terminal> terminals(ApiKey apiKey) {
    String key = apiKey.reveal();
    List<Terminal> out = new ArrayList<>();
    try {
      for (WireJson t : pages.terminals(key)) {
        out.add(PairingAnswers.terminal(t, apiKey));
      }
    } catch (MalformedAnswer e) {
      throw WebEcrAnswers.unreadable("GET terminal", e);
    }
    return out;
  }

  @Override
  public PaymentIntent create(CreateIntentCommand command) {
    Instant sent = clock.instant();
    Terminal t = command.terminal();
    String key = pages.keyOf(t);
    Duration wait = command.serverWait();
    Long timeout =
        wait.isZero() ? null : Math.min(wait.getSeconds(), MellonWire.MAX_SERVER_WAIT_SECONDS);
    Answer a;
    if (command.kind() == TransactionType.VOID) {
      WireBodies.TxnVoid body = TxnInitBodies.voidOf(command, timeout);
      a =
          http.api()
              .txnVoid(
                  key,
                  t.callId(),
                  body,
                  CallFacts.sent("POST txnvoid", t.tid(), command.providerReference(), wait));
    } else {
      WireBodies.TxnInit body = TxnInitBodies.of(command, timeout, config);
      a =
          http.api()
              .txnInit(
                  key,
                  t.callId(),
                  body,
                  CallFacts.sent("POST txninit", t.tid(), command.providerReference(), wait));
    }
    // The request has left: from here only "outcome unknown" may be thrown (see PosProvider).
    PaymentIntent bare;
    try {
      if (!MellonMapper.intentId(a.json)
          .map(id -> !id.startsWith("-") && !id.equals("0"))
          .orElse(false)) {
        throw new MalformedAnswer("no Id > 0 in the answer");
      }
      bare = MellonMapper.intent(a, Optional.empty(), t, command.providerReference());
    } catch (MalformedAnswer e) {
      throw new ConnectionException(
          "create: unreadable answer (" + e.getMessage() + "): the payment may exist",
          true,
          command.providerReference(),
          null);
    }
    try {
      return lookups.withCardData(a, t, IntentLookups.attemptOf(command, sent));
    } catch (RuntimeException e) {
      // Card data is a nicety here; the intent is what the create answered. Polling joins it.
      log.debug("card data of {} not joined after the create", command.providerReference(), e);
      return bare;
    }
  }

  @Override
  public PaymentIntent getAttempt(Terminal terminal, AttemptLookup attempt) {
    // an intent known by its id alone is named, internally, by its id
    AttemptLookup known =
        attempt.providerReference().isEmpty()
            ? AttemptLookup.builder()
                .from(attempt)
                .providerReference(MellonMapper.idReference(attempt.intentId().orElse("")))
                .build()
            : attempt;
    return readable("GET transactionintent", () -> lookups.get(terminal, known));
  }

  @Override
  public Optional<PaymentIntent> findAttempt(Terminal terminal, AttemptLookup attempt) {
    return readable("GET transactionintent", () -> lookups.find(terminal, attempt));
  }

  /** A read whose unreadable answer surfaces as the public, retryable error. */
  private static <T> T readable(String what, java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (MalformedAnswer e) {
      throw WebEcrAnswers.unreadable(what, e);
    }
  }

  @Override
  public List<PaymentIntent> intents(Terminal terminal, Period period) {
    return PeriodIntents.of(pages, terminal, period);
  }

  @Override
  public void observe(PaymentObserver observer) {
    http.observe(observer);
  }

  @Override
  public void close() {
    http.close();
  }
}
