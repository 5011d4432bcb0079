package dev.webecr.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.webecr.sdk.ScriptedProvider.Fault;
import dev.webecr.sdk.ScriptedProvider.Script;
import dev.webecr.sdk.ScriptedProvider.SimulatedCrash;
import dev.webecr.sdk.spi.JournalPhase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process dies mid-payment; a new one on the same journal file ends with exactly one charge. */
class CrashRecoveryTest extends ClientFixture {
  @TempDir Path dir;

  /** A client as an ERP builds it: its stored terminals serve as the directory of keys. */
  private PosClient clientOnFile() {
    journal = Journals.file(dir.resolve("webecr.journal"));
    return clientBuilder()
        .terminalDirectory((providerId, callId) -> java.util.Optional.of(terminal))
        .build();
  }

  private PosClient clientOnFileWithoutDirectory() {
    journal = Journals.file(dir.resolve("webecr.journal"));
    return client();
  }

  @Test
  void crashBetweenJournalWriteAndSendEndsWithOneChargeAfterRecover() {
    provider.script("11111111", new Script().with(s -> s.fault = Fault.CRASH_BEFORE_SEND));
    PosClient dying = clientOnFile();
    assertThatThrownBy(() -> dying.pay(sale("INV-1", 700))).isInstanceOf(SimulatedCrash.class);
    journal.close();

    PosClient restarted = clientOnFile();
    assertThat(journal.latest("INV-1-A1").get().phase()).isEqualTo(JournalPhase.PREPARED);
    RecoveryReport report = restarted.recover();

    assertThat(report.notSent()).containsExactly("INV-1-A1");
    assertThat(provider.creates()).isZero();
    PaymentIntent paid = restarted.pay(sale("INV-1", 700));
    assertThat(paid.isApproved()).isTrue();
    assertThat(paid.providerReference()).isEqualTo("INV-1-A2");
    assertThat(provider.creates()).isEqualTo(1);
    assertThat(restarted.pay(sale("INV-1", 700)).id()).isEqualTo(paid.id());
    assertThat(provider.creates()).isEqualTo(1);
  }

  @Test
  void aRecoveryThatCouldNotTakeTheLeaseAskedNothingAndDoesNotBackOff() {
    provider.script("11111111", new Script().with(s -> s.fault = Fault.CRASH_AFTER_SEND));
    PosClient dying = clientOnFile();
    assertThatThrownBy(() -> dying.pay(sale("INV-9", 700))).isInstanceOf(SimulatedCrash.class);
    journal.close();
    journal = Journals.file(dir.resolve("webecr.journal"));
    PosClient leaseStoreDown =
        clientBuilder()
            .terminalDirectory((providerId, callId) -> java.util.Optional.of(terminal))
            .terminalLease(
                (t, wait) ->
                    java.util.concurrent.CompletableFuture.failedFuture(
                        new JournalException("the lease store cannot be reached", null)))
            .build();

    RecoveryReport report = leaseStoreDown.recover();

    assertThat(report.inDoubt()).containsExactly("INV-9-A1");
    assertThat(journal.latest("INV-9-A1").get().recoveryRuns()).isZero();
    assertThat(journal.latest("INV-9-A1").get().nextRecoveryAt()).isEmpty();
    PosClient restarted =
        clientBuilder()
            .terminalDirectory((providerId, callId) -> java.util.Optional.of(terminal))
            .build();
    assertThat(restarted.recover().settled()).hasSize(1);
  }

  @Test
  void crashBetweenSendAndAnswerEndsWithOneChargeAfterRecover() {
    provider.script("11111111", new Script().with(s -> s.fault = Fault.CRASH_AFTER_SEND));
    PosClient dying = clientOnFile();
    assertThatThrownBy(() -> dying.pay(sale("INV-2", 700))).isInstanceOf(SimulatedCrash.class);
    journal.close();

    PosClient restarted = clientOnFile();
    RecoveryReport report = restarted.recover();

    assertThat(report.settled())
        .singleElement()
        .satisfies(i -> assertThat(i.isApproved()).isTrue());
    assertThat(journal.latest("INV-2-A1").get().phase()).isEqualTo(JournalPhase.SETTLED);
    PaymentIntent again = restarted.pay(sale("INV-2", 700));
    assertThat(again.isApproved()).isTrue();
    assertThat(provider.creates()).isEqualTo(1);
  }

  @Test
  void payingAgainAfterACrashResumesTheAttemptInsteadOfCharging() {
    provider.script("11111111", new Script().with(s -> s.fault = Fault.CRASH_AFTER_SEND));
    PosClient dying = clientOnFile();
    assertThatThrownBy(() -> dying.pay(sale("INV-3", 700))).isInstanceOf(SimulatedCrash.class);
    journal.close();

    PaymentIntent paid = clientOnFile().pay(sale("INV-3", 700));

    assertThat(paid.providerReference()).isEqualTo("INV-3-A1");
    assertThat(paid.isApproved()).isTrue();
    assertThat(provider.creates()).isEqualTo(1);
  }

  @Test
  void recoverFindsTheTerminalKeyInTheErpDirectory() {
    provider.script("11111111", new Script().with(s -> s.fault = Fault.CRASH_AFTER_SEND));
    PosClient dying = clientOnFile();
    assertThatThrownBy(() -> dying.pay(sale("INV-4", 700))).isInstanceOf(SimulatedCrash.class);
    journal.close();

    PosClient restarted = clientOnFile();

    assertThat(restarted.recover().settled()).hasSize(1);
  }

  @Test
  void withoutTheTerminalKeyRecoveryLeavesTheAttemptInDoubt() {
    provider.script("11111111", new Script().with(s -> s.fault = Fault.CRASH_AFTER_SEND));
    PosClient dying = clientOnFileWithoutDirectory();
    assertThatThrownBy(() -> dying.pay(sale("INV-5", 700))).isInstanceOf(SimulatedCrash.class);
    journal.close();

    RecoveryReport report = clientOnFileWithoutDirectory().recover();

    assertThat(report.inDoubt()).containsExactly("INV-5-A1");
    assertThat(journal.latest("INV-5-A1").get().phase().isInFlight()).isTrue();
  }
}
