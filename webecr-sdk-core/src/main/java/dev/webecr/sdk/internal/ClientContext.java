package dev.webecr.sdk.internal;

import dev.webecr.sdk.PollSchedule;
import dev.webecr.sdk.TerminalDirectory;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.Capability;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.PaymentObservation;
import dev.webecr.sdk.spi.PaymentObserver;
import dev.webecr.sdk.spi.PaymentSigner;
import dev.webecr.sdk.spi.PosProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;

/** Everything a payment run needs from its client; immutable once built. */
final class ClientContext {
  final PosProvider provider;

  /** The same provider, as seen for health: when it last answered and last failed. */
  final ObservedProvider observed;

  final IntentJournal journal;

  /** Who watches the payments (meters, traces); {@link PaymentObserver#NONE} by default. */
  final PaymentObserver observer;

  final PaymentSigner signer;
  final TerminalDirectory directory;
  final Clock clock;
  final ScheduledExecutorService scheduler;
  final Executor executor;
  final Duration paymentDeadline;
  final PollSchedule pollSchedule;

  /** The server-side wait creates ask for: zero where the provider cannot wait. */
  final Duration serverWait;

  /** How many creates may wait server-side at once. */
  final Semaphore waitSlots;

  /** Whether the provider is asked before the first attempt of an unknown reference. */
  final boolean lookupFirst;

  /** The attempts being watched now, by provider reference (for hints that ask for a read). */
  final ConcurrentMap<String, AttemptWatch> watching = new ConcurrentHashMap<>();

  /** Arms the client's duplicate watch: an attempt was just called not found. */
  volatile Runnable watchWake = () -> {};

  /**
   * A payment as the observers follow it; nothing made and nothing named when there are none (no
   * cost unobserved).
   */
  PaymentObservation observe(TransactionType kind, String reference, boolean resumed) {
    return observer == PaymentObserver.NONE
        ? PaymentObservation.NONE
        : observer.payment(provider.id(), Outcomes.operation(kind), reference, resumed);
  }

  /** Sets what {@link #watchWake} runs (the client's duplicate watch, once built). */
  void onNotFound(Runnable wake) {
    this.watchWake = Objects.requireNonNull(wake, "wake == null");
  }

  /** The context of {@code config}'s payments; terminals are found in {@code directory}. */
  ClientContext(EngineConfig config, TerminalDirectory directory) {
    this.observed = new ObservedProvider(config.provider(), config.clock());
    this.provider = observed;
    this.observer = config.observer();
    this.journal = ObservedJournal.of(config.journal(), observer);
    this.signer = config.signer().orElse(null);
    this.directory = directory;
    this.clock = config.clock();
    this.scheduler = config.scheduler();
    this.executor = config.executor();
    this.paymentDeadline = config.paymentDeadline();
    this.pollSchedule = config.pollSchedule();
    this.serverWait =
        provider.capabilities().contains(Capability.SERVER_SIDE_WAIT)
            ? config.serverWait()
            : Duration.ZERO;
    this.waitSlots = new Semaphore(config.serverWaitSlots());
    this.lookupFirst = config.lookupBeforeFirstAttempt();
  }
}
