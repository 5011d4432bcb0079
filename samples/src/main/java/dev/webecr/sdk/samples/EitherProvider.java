package dev.webecr.sdk.samples;

import dev.webecr.sdk.Journals;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.mellon.MellonConfig;
import dev.webecr.sdk.mellon.MellonProvider;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.testkit.TestClock;
import dev.webecr.sdk.testkit.TestSigner;
import dev.webecr.sdk.testkit.VirtualTimeScheduler;
import dev.webecr.sdk.testkit.viva.FakeVivaServer;
import dev.webecr.sdk.testkit.webecr.FakeTerminals;
import dev.webecr.sdk.testkit.webecr.FakeWebEcr;
import dev.webecr.sdk.testkit.webecr.FakeWebEcrServer;
import dev.webecr.sdk.viva.VivaConfig;
import dev.webecr.sdk.viva.VivaProvider;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One ERP, either provider: the till code ({@link #charge}) is the same whether the shop's
 * terminals are on Mellon's WebECR or on Viva.com; only the configuration ({@link #provider})
 * differs. Runs against both embedded fakes: {@code mvn -q -pl samples exec:java
 * -Dexec.mainClass=dev.webecr.sdk.samples.EitherProvider}.
 */
public final class EitherProvider {
  private EitherProvider() {}

  /** The provider a shop's configuration names; the only provider-specific code an ERP has. */
  static PosProvider provider(Map<String, String> conf, TestClock clock) {
    switch (conf.get("provider")) {
      case "mellon":
        return MellonProvider.create(
            MellonConfig.builder()
                .baseUrl(conf.get("url"))
                .allowInsecureHttp(true)
                .username(conf.get("username"))
                .password(conf.get("password"))
                .retryScheduler(new VirtualTimeScheduler(clock))
                .build(),
            clock);
      case "viva":
        return VivaProvider.create(
            VivaConfig.builder()
                .apiUrl(conf.get("url"))
                .tokenUrl(conf.get("url") + "connect/token")
                .allowInsecureHttp(true)
                .clientId(conf.get("clientId"))
                .clientSecret(conf.get("clientSecret"))
                .cashRegisterId(conf.get("till"))
                .aadeProviderId(Integer.parseInt(conf.get("aadeProviderId")))
                .retryScheduler(new VirtualTimeScheduler(clock))
                .build(),
            clock);
      default:
        throw new IllegalArgumentException("provider: mellon or viva");
    }
  }

  /** The ERP's till code: no provider in sight. */
  static PaymentIntent charge(PosClient client, Terminal terminal, String invoice, long cents) {
    return client.pay(
        PaymentRequest.builder()
            .terminal(terminal)
            .amount(Money.euroCents(cents))
            .reference(invoice)
            .build());
  }

  /** Pays the same invoice through each fake, printing what the ERP sees. */
  public static void main(String[] args) {
    run(System.out);
  }

  static void run(PrintStream out) {
    TestClock clock = new TestClock(Instant.parse("2026-12-07T09:00:00Z"));
    try (FakeWebEcrServer webEcr = FakeWebEcrServer.builder().clock(clock).build().start();
        FakeVivaServer viva = FakeVivaServer.builder().clock(clock).build().start()) {
      List<Map<String, String>> shops =
          List.of(
              Map.of(
                  "provider",
                  "mellon",
                  "url",
                  webEcr.baseUrl(),
                  "username",
                  FakeWebEcr.USERNAME,
                  "password",
                  FakeWebEcr.PASSWORD),
              Map.of(
                  "provider",
                  "viva",
                  "url",
                  viva.url(),
                  "clientId",
                  FakeVivaServer.CLIENT_ID,
                  "clientSecret",
                  FakeVivaServer.CLIENT_SECRET,
                  "till",
                  "TILL-1",
                  "aadeProviderId",
                  "999"));
      for (Map<String, String> shop : shops) {
        try (PosClient client =
            PosClient.builder()
                .provider(provider(shop, clock))
                .journal(Journals.inMemory())
                .signer(new TestSigner(clock))
                .clock(clock)
                .scheduler(new VirtualTimeScheduler(clock))
                .executor(Runnable::run)
                .build()) {
          Terminal terminal =
              shop.get("provider").equals("mellon")
                  ? client.terminals(client.pair(FakeTerminals.REDEEM_CODE)).get(0)
                  : client.directTerminals().get(0);
          PaymentIntent paid = charge(client, terminal, "INV-2026-0042", 2480);
          out.println(
              shop.get("provider")
                  + ": "
                  + paid.reference()
                  + " "
                  + paid.amount()
                  + " on terminal "
                  + terminal.tid()
                  + ": "
                  + paid.status()
                  + " / "
                  + paid.result().map(Enum::name).orElse("-"));
        }
      }
    }
  }
}
