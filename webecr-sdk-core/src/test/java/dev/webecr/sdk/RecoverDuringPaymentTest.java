package dev.webecr.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.webecr.sdk.ScriptedProvider.Script;
import dev.webecr.sdk.spi.Capability;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.PaymentSigner;
import dev.webecr.sdk.spi.SignatureOutcome;
import dev.webecr.sdk.spi.SigningRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * recover() while a payment of the same client is running: it waits for the terminal, then finds
 * the attempt already settled and neither polls it again nor tells the signer twice. Real threads
 * (the point is the overlap), latches instead of sleeps.
 */
class RecoverDuringPaymentTest {
  private final ScriptedProvider provider =
      new ScriptedProvider(java.time.Clock.systemUTC(), Capability.SIGNATURE_REQUIRED);
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<String> told = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
    executor.shutdownNow();
  }

  @Test
  void recoverWaitsForTheRunningPaymentAndDoesNotTellTheSignerTwice() throws Exception {
    Terminal t = ScriptedProvider.terminal("12345678");
    CountDownLatch created = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    provider.script(
        "12345678",
        new Script()
            .with(
                s ->
                    s.onCreate =
                        () -> {
                          created.countDown();
                          Latches.await(release);
                        }));
    PaymentSigner signer =
        new PaymentSigner() {
          @Override
          public ProviderSignature sign(SigningRequest r) {
            return ProviderSignature.of(
                Signatures.input(r.amount().minorUnits(), r.terminalTid()), "sig", "8");
          }

          @Override
          public void onOutcome(SigningRequest r, SignatureOutcome outcome) {
            told.add(r.providerReference() + "=" + outcome);
          }
        };
    CountDownLatch snapshotTaken = new CountDownLatch(1);
    IntentJournal memory = Journals.inMemory();
    IntentJournal journal =
        new IntentJournal() {
          @Override
          public List<JournalEntry> inFlight() {
            List<JournalEntry> snapshot = memory.inFlight();
            snapshotTaken.countDown(); // recover() has chosen what to resume
            return snapshot;
          }

          @Override
          public void record(JournalEntry entry) {
            memory.record(entry);
          }

          @Override
          public Optional<JournalEntry> latest(String providerReference) {
            return memory.latest(providerReference);
          }

          @Override
          public List<JournalEntry> attempts(String reference) {
            return memory.attempts(reference);
          }

          @Override
          public List<JournalEntry> all() {
            return memory.all();
          }
        };
    PosClient client =
        PosClient.builder()
            .provider(provider)
            .journal(journal)
            .signer(signer)
            .scheduler(scheduler)
            .executor(executor)
            .pollSchedule(PollSchedule.of(Duration.ofMillis(1), 1.0, Duration.ofMillis(1)))
            .build();

    CompletableFuture<PaymentIntent> paying = client.payAsync(ClientFixture.sale(t, "INV-R", 100));
    assertThat(created.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<RecoveryReport> recovering =
        CompletableFuture.supplyAsync(client::recover, executor);
    assertThat(snapshotTaken.await(10, TimeUnit.SECONDS)).isTrue();
    release.countDown();

    assertThat(paying.get(10, TimeUnit.SECONDS).isApproved()).isTrue();
    RecoveryReport report = recovering.get(10, TimeUnit.SECONDS);
    assertThat(report.settled())
        .singleElement()
        .satisfies(i -> assertThat(i.isApproved()).isTrue());
    assertThat(told).containsExactly("INV-R-A1=USED");
    assertThat(provider.creates()).isEqualTo(1);
  }
}
