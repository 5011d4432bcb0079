package dev.webecr.sdk.internal;

import dev.webecr.sdk.Discrepancy;
import dev.webecr.sdk.DuplicatePolicy;
import dev.webecr.sdk.PollSchedule;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.TerminalDirectory;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.PaymentObserver;
import dev.webecr.sdk.spi.PaymentSigner;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.spi.TerminalLease;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.immutables.value.Value;
import org.slf4j.LoggerFactory;

/**
 * What a {@link PaymentEngine} is built from: the collaborators and settings {@code
 * PosClientBuilder} checked, and the defaults of those the ERP did not set (the builder's Javadoc
 * names them).
 */
@Value.Immutable
public abstract class EngineConfig {
  EngineConfig() {}

  abstract PosProvider provider();

  abstract IntentJournal journal();

  abstract Optional<PaymentSigner> signer();

  @Value.Default
  TerminalDirectory terminalDirectory() {
    return (providerId, callId) -> Optional.empty();
  }

  @Value.Default
  TerminalLease terminalLease() {
    return TerminalLease.none();
  }

  @Value.Default
  Clock clock() {
    return Clock.systemUTC();
  }

  abstract ScheduledExecutorService scheduler();

  abstract Executor executor();

  @Value.Default
  Duration paymentDeadline() {
    return Duration.ofSeconds(300);
  }

  @Value.Default
  PollSchedule pollSchedule() {
    return PollSchedule.defaults();
  }

  @Value.Default
  Duration terminalWait() {
    return Duration.ZERO;
  }

  @Value.Default
  Duration serverWait() {
    return Duration.ofSeconds(60);
  }

  abstract int serverWaitSlots();

  @Value.Default
  int redeemCodeLength() {
    return 8;
  }

  abstract DuplicatePolicy duplicates();

  @Value.Default
  Duration duplicateWatch() {
    return Duration.ofHours(24);
  }

  @Value.Default
  Consumer<Discrepancy> discrepancyListener() {
    return d -> LoggerFactory.getLogger(PosClient.class).warn("the duplicate watch found {}", d);
  }

  @Value.Default
  boolean lookupBeforeFirstAttempt() {
    return true;
  }

  @Value.Default
  PaymentObserver observer() {
    return PaymentObserver.NONE;
  }

  /** What the engine closes when it closes: what the builder created (provider, journal, pools). */
  abstract List<AutoCloseable> owned();

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link EngineConfig}. */
  public static final class Builder extends ImmutableEngineConfig.Builder {}
}
