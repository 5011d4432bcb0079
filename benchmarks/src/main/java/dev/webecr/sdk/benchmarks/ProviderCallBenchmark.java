package dev.webecr.sdk.benchmarks;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.mellon.MellonProvider;
import dev.webecr.sdk.spi.CreateIntentCommand;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.testkit.FakeTerminals;
import dev.webecr.sdk.testkit.FakeWebEcr;
import dev.webecr.sdk.testkit.FakeWebEcrServer;
import dev.webecr.sdk.testkit.TerminalProfile;
import dev.webecr.sdk.testkit.TestSigner;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the Mellon provider adds to one HTTP call: a read ({@code GET transactionintent/{id}/} of
 * a declined intent, so no card data is joined) and a create ({@code POST txninit}), each
 * against raw OkHttp sending the same request and parsing the answer with Moshi, on the same
 * embedded fake in the same JVM. Read the ratio provider / raw.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ProviderCallBenchmark {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final JsonAdapter<Map<String, Object>> MAP = new Moshi.Builder().build()
      .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  private FakeWebEcrServer server;
  private PosProvider mellon;
  private OkHttpClient raw;
  private Terminal terminal;
  private String intentId;
  private String bearer;
  private String base;
  private TestSigner signer;
  private dev.webecr.sdk.ProviderSignature signature;
  private long n;

  @Setup(Level.Trial)
  public void start() throws IOException {
    Clock clock = Clock.systemUTC();
    server = FakeWebEcrServer.builder().clock(clock).build().start();
    mellon = MellonProvider.create(server.mellonConfig().build(), clock);
    signer = new TestSigner(clock);
    terminal = mellon.terminals(mellon.redeem(FakeTerminals.REDEEM_CODE)).stream()
        .filter(t -> t.tid().equals(FakeTerminals.tidOf(TerminalProfile.DECLINE)))
        .findFirst().orElseThrow();
    signature = signer.sign(dev.webecr.sdk.spi.SigningRequest.builder().reference("SETUP")
        .providerReference("SETUP-A1").attempt(1).kind(TransactionType.SALE)
        .amount(Money.euroCents(2480)).terminalTid(terminal.tid()).build());
    intentId = mellon.create(command("SETUP-A1")).id();
    raw = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    base = server.baseUrl() + "/api/v2.2/";
    try (Response r = raw.newCall(new Request.Builder().url(server.baseUrl() + "/api/token/")
        .post(RequestBody.create("{\"username\":\"" + FakeWebEcr.USERNAME + "\",\"password\":\""
            + FakeWebEcr.PASSWORD + "\"}", JSON)).build()).execute()) {
      bearer = "Bearer " + MAP.fromJson(r.body().string()).get("access");
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    mellon.close();
    raw.dispatcher().executorService().shutdown();
    raw.connectionPool().evictAll();
    server.close();
  }

  private CreateIntentCommand command(String reference) {
    return CreateIntentCommand.builder().terminal(terminal).kind(TransactionType.SALE)
        .amount(Money.euroCents(2480)).providerReference(reference).signature(signature)
        .build(); // signed once in setup: signing is the ERP's cost, not the provider's
  }

  /** Baseline read: the same GET with raw OkHttp, parsed by Moshi. */
  @Benchmark
  public Object readRaw() throws IOException {
    try (Response r = raw.newCall(new Request.Builder()
        .url(base + "transactionintent/" + intentId + "/")
        .header("Authorization", bearer).header("X-Api-Key", terminal.apiKey().get().reveal())
        .build()).execute()) {
      return MAP.fromJson(r.body().string());
    }
  }

  /** The provider's read. */
  @Benchmark
  public PaymentIntent readProvider() {
    return mellon.get(terminal, intentId);
  }

  /** Baseline create: the same POST with raw OkHttp, parsed by Moshi. */
  @Benchmark
  public Object createRaw() throws IOException {
    String body = "{\"TxnType\":0,\"Amount\":2480,\"CurrencyCode\":978,\"CustomerReference\":\"R-"
        + (n++) + "-A1\",\"PaymentType\":0,\"ProviderData\":{\"Uid\":\"B6A70F9F1CCE52E6C6F7E5C4"
        + "0951F240DE0000CC\",\"SignatureTimestamp\":\"20261122100000\",\"NetAmount\":2000,"
        + "\"VatAmount\":480,\"TotalAmount\":2480,\"ProviderId\":\"999\",\"Signature\":\"ZmFr\"}}";
    try (Response r = raw.newCall(new Request.Builder()
        .url(base + "terminal/" + terminal.callId() + "/txninit/")
        .header("Authorization", bearer).header("X-Api-Key", terminal.apiKey().get().reveal())
        .post(RequestBody.create(body, JSON)).build()).execute()) {
      return MAP.fromJson(r.body().string());
    }
  }

  /** The provider's create. */
  @Benchmark
  public PaymentIntent createProvider() {
    return mellon.create(command("P-" + (n++) + "-A1"));
  }
}
