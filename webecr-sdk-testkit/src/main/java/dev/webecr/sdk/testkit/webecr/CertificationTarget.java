package dev.webecr.sdk.testkit.webecr;

import dev.webecr.sdk.mellon.MellonConfig;
import dev.webecr.sdk.mellon.MellonProvider;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.testkit.TestClock;
import dev.webecr.sdk.testkit.VirtualTimeScheduler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where {@link MellonCertificationKit} runs its scenarios: the embedded fake WebECR server on
 * virtual time (the default: the fake plays the person at the terminal), or a WebECR UAT host on
 * the real clock, where a person at a real terminal does what the report asks ({@link Person}).
 */
public final class CertificationTarget implements AutoCloseable {
  /** Someone at the terminal, for the scenarios that need a person (UAT only). */
  public interface Person {
    /** Asks for {@code action} and returns once it is done. */
    void please(String action);

    /** A person at this machine's console: the action printed, done when Enter is pressed. */
    static Person console(PrintStream out) {
      // one reader for the run: a reader per question could swallow the next answers
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      return action -> {
        out.println("PLEASE, at the terminal: " + action + "  (press Enter when done)");
        out.flush();
        try {
          in.readLine();
        } catch (IOException e) {
          throw new IllegalStateException("no answer from the console", e);
        }
      };
    }
  }

  final Clock clock;
  final FakeWebEcrServer fake;
  private final TestClock virtual;
  private final PosProvider provider;
  private final String redeemCode;
  private final String tid;
  private final Person person;

  private CertificationTarget(
      Clock clock,
      TestClock virtual,
      FakeWebEcrServer fake,
      PosProvider provider,
      String redeemCode,
      String tid,
      Person person) {
    this.clock = clock;
    this.virtual = virtual;
    this.fake = fake;
    this.provider = provider;
    this.redeemCode = redeemCode;
    this.tid = tid;
    this.person = person;
  }

  /** The embedded fake WebECR server on a virtual clock starting at {@code start}. */
  public static CertificationTarget fake(Instant start) {
    TestClock clock = new TestClock(start);
    FakeWebEcrServer server = FakeWebEcrServer.builder().clock(clock).build().start();
    server.fake().behaviour().preloadOpenedAfter(Duration.ofMinutes(10));
    PosProvider mellon =
        MellonProvider.create(
            server.mellonConfig().retryScheduler(new VirtualTimeScheduler(clock)).build(), clock);
    return new CertificationTarget(
        clock, clock, server, mellon, FakeTerminals.REDEEM_CODE, FakeTerminals.APPROVING_TID, null);
  }

  /**
   * A WebECR UAT host ({@code baseUrl}) with the ERP's login, the redeem code its test terminal
   * shows, that terminal's TID, and the person at it.
   */
  public static CertificationTarget uat(
      String baseUrl,
      String username,
      String password,
      String redeemCode,
      String tid,
      Person person) {
    PosProvider mellon =
        MellonProvider.create(
            MellonConfig.builder()
                .baseUrl(Objects.requireNonNull(baseUrl, "baseUrl == null"))
                .username(username)
                .password(password)
                .build());
    return new CertificationTarget(
        Clock.systemUTC(),
        null,
        null,
        mellon,
        Objects.requireNonNull(redeemCode, "redeemCode == null"),
        Objects.requireNonNull(tid, "tid == null"),
        Objects.requireNonNull(person, "person == null"));
  }

  /**
   * The UAT host when {@code webecr.certification.url} is set (system property), with {@code
   * WEBECR_USERNAME}, {@code WEBECR_PASSWORD}, {@code webecr.certification.redeemCode} and {@code
   * webecr.certification.tid}, the person at the console; else the fake.
   */
  public static CertificationTarget fromEnvironment() {
    String url = System.getProperty("webecr.certification.url");
    if (url == null || url.isBlank()) {
      return fake(Instant.parse("2026-11-26T07:00:00Z"));
    }
    return uat(
        url,
        System.getenv("WEBECR_USERNAME"),
        System.getenv("WEBECR_PASSWORD"),
        System.getProperty("webecr.certification.redeemCode"),
        System.getProperty("webecr.certification.tid"),
        Person.console(System.out));
  }

  /** True for the embedded fake. */
  public boolean isFake() {
    return fake != null;
  }

  /** The provider the kit's client pays through. */
  PosProvider provider() {
    return provider;
  }

  String redeemCode() {
    return redeemCode;
  }

  /** The till the scenarios pay on. */
  String tid() {
    return tid;
  }

  /** The till whose operator presses the red key (the fake's cancelling terminal). */
  String cancellingTid() {
    return isFake() ? FakeTerminals.tidOf(TerminalProfile.CANCEL) : tid;
  }

  /** The till whose batch fills (the fake's terminal with a batch of 3). */
  String batchTid() {
    return isFake() ? "10000006" : tid;
  }

  /** What a person does at the terminal: the fake does it through {@code onFake}. */
  void person(String action, Runnable onFake) {
    if (isFake()) {
      onFake.run();
    } else {
      person.please(action);
    }
  }

  /** The client's scheduler on virtual time; empty on UAT (the client's own threads). */
  java.util.Optional<java.util.concurrent.ScheduledExecutorService> scheduler() {
    return virtual == null ? Optional.empty() : Optional.of(new VirtualTimeScheduler(virtual));
  }

  /** Lets the provider's listing catch up: a minute (virtual on the fake, real on UAT). */
  void letTheListingCatchUp() {
    if (virtual != null) {
      virtual.advance(Duration.ofMinutes(1));
    } else {
      try {
        Thread.sleep(Duration.ofMinutes(1).toMillis()); // real time: a real host's listing
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** What the fake received last under {@code reference}; empty on UAT. */
  Optional<FakeIntent> sent(String reference) {
    if (!isFake()) {
      return Optional.empty();
    }
    return fake.fake().intents().stream()
        .filter(i -> reference.equals(i.reference))
        .reduce((a, b) -> b);
  }

  @Override
  public void close() {
    provider.close();
    if (fake != null) {
      fake.close();
    }
  }
}
