package dev.webecr.sdk.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.Journals;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.OutcomeUnknownException;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.mellon.MellonProvider;
import dev.webecr.sdk.micrometer.WebEcrMeters;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.testkit.InjectedFault;
import dev.webecr.sdk.testkit.TestClock;
import dev.webecr.sdk.testkit.TestSigner;
import dev.webecr.sdk.testkit.VirtualTimeScheduler;
import dev.webecr.sdk.testkit.webecr.Endpoint;
import dev.webecr.sdk.testkit.webecr.FakeTerminals;
import dev.webecr.sdk.testkit.webecr.FakeWebEcrServer;
import dev.webecr.sdk.testkit.webecr.TerminalAction;
import dev.webecr.sdk.testkit.webecr.TerminalProfile;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A scripted day at the till, with the meters and the traces attached: approve, decline, BUSY, an
 * answer lost and found by lookup, one in doubt at the deadline settled by recovery, one resolved
 * by a person. The provider's work runs on the client's own threads, never the test's.
 */
class ObservedDayTest {
  private final TestClock clock = new TestClock(Instant.parse("2026-12-07T08:00:00Z"));
  private final FakeWebEcrServer server = FakeWebEcrServer.builder().clock(clock).build().start();
  private final PosProvider mellon =
      MellonProvider.create(
          server.mellonConfig().retryScheduler(new VirtualTimeScheduler(clock)).build(), clock);
  private final ExecutorService steps =
      Executors.newCachedThreadPool(r -> new Thread(r, "sdk-step"));
  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final OpenTelemetrySdk otel =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(spans))
                  .build())
          .build();
  private final PosClient client =
      PosClient.builder()
          .provider(mellon)
          .journal(Journals.inMemory())
          .signer(new TestSigner(clock))
          .clock(clock)
          .scheduler(new VirtualTimeScheduler(clock))
          .executor(steps)
          .paymentDeadline(Duration.ofSeconds(60))
          .serverWait(Duration.ZERO) // polled: each read a scheduled task of its own
          .observer(new WebEcrMeters(registry), new WebEcrTracing(otel))
          .build();

  @AfterEach
  void close() {
    client.close();
    mellon.close();
    server.close();
    steps.shutdownNow();
    otel.close();
  }

  @Test
  void theMetersAndSpansOfADayTellWhatHappened() {
    Terminal approving = terminal(TerminalProfile.APPROVE);
    spans.reset(); // pairing's requests are not a payment's

    Span erp = otel.getTracer("erp").spanBuilder("erp checkout").startSpan();
    PaymentIntent approved;
    try (Scope inErp = erp.makeCurrent()) {
      approved = pay(approving, "D-1");
    } finally {
      erp.end();
    }
    PaymentIntent declined = pay(terminal(TerminalProfile.DECLINE), "D-2");
    PaymentIntent busy = pay(terminal(TerminalProfile.BUSY), "D-3");
    server.inject(Endpoint.TXNINIT, InjectedFault.resetAfterProcessing());
    PaymentIntent foundAfterLoss = pay(approving, "D-4");
    Terminal person = terminal(TerminalProfile.NO_ANSWER);
    OutcomeUnknownException first = inDoubt(person, "D-5");
    server.control().press(person.tid(), TerminalAction.APPROVE);
    double inDoubtBefore = gauge(WebEcrMeters.IN_DOUBT);
    client.recover();
    OutcomeUnknownException second = inDoubt(person, "D-6");
    double inDoubtAfterSecond = gauge(WebEcrMeters.IN_DOUBT);
    client.resolveManually(second.providerReference(), IntentResult.DECLINED, "QA", "seen");

    assertThat(approved.isApproved()).isTrue();
    assertThat(declined.result()).contains(IntentResult.DECLINED);
    assertThat(busy.result()).contains(IntentResult.BUSY);
    assertThat(foundAfterLoss.isApproved()).isTrue();
    assertThat(first.providerReference()).isEqualTo("D-5-A1");

    // meters
    assertThat(count(WebEcrMeters.PAYMENT_DURATION, "outcome", "approved")).isEqualTo(2);
    assertThat(count(WebEcrMeters.PAYMENT_DURATION, "outcome", "declined")).isEqualTo(1);
    assertThat(count(WebEcrMeters.PAYMENT_DURATION, "outcome", "busy")).isEqualTo(1);
    assertThat(count(WebEcrMeters.PAYMENT_DURATION, "outcome", "in_doubt")).isEqualTo(2);
    assertThat(counter(WebEcrMeters.TERMINAL_BUSY, "cause", "terminal")).isEqualTo(1);
    assertThat(counter(WebEcrMeters.RECOVERED, "resolution", "approved")).isEqualTo(1);
    assertThat(inDoubtBefore).isEqualTo(1);
    assertThat(inDoubtAfterSecond).isEqualTo(1); // D-5 recovered, D-6 in doubt
    assertThat(gauge(WebEcrMeters.IN_DOUBT)).isZero(); // D-6 resolved by a person
    assertThat(gauge(WebEcrMeters.NEEDS_ATTENTION)).isZero();
    assertThat(registry.find(WebEcrMeters.PAYMENT_ACTIVE).longTaskTimer().activeTasks()).isZero();
    assertThat(
            registry
                .find(WebEcrMeters.PROVIDER_REQUESTS)
                .tag("endpoint", "terminal/{id}/txninit/")
                .tag("status", "none")
                .timers())
        .as("the create whose answer was lost, with its error type")
        .singleElement()
        .satisfies(t -> assertThat(t.getId().getTag("error.type")).isNotEqualTo("none"));
    assertThat(count(WebEcrMeters.PROVIDER_REQUESTS, "endpoint", "transactionintent/{id}/"))
        .isPositive();
    assertThat(registry.find(WebEcrMeters.POLL_ATTEMPTS).summary().count()).isEqualTo(6);
    assertThat(count(WebEcrMeters.JOURNAL_WRITE, "forced", "true"))
        .as("six attempts prepared, one resolution")
        .isEqualTo(7);
    assertThat(tags().stream().map(Tag::getKey).collect(Collectors.toSet()))
        .as("only the bounded tags (le: Micrometer's own, a duration bucket)")
        .isSubsetOf(
            "provider",
            "operation",
            "outcome",
            "endpoint",
            "status",
            "error.type",
            "resend",
            "resolution",
            "result",
            "cause",
            "backend",
            "forced",
            "le");
    assertThat(tags())
        .extracting(Tag::getValue)
        .as("no terminal, reference or amount in a tag")
        .noneMatch(v -> v.contains("D-") || v.contains(approving.tid()) || v.contains("1500"));

    // spans
    List<SpanData> all = spans.getFinishedSpanItems();
    SpanData checkout = one(all, "erp checkout");
    SpanData sale = payment(all, "D-1");
    assertThat(sale.getName()).isEqualTo("webecr sale");
    assertThat(sale.getParentSpanId()).isEqualTo(checkout.getSpanId());
    assertThat(sale.getAttributes().get(AttributeKey.stringKey("webecr.attempt")))
        .isEqualTo("D-1-A1");
    assertThat(sale.getAttributes().get(AttributeKey.stringKey("webecr.outcome")))
        .isEqualTo("approved");
    List<SpanData> saleRequests = children(all, sale);
    assertThat(saleRequests)
        .as("its create, made on the client's thread, is its child")
        .extracting(SpanData::getName)
        .contains("POST terminal/{id}/txninit/");
    SpanData create = one(saleRequests, "POST terminal/{id}/txninit/");
    assertThat(create.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(create.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
        .isEqualTo(200);
    assertThat(create.getAttributes().get(AttributeKey.stringKey("server.address")))
        .isEqualTo(java.net.URI.create(server.baseUrl()).getHost());
    assertThat(create.getAttributes().get(AttributeKey.longKey("server.port")))
        .isEqualTo(server.port());

    SpanData lost = payment(all, "D-4");
    List<SpanData> lostRequests = children(all, lost);
    assertThat(lostRequests)
        .filteredOn(s -> s.getName().equals("POST terminal/{id}/txninit/"))
        .singleElement()
        .satisfies(
            s ->
                assertThat(s.getAttributes().get(AttributeKey.stringKey("error.type")))
                    .isNotNull());
    assertThat(lostRequests.size())
        .as("the lookup that found it, under the same payment")
        .isGreaterThan(1);

    SpanData inDoubt = payment(all, "D-5");
    assertThat(children(all, inDoubt).stream().filter(s -> s.getName().startsWith("GET")).count())
        .as("the polls, scheduled on virtual time and run on other threads, are its children")
        .isGreaterThan(3);
    SpanData recovery =
        all.stream()
            .filter(s -> s.getName().equals("webecr recover sale"))
            .filter(s -> "D-5".equals(reference(s)))
            .findFirst()
            .orElseThrow();
    assertThat(recovery.getAttributes().get(AttributeKey.stringKey("webecr.outcome")))
        .isEqualTo("approved");
    assertThat(children(all, recovery)).isNotEmpty();
    assertThat(all)
        .as("every provider request but pairing's belongs to a payment")
        .filteredOn(s -> s.getKind() == SpanKind.CLIENT)
        .filteredOn(s -> !s.getName().endsWith(" authorization/redeem/"))
        .filteredOn(s -> !s.getName().equals("GET terminal/"))
        .allSatisfy(s -> assertThat(s.getParentSpanContext().isValid()).isTrue());
  }

  private Terminal terminal(TerminalProfile profile) {
    String tid = FakeTerminals.tidOf(profile);
    return client.terminals(client.pair(FakeTerminals.REDEEM_CODE)).stream()
        .filter(t -> t.tid().equals(tid))
        .findFirst()
        .orElseThrow();
  }

  private PaymentIntent pay(Terminal t, String reference) {
    return client.pay(
        PaymentRequest.builder()
            .terminal(t)
            .amount(Money.euroCents(1500))
            .reference(reference)
            .build());
  }

  private OutcomeUnknownException inDoubt(Terminal t, String reference) {
    Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> pay(t, reference));
    assertThat(e).isInstanceOf(OutcomeUnknownException.class);
    return (OutcomeUnknownException) e;
  }

  private double gauge(String name) {
    return registry.find(name).gauge().value();
  }

  private long count(String name, String tag, String value) {
    return registry.find(name).tag(tag, value).timers().stream().mapToLong(t -> t.count()).sum();
  }

  private double counter(String name, String tag, String value) {
    return registry.find(name).tag(tag, value).counter().count();
  }

  private List<Tag> tags() {
    return registry.getMeters().stream()
        .map(Meter::getId)
        .flatMap(id -> id.getTags().stream())
        .collect(Collectors.toList());
  }

  private static String reference(SpanData s) {
    return s.getAttributes().get(AttributeKey.stringKey("webecr.reference"));
  }

  private static SpanData one(List<SpanData> all, String name) {
    return all.stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
  }

  private static SpanData payment(List<SpanData> all, String reference) {
    return all.stream()
        .filter(s -> s.getName().startsWith("webecr ") && !s.getName().contains("recover"))
        .filter(s -> reference.equals(reference(s)))
        .findFirst()
        .orElseThrow();
  }

  private static List<SpanData> children(List<SpanData> all, SpanData parent) {
    return all.stream()
        .filter(s -> s.getParentSpanId().equals(parent.getSpanId()))
        .collect(Collectors.toList());
  }
}
