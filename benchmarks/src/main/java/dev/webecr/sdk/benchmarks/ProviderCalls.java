package dev.webecr.sdk.benchmarks;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.webecr.sdk.Journals;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.ProviderSignature;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.mellon.MellonProvider;
import dev.webecr.sdk.spi.CreateIntentCommand;
import dev.webecr.sdk.spi.PaymentObserver;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.spi.SigningRequest;
import dev.webecr.sdk.testkit.TestSigner;
import dev.webecr.sdk.testkit.webecr.FakeTerminals;
import dev.webecr.sdk.testkit.webecr.FakeWebEcr;
import dev.webecr.sdk.testkit.webecr.FakeWebEcrServer;
import dev.webecr.sdk.testkit.webecr.TerminalProfile;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import retrofit2.Call;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Path;

/**
 * One read ({@code GET transactionintent/{id}/} of a declined intent, so no card data is joined)
 * and one create ({@code POST txninit}), each made by the Mellon provider and by raw OkHttp sending
 * the same request and parsing the answer with Moshi, against one embedded fake: what {@link
 * ProviderCallBenchmark} and {@link ProviderOverhead} compare.
 */
final class ProviderCalls implements AutoCloseable {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final JsonAdapter<Map<String, Object>> MAP =
      new Moshi.Builder()
          .build()
          .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  private final FakeWebEcrServer server;
  private final PosProvider mellon;
  private final OkHttpClient raw;
  private final Terminal terminal;
  private final String intentId;
  private final String bearer;
  private final String base;
  private final ProviderSignature signature;
  private long n;
  private final PosClient attaching;
  private final Bare bare;

  /** The same two calls declared for Retrofit alone: its share of the provider's overhead. */
  interface Bare {
    @GET("transactionintent/{id}/")
    Call<Map<String, Object>> intent(
        @Header("Authorization") String bearer,
        @Header("X-Api-Key") String apiKey,
        @Path("id") String intentId);

    @POST("terminal/{id}/txninit/")
    Call<Map<String, Object>> create(
        @Header("Authorization") String bearer,
        @Header("X-Api-Key") String apiKey,
        @Path("id") String callId,
        @Body RequestBody body);
  }

  /**
   * {@code observers} attached to the provider as an application attaches them: by building a
   * client with them ({@code observer(...)}), which hands the provider their fan-out.
   */
  ProviderCalls(PaymentObserver... observers) throws IOException {
    Clock clock = Clock.systemUTC();
    server = FakeWebEcrServer.builder().clock(clock).build().start();
    // the kind variant: one intent read by its own route, as the raw side reads it (the fake's
    // worst-case default serves intents only through a lagging list)
    server.fake().behaviour().singleIntentRoute(true).listingLag(java.time.Duration.ZERO);
    mellon = MellonProvider.create(server.mellonConfig().build(), clock);
    attaching =
        PosClient.builder()
            .provider(mellon)
            .journal(Journals.inMemory())
            .signer(new TestSigner(clock))
            .observer(observers)
            .build();
    terminal =
        mellon.terminals(mellon.redeem(FakeTerminals.REDEEM_CODE)).stream()
            .filter(t -> t.tid().equals(FakeTerminals.tidOf(TerminalProfile.DECLINE)))
            .findFirst()
            .orElseThrow();
    signature =
        new TestSigner(clock)
            .sign(
                SigningRequest.builder()
                    .reference("SETUP")
                    .providerReference("SETUP-A1")
                    .attempt(1)
                    .kind(TransactionType.SALE)
                    .amount(Money.euroCents(2480))
                    .terminalTid(terminal.tid())
                    .build());
    intentId = mellon.create(command("SETUP-A1")).id();
    raw = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    base = server.baseUrl() + "/api/v2.2/";
    try (Response r =
        raw.newCall(
                new Request.Builder()
                    .url(server.baseUrl() + "/api/token/")
                    .post(
                        RequestBody.create(
                            "{\"username\":\""
                                + FakeWebEcr.USERNAME
                                + "\",\"password\":\""
                                + FakeWebEcr.PASSWORD
                                + "\"}",
                            JSON))
                    .build())
            .execute()) {
      bearer = "Bearer " + MAP.fromJson(r.body().string()).get("access");
    }
    bare =
        new Retrofit.Builder()
            .baseUrl(base)
            .client(raw)
            .addConverterFactory(MoshiConverterFactory.create())
            .build()
            .create(Bare.class);
  }

  private CreateIntentCommand command(String reference) {
    return CreateIntentCommand.builder()
        .terminal(terminal)
        .kind(TransactionType.SALE)
        .amount(Money.euroCents(2480))
        .providerReference(reference)
        .signature(signature)
        .build(); // signed once: signing is the ERP's cost, not the provider's
  }

  /** Baseline read: the same GET with raw OkHttp, parsed by Moshi. */
  Object readRaw() throws IOException {
    try (Response r =
        raw.newCall(
                new Request.Builder()
                    .url(base + "transactionintent/" + intentId + "/")
                    .header("Authorization", bearer)
                    .header("X-Api-Key", terminal.apiKey().get().reveal())
                    .build())
            .execute()) {
      return MAP.fromJson(r.body().string());
    }
  }

  /** The provider's read. */
  PaymentIntent readProvider() {
    return mellon.getAttempt(terminal, dev.webecr.sdk.spi.AttemptLookup.ofIntentId(intentId));
  }

  /** The same GET declared for Retrofit, the same client, Moshi's converter. */
  Object readRetrofit() throws IOException {
    return bare.intent(bearer, terminal.apiKey().get().reveal(), intentId).execute().body();
  }

  /** The same POST declared for Retrofit. */
  Object createRetrofit() throws IOException {
    return bare.create(
            bearer,
            terminal.apiKey().get().reveal(),
            terminal.callId(),
            RequestBody.create(createBody(), JSON))
        .execute()
        .body();
  }

  private String createBody() {
    return "{\"TxnType\":0,\"Amount\":2480,\"CurrencyCode\":978,\"CustomerReference\":\"R-"
        + (n++)
        + "-A1\",\"PaymentType\":0,\"ProviderData\":{\"Uid\":\"B6A70F9F1CCE52E6C6F7E5C4"
        + "0951F240DE0000CC\",\"SignatureTimestamp\":\"20261122100000\",\"NetAmount\":2000,"
        + "\"VatAmount\":480,\"TotalAmount\":2480,\"ProviderId\":\"999\",\"Signature\":\"ZmFr\"}}";
  }

  /** Baseline create: the same POST with raw OkHttp, parsed by Moshi. */
  Object createRaw() throws IOException {
    String body = createBody();
    try (Response r =
        raw.newCall(
                new Request.Builder()
                    .url(base + "terminal/" + terminal.callId() + "/txninit/")
                    .header("Authorization", bearer)
                    .header("X-Api-Key", terminal.apiKey().get().reveal())
                    .post(RequestBody.create(body, JSON))
                    .build())
            .execute()) {
      return MAP.fromJson(r.body().string());
    }
  }

  /** The provider's create. */
  PaymentIntent createProvider() {
    return mellon.create(command("P-" + (n++) + "-A1"));
  }

  @Override
  public void close() {
    attaching.close();
    mellon.close();
    raw.dispatcher().executorService().shutdown();
    raw.connectionPool().evictAll();
    server.close();
  }
}
