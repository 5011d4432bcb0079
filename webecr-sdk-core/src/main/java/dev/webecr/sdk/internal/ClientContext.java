package dev.webecr.sdk.internal;

import dev.webecr.sdk.PollSchedule;
import dev.webecr.sdk.TerminalDirectory;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.PaymentSigner;
import dev.webecr.sdk.spi.PosProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/** Everything a payment run needs from its client; immutable once built. */
public final class ClientContext {
  final PosProvider provider;
  final IntentJournal journal;
  final PaymentSigner signer;
  final TerminalDirectory directory;
  final Clock clock;
  final ScheduledExecutorService scheduler;
  final Executor executor;
  final Duration paymentDeadline;
  final PollSchedule pollSchedule;
  final Duration serverWait;

  /** Bundles the client's collaborators; {@code signer} may be null. */
  public ClientContext(PosProvider provider, IntentJournal journal, PaymentSigner signer,
      TerminalDirectory directory, Clock clock, ScheduledExecutorService scheduler,
      Executor executor, Duration paymentDeadline, PollSchedule pollSchedule,
      Duration serverWait) {
    this.provider = provider;
    this.journal = journal;
    this.signer = signer;
    this.directory = directory;
    this.clock = clock;
    this.scheduler = scheduler;
    this.executor = executor;
    this.paymentDeadline = paymentDeadline;
    this.pollSchedule = pollSchedule;
    this.serverWait = serverWait;
  }
}
