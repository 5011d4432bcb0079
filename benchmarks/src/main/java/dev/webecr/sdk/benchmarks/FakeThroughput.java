package dev.webecr.sdk.benchmarks;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.mellon.MellonProvider;
import dev.webecr.sdk.spi.CreateIntentCommand;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.spi.SigningRequest;
import dev.webecr.sdk.testkit.TestSigner;
import dev.webecr.sdk.testkit.webecr.FakeTerminals;
import dev.webecr.sdk.testkit.webecr.FakeWebEcr;
import dev.webecr.sdk.testkit.webecr.FakeWebEcrServer;
import dev.webecr.sdk.testkit.webecr.TerminalProfile;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Requests per second of the fake WebECR server (a single-intent read, through its routes) against
 * plain WireMock serving the same body from a static stub, from the same client threads in one JVM,
 * alternating rounds, with the process's CPU time per request (steadier than the rate on a machine
 * whose speed drifts); and the heap after GC after each round, to show it stays flat ({@code
 * 250000} per round makes 1,000,000 requests to the fake).
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.webecr.sdk.benchmarks.FakeThroughput 200000
 * }</pre>
 */
public final class FakeThroughput {
  private static final int THREADS = 4;

  private FakeThroughput() {}

  /** Argument: requests per round and server (default 100,000). */
  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Clock clock = Clock.systemUTC();
    OkHttpClient http = new OkHttpClient.Builder().build();
    http.dispatcher().setMaxRequestsPerHost(THREADS);
    try (FakeWebEcrServer fake = FakeWebEcrServer.builder().clock(clock).build().start()) {
      PosProvider mellon = MellonProvider.create(fake.mellonConfig().build(), clock);
      Terminal t =
          mellon.terminals(mellon.redeem(FakeTerminals.REDEEM_CODE)).stream()
              .filter(x -> x.tid().equals(FakeTerminals.tidOf(TerminalProfile.DECLINE)))
              .findFirst()
              .orElseThrow();
      TestSigner signer = new TestSigner(clock);
      String id =
          mellon
              .create(
                  CreateIntentCommand.builder()
                      .terminal(t)
                      .kind(TransactionType.SALE)
                      .amount(Money.euroCents(100))
                      .providerReference("T-A1")
                      .signature(
                          signer.sign(
                              SigningRequest.builder()
                                  .reference("T")
                                  .providerReference("T-A1")
                                  .attempt(1)
                                  .kind(TransactionType.SALE)
                                  .amount(Money.euroCents(100))
                                  .terminalTid(t.tid())
                                  .build()))
                      .build())
              .id();
      String bearer = token(http, fake.baseUrl());
      String key = t.apiKey().get().reveal();
      Request toFake =
          new Request.Builder()
              .url(fake.baseUrl() + "/api/v2.2/transactionintent/" + id + "/")
              .header("Authorization", bearer)
              .header("X-Api-Key", key)
              .build();
      String body;
      try (Response r = http.newCall(toFake).execute()) {
        body = r.body().string();
      }
      WireMockServer plain =
          new WireMockServer(
              options().dynamicPort().bindAddress("127.0.0.1").disableRequestJournal());
      plain.start();
      plain.stubFor(
          get(urlPathMatching("/api/v2.2/transactionintent/.*")).willReturn(okJson(body)));
      Request toPlain =
          toFake
              .newBuilder()
              .url(plain.baseUrl() + "/api/v2.2/transactionintent/" + id + "/")
              .build();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      double[] fakeSum = new double[2];
      double[] plainSum = new double[2];
      for (int round = 0; round < 4; round++) { // round 0 warms up
        double[] f = rate(pool, http, toFake, requests);
        double[] p = rate(pool, http, toPlain, requests);
        if (round > 0) {
          for (int i = 0; i < 2; i++) {
            fakeSum[i] += f[i] / 3;
            plainSum[i] += p[i] / 3;
          }
        }
        System.out.printf(
            "round %d: fake %.0f req/s, plain %.0f req/s; heap after GC %d MB "
                + "after %d requests to the fake%n",
            round, f[0], p[0], usedHeapMb(), fake.requestCount());
      }
      System.out.printf(
          "fake %.0f req/s, plain WireMock %.0f req/s: %.2fx; CPU per request "
              + "(both sides, whole process) %.0f vs %.0f µs: %.2fx%n",
          fakeSum[0],
          plainSum[0],
          fakeSum[0] / plainSum[0],
          fakeSum[1],
          plainSum[1],
          fakeSum[1] / plainSum[1]);
      pool.shutdown();
      plain.stop();
      mellon.close();
    }
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /** Requests per second, and the process's CPU microseconds per request. */
  private static double[] rate(ExecutorService pool, OkHttpClient http, Request request, int n)
      throws Exception {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    long start = System.nanoTime();
    List<Future<?>> runs = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      runs.add(
          pool.submit(
              () -> {
                for (int i = 0; i < n / THREADS; i++) {
                  try (Response r = http.newCall(request).execute()) {
                    r.body().bytes();
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : runs) {
      f.get();
    }
    return new double[] {
      n / ((System.nanoTime() - start) / 1e9), (os.getProcessCpuTime() - cpu) / 1e3 / n
    };
  }

  private static String token(OkHttpClient http, String base) throws java.io.IOException {
    try (Response r =
        http.newCall(
                new Request.Builder()
                    .url(base + "/api/token/")
                    .post(
                        RequestBody.create(
                            "{\"username\":\""
                                + FakeWebEcr.USERNAME
                                + "\",\"password\":\""
                                + FakeWebEcr.PASSWORD
                                + "\"}",
                            MediaType.get("application/json")))
                    .build())
            .execute()) {
      String json = r.body().string();
      return "Bearer " + json.replaceAll(".*\"access\":\"([^\"]+)\".*", "$1");
    }
  }

  private static long usedHeapMb() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
  }
}
