package dev.webecr.sdk.testkit.webecr;

import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.Period;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The machinery under {@link MellonCertificationKit}'s scenarios: its target, client and report,
 * the payments each step made (for the report), and the step itself, which records pass or fail and
 * lets a failure through to JUnit.
 */
public abstract class CertificationSteps {
  static final ZoneId ATHENS = ZoneId.of("Europe/Athens");

  CertificationTarget target;
  CertificationReport report;
  PosClient client;
  List<Terminal> terminals = List.of();
  Terminal till;
  private String prefix;
  private final List<PaymentIntent> paid = new ArrayList<>();

  CertificationSteps() {}

  void open(CertificationTarget target, String prefix, CertificationReport report) {
    this.target = target;
    this.prefix = prefix;
    this.report = report;
  }

  /** The report of this run so far. */
  protected final CertificationReport report() {
    return report;
  }

  /** The clock of the run: virtual on the fake, the system's on UAT. */
  protected final java.time.Clock clock() {
    return target.clock;
  }

  /** The ERP reference of scenario part {@code suffix} in this run. */
  String ref(String suffix) {
    return prefix + "-" + suffix;
  }

  PaymentRequest.Builder payment(Terminal t, String euros, String suffix) {
    return PaymentRequest.builder()
        .terminal(t)
        .amount(Money.parse(euros, Money.EUR))
        .reference(ref(suffix));
  }

  PaymentIntent pay(PaymentRequest.Builder request) {
    return record(client.pay(request.build()));
  }

  PaymentIntent record(PaymentIntent intent) {
    paid.add(intent);
    return intent;
  }

  /** The day of the run, in Athens. */
  Period today() {
    return Period.day(LocalDate.ofInstant(target.clock.instant(), ATHENS), ATHENS);
  }

  Terminal terminal(String tid) {
    return terminals.stream()
        .filter(t -> t.tid().equals(tid))
        .findFirst()
        .orElseThrow(() -> new AssertionError("the pairing reaches no terminal " + tid));
  }

  /** Fails the step unless {@code ok}; JUnit's own AssertionError: the ERP needs no AssertJ. */
  static void expect(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError(what);
    }
  }

  static void expectEqual(Object expected, Object actual, String what) {
    if (!java.util.Objects.equals(expected, actual)) {
      throw new AssertionError(what + ": expected " + expected + ", was " + actual);
    }
  }

  static void expectResult(PaymentIntent p, dev.webecr.sdk.IntentResult result) {
    expectEqual(
        java.util.Optional.of(result), p.result(), "the result of " + p.providerReference());
  }

  /** Runs scenario {@code number} and records it, passed or failed, with what it paid. */
  void step(int number, String title, String person, Runnable body) {
    paid.clear();
    try {
      body.run();
      report.add(number, title, person, paid, null);
    } catch (RuntimeException | AssertionError e) {
      report.add(number, title, person, paid, e);
      throw e;
    }
  }
}
