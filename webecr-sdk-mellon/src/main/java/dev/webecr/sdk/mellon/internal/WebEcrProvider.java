package dev.webecr.sdk.mellon.internal;

import dev.webecr.sdk.ApiKey;
import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.OriginalTransaction;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.Period;
import dev.webecr.sdk.ProviderSignature;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.mellon.InitialTransactionField;
import dev.webecr.sdk.mellon.MellonConfig;
import dev.webecr.sdk.spi.Capability;
import dev.webecr.sdk.spi.CreateIntentCommand;
import dev.webecr.sdk.spi.PosProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;

/** The Mellon WebECR provider: every operation of the contract, on {@link MellonHttp}. */
public final class WebEcrProvider implements PosProvider {
  private static final Logger log = LoggerFactory.getLogger(WebEcrProvider.class);
  private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
      Capability.REDEEM, Capability.LIST_TERMINALS, Capability.SALE, Capability.REFUND,
      Capability.VOID, Capability.LIST_INTENTS, Capability.SIGNATURE_REQUIRED,
      Capability.SERVER_SIDE_WAIT, Capability.INSTALLMENTS));
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

  private final MellonConfig config;
  private final MellonHttp http;
  private final Clock clock;

  /** A provider for {@code config}; {@code clock} dates transaction look-ups. */
  public WebEcrProvider(MellonConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.http = new MellonHttp(config, clock);
  }

  @Override
  public String id() {
    return MellonMapper.PROVIDER_ID;
  }

  @Override
  public Set<Capability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public int maxReferenceLength() {
    return 50;
  }

  @Override
  public Duration createSettleTime() {
    return config.callTimeout().plusSeconds(5);
  }

  @Override
  public ApiKey redeem(String code) {
    WireBodies.Redeem body = new WireBodies.Redeem();
    body.Code = code;
    try {
      Answer a = http.send("redeem", null, null, bearer -> http.api().redeem(bearer, body));
      return ApiKey.of(MellonMapper.apiKeyOf(a.json));
    } catch (MalformedAnswer e) {
      throw new ConnectionException("redeem: unreadable answer; the code may be used up: show a "
          + "new one on the terminal", true, null, null);
    }
  }

  @Override
  public List<Terminal> terminals(ApiKey apiKey) {
    String key = apiKey.reveal();
    List<Terminal> out = new ArrayList<>();
    for (WireJson t : pages("GET terminal", null, key, bearer -> http.api().terminals(bearer, key))) {
      out.add(MellonMapper.terminal(t, apiKey));
    }
    return out;
  }

  @Override
  public PaymentIntent create(CreateIntentCommand command) {
    Terminal t = command.terminal();
    String key = t.requireApiKey().reveal();
    Duration wait = command.serverWait();
    Long timeout = wait.isZero() ? null
        : Math.min(wait.getSeconds(), MellonWire.MAX_SERVER_WAIT_SECONDS);
    Answer a;
    if (command.kind() == TransactionType.VOID) {
      WireBodies.TxnVoid body = voidBody(command, timeout);
      a = http.send("POST txnvoid", t.tid(), command.providerReference(),
          bearer -> http.api(wait).txnVoid(bearer, key, t.callId(), body));
    } else {
      WireBodies.TxnInit body = initBody(command, timeout);
      a = http.send("POST txninit", t.tid(), command.providerReference(),
          bearer -> http.api(wait).txnInit(bearer, key, t.callId(), body));
    }
    try {
      return withCardData(a, t, command.providerReference());
    } catch (MalformedAnswer e) {
      throw new ConnectionException("create: unreadable answer (" + e.getMessage()
          + "): the payment may exist", true, command.providerReference(), null);
    }
  }

  private WireBodies.TxnInit initBody(CreateIntentCommand c, Long timeout) {
    WireBodies.TxnInit b = new WireBodies.TxnInit();
    b.TxnType = MellonWire.txnType(c.kind());
    b.Amount = c.amount().minorUnits();
    b.CurrencyCode = MellonMapper.currencyCode(c.amount().currency());
    b.Instalments = c.installments().orElse(null);
    b.CustomerReference = c.providerReference();
    b.PaymentType = MellonWire.PAYMENT_TYPE_CARD;
    b.Timeout = timeout;
    if (c.kind() == TransactionType.REFUND && c.original().isPresent()) {
      b.InitialTransaction = initialTransaction(c.original().get());
    }
    b.ProviderData = c.signature().map(WebEcrProvider::providerData).orElseThrow(() ->
        new InvalidRequestException("signature", "WebECR needs a provider signature for a "
            + c.kind()));
    return b;
  }

  private String initialTransaction(OriginalTransaction o) {
    if (config.initialTransactionField() == InitialTransactionField.TRANSACTION_ID) {
      return o.transactionId().orElseThrow(() -> new InvalidRequestException(
          "original.transactionId", "a linked refund needs the original's TransactionId"));
    }
    return o.transactionRecordId().orElseThrow(() -> new InvalidRequestException(
        "original.transactionRecordId", "a linked refund needs the original's transaction record"));
  }

  private static WireBodies.ProviderData providerData(ProviderSignature s) {
    WireBodies.ProviderData d = new WireBodies.ProviderData();
    d.Uid = s.uidHash();
    d.Mark = s.mark().orElse(null);
    d.SignatureTimestamp = s.input().split(";", -1)[2];
    d.NetAmount = s.netCents();
    d.VatAmount = s.vatCents();
    d.TotalAmount = s.totalCents();
    d.ProviderId = s.providerId();
    d.Signature = s.signature();
    return d;
  }

  private static WireBodies.TxnVoid voidBody(CreateIntentCommand c, Long timeout) {
    OriginalTransaction o = c.original().orElseThrow(() ->
        new InvalidRequestException("original", "a void needs the original transaction"));
    WireBodies.TxnVoid b = new WireBodies.TxnVoid();
    if (o.intentId().isPresent()) {
      b.OriginalIdentifier = o.intentId().get();
      b.OriginalIdentifierType = MellonWire.ORIGINAL_IS_INTENT_ID;
    } else {
      b.OriginalIdentifier = o.transactionId().get();
      b.OriginalIdentifierType = MellonWire.ORIGINAL_IS_TRANSACTION_ID;
    }
    b.CustomerReference = c.providerReference();
    b.Timeout = timeout;
    return b;
  }

  @Override
  public PaymentIntent get(Terminal terminal, String intentId) {
    String key = terminal.requireApiKey().reveal();
    Answer a = read("GET transactionintent/{id}", terminal,
        bearer -> http.api().intent(bearer, key, intentId));
    return withCardData(a, terminal, "mellon-" + intentId);
  }

  @Override
  public Optional<PaymentIntent> findByReference(Terminal terminal, String providerReference) {
    String key = terminal.requireApiKey().reveal();
    Map<String, String> filter = Map.of(MellonWire.FILTER_REFERENCE, providerReference,
        MellonWire.FILTER_LIMIT, MellonWire.PAGE_SIZE);
    List<String> matches = new ArrayList<>();
    for (Answer page : pageAnswers("GET transactionintent?CustomerReference", terminal.tid(), key,
        bearer -> http.api().intents(bearer, key, filter))) {
      for (WireJson i : MellonMapper.results(page.json)) {
        if (MellonMapper.reference(i).equals(Optional.of(providerReference))
            && MellonMapper.onTerminal(i, terminal)) {
          matches.add(i.text("Id").orElseThrow(() -> new MalformedAnswer("intent without Id")));
        }
      }
    }
    if (matches.isEmpty()) {
      return Optional.empty();
    }
    if (matches.size() > 1) {
      log.error("WebECR holds {} intents under reference {}: reporting the first",
          matches.size(), providerReference);
    }
    return Optional.of(get(terminal, matches.get(0)));
  }

  @Override
  public List<PaymentIntent> intents(Terminal terminal, Period period) {
    String key = terminal.requireApiKey().reveal();
    Map<String, String> filter = new LinkedHashMap<>();
    filter.put(MellonWire.FILTER_FROM, ISO.format(period.from().truncatedTo(ChronoUnit.SECONDS)));
    filter.put(MellonWire.FILTER_TO, ISO.format(period.to().truncatedTo(ChronoUnit.SECONDS)));
    filter.put(MellonWire.FILTER_LIMIT, MellonWire.PAGE_SIZE);
    List<PaymentIntent> out = new ArrayList<>();
    for (Answer page : pageAnswers("GET transactionintent?Timestamp", terminal.tid(), key,
        bearer -> http.api().intents(bearer, key, filter))) {
      for (WireJson i : MellonMapper.results(page.json)) {
        if (MellonMapper.onTerminal(i, terminal)) {
          Answer one = new Answer(i, i.toJson());
          out.add(MellonMapper.intent(one, Optional.empty(), terminal,
              "mellon-" + i.text("Id").orElse("?")));
        }
      }
    }
    return out;
  }

  /** Joins the card transaction to a completed intent (and settles an UNKNOWN one with it). */
  private PaymentIntent withCardData(Answer intent, Terminal terminal, String fallbackReference) {
    PaymentIntent bare = MellonMapper.intent(intent, Optional.empty(), terminal, fallbackReference);
    boolean completed = bare.status() == dev.webecr.sdk.IntentStatus.COMPLETED;
    boolean worthJoining = bare.isApproved()
        || bare.result().equals(Optional.of(dev.webecr.sdk.IntentResult.UNKNOWN));
    if (!completed || !worthJoining) {
      return bare;
    }
    Optional<Answer> txn = transactionOf(intent.json, terminal, bare.providerReference());
    return txn.isEmpty() ? bare : MellonMapper.intent(intent, txn, terminal, fallbackReference);
  }

  private Optional<Answer> transactionOf(WireJson intent, Terminal terminal, String reference) {
    String record = MellonMapper.transactionRecord(intent).orElse(null);
    Instant around = MellonMapper.created(intent).orElse(clock.instant());
    Map<String, String> filter = new LinkedHashMap<>();
    filter.put(MellonWire.FILTER_TID, terminal.tid());
    filter.put(MellonWire.FILTER_FROM, ISO.format(around.minus(Duration.ofDays(1))
        .truncatedTo(ChronoUnit.SECONDS)));
    filter.put(MellonWire.FILTER_TO, ISO.format(clock.instant().plus(Duration.ofDays(1))
        .truncatedTo(ChronoUnit.SECONDS)));
    filter.put(MellonWire.FILTER_LIMIT, MellonWire.PAGE_SIZE);
    String key = terminal.requireApiKey().reveal();
    for (Answer page : pageAnswers("GET transaction", terminal.tid(), key,
        bearer -> http.api().transactions(bearer, key, filter))) {
      for (WireJson t : MellonMapper.results(page.json)) {
        if (MellonMapper.matchesTransaction(t, record, reference)) {
          return Optional.of(new Answer(t, t.toJson()));
        }
      }
    }
    return Optional.empty();
  }

  private Answer read(String what, Terminal terminal, Function<String, Call<ResponseBody>> call) {
    return http.read(what, terminal.tid(), call);
  }

  private List<WireJson> pages(String what, String tid, String key,
      Function<String, Call<ResponseBody>> first) {
    List<WireJson> out = new ArrayList<>();
    for (Answer page : pageAnswers(what, tid, key, first)) {
      out.addAll(MellonMapper.results(page.json));
    }
    return out;
  }

  /** Every page of a list, following {@code next} until it is null. */
  private List<Answer> pageAnswers(String what, String tid, String key,
      Function<String, Call<ResponseBody>> first) {
    List<Answer> pages = new ArrayList<>();
    Answer page = http.read(what, tid, first);
    pages.add(page);
    Optional<String> next = MellonMapper.next(page.json);
    for (int n = 0; next.isPresent(); n++) {
      if (n > 10_000) {
        throw new ConnectionException(what + ": too many pages", false, null, null);
      }
      String url = next.get();
      page = http.read(what, tid, bearer -> http.api().page(bearer, key, url));
      pages.add(page);
      next = MellonMapper.next(page.json);
    }
    return pages;
  }


  @Override
  public void close() {
    http.close();
  }
}
