package dev.webecr.sdk.testkit.viva;

import dev.webecr.sdk.Journals;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.PosClientBuilder;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.AttemptReference;
import dev.webecr.sdk.spi.CreateIntentCommand;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.spi.SigningRequest;
import dev.webecr.sdk.testkit.TestClock;
import dev.webecr.sdk.testkit.TestSigner;
import dev.webecr.sdk.testkit.VirtualTimeScheduler;
import dev.webecr.sdk.viva.VivaConfig;
import dev.webecr.sdk.viva.VivaProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;

/** One till paying through the Viva provider against the fake, on virtual time. */
final class VivaTill implements AutoCloseable {
  final TestClock clock = new TestClock(Instant.parse("2026-11-22T08:00:00Z"));
  final TestSigner signer = new TestSigner(clock);

  /** Where the fake times its webhooks: run by a test that enables them and pays async. */
  final VirtualTimeScheduler steps = VirtualTimeScheduler.stepped(clock);

  final FakeVivaServer fake;
  final PosProvider provider;
  final PosClient client;

  VivaTill(
      UnaryOperator<FakeVivaBuilder> fakeSetup,
      UnaryOperator<VivaConfig.Builder> configSetup,
      UnaryOperator<PosClientBuilder> clientSetup) {
    this.fake =
        fakeSetup.apply(FakeVivaServer.builder().clock(clock).scheduler(steps)).build().start();
    this.provider =
        VivaProvider.create(
            configSetup
                .apply(fake.vivaConfig().retryScheduler(new VirtualTimeScheduler(clock)))
                .build(),
            clock);
    this.client =
        clientSetup
            .apply(clientBuilder(Journals.inMemory(), new VirtualTimeScheduler(clock)))
            .build();
  }

  /** A client of this till's provider and signer (deadline 120 s, as for Viva). */
  PosClientBuilder clientBuilder(IntentJournal journal, ScheduledExecutorService scheduler) {
    return PosClient.builder()
        .provider(provider)
        .journal(journal)
        .signer(signer)
        .clock(clock)
        .scheduler(scheduler)
        .executor(Runnable::run)
        .paymentDeadline(Duration.ofSeconds(120));
  }

  VivaTill() {
    this(b -> b, b -> b, b -> b);
  }

  Terminal terminal(FakeVivaTerminal which) {
    return client.directTerminals().stream()
        .filter(t -> t.tid().equals(which.terminalId()))
        .findFirst()
        .orElseThrow();
  }

  PaymentIntent pay(FakeVivaTerminal which, long cents, String reference) {
    return client.pay(sale(terminal(which), cents, reference));
  }

  static PaymentRequest sale(Terminal t, long cents, String reference) {
    return PaymentRequest.builder()
        .terminal(t)
        .amount(Money.euroCents(cents))
        .reference(reference)
        .build();
  }

  /** A signed sale's create, sent to the provider straight (as another installation would). */
  CreateIntentCommand signedCreate(Terminal t, long cents, String providerReference) {
    AttemptReference ref = AttemptReference.parse(providerReference);
    return CreateIntentCommand.builder()
        .terminal(t)
        .kind(TransactionType.SALE)
        .amount(Money.euroCents(cents))
        .providerReference(providerReference)
        .signature(
            signer.sign(
                SigningRequest.builder()
                    .reference(ref.reference())
                    .providerReference(providerReference)
                    .attempt(ref.attempt())
                    .kind(TransactionType.SALE)
                    .amount(Money.euroCents(cents))
                    .terminalTid(t.tid())
                    .build()))
        .build();
  }

  @Override
  public void close() {
    client.close();
    provider.close();
    fake.close();
  }
}
