package dev.webecr.sdk;

import dev.webecr.sdk.internal.ClientThreads;
import dev.webecr.sdk.internal.EngineConfig;
import dev.webecr.sdk.internal.Observers;
import dev.webecr.sdk.internal.PaymentEngine;
import dev.webecr.sdk.internal.ProviderLoader;
import dev.webecr.sdk.spi.Capability;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.PaymentObserver;
import dev.webecr.sdk.spi.PaymentSigner;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.spi.TerminalLease;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Consumer;

/**
 * Configures a {@link PosClient}. Required: a provider and a journal; a signer where the provider
 * requires signatures. {@code build()} names what is missing.
 */
public final class PosClientBuilder {
  private PosProvider provider;
  private String providerId;
  private Map<String, String> providerProperties;
  private IntentJournal journal;
  private Path journalFile;
  private PaymentSigner signer;
  private ScheduledExecutorService scheduler;
  private Executor executor;
  private int serverWaitSlots = 24;

  // the settings passed on as they are; their defaults are EngineConfig's
  private final EngineConfig.Builder settings = EngineConfig.builder();

  private DuplicatePolicy duplicates;

  PosClientBuilder() {}

  /** The provider to use; wins over {@link #provider(String, Map)}. */
  public PosClientBuilder provider(PosProvider provider) {
    this.provider = Objects.requireNonNull(provider, "provider == null");
    return this;
  }

  /** A provider found with {@link java.util.ServiceLoader} by id, configured by properties. */
  public PosClientBuilder provider(String id, Map<String, String> properties) {
    this.providerId = Objects.requireNonNull(id, "id == null");
    this.providerProperties = Map.copyOf(Objects.requireNonNull(properties, "properties == null"));
    return this;
  }

  /** The journal to use; wins over {@link #journalFile(Path)}. */
  public PosClientBuilder journal(IntentJournal journal) {
    this.journal = Objects.requireNonNull(journal, "journal == null");
    return this;
  }

  /** Journals into a file (the embedded default journal), closed with the client. */
  public PosClientBuilder journalFile(Path file) {
    this.journalFile = Objects.requireNonNull(file, "file == null");
    return this;
  }

  /**
   * Takes each terminal's lease across processes before a dialogue (several application servers in
   * front of the same terminals): e.g. {@code JdbcStore.lease()} with its {@code journal()}.
   * Default: one process.
   */
  public PosClientBuilder terminalLease(TerminalLease lease) {
    settings.terminalLease(Objects.requireNonNull(lease, "lease == null"));
    return this;
  }

  /** Signs payments, for providers that require signatures (Mellon). */
  public PosClientBuilder signer(PaymentSigner signer) {
    this.signer = Objects.requireNonNull(signer, "signer == null");
    return this;
  }

  /** Finds API keys of terminals after a restart; default: none beyond those seen. */
  public PosClientBuilder terminalDirectory(TerminalDirectory directory) {
    settings.terminalDirectory(Objects.requireNonNull(directory, "directory == null"));
    return this;
  }

  /** The clock for deadlines and journal times; default: system UTC. */
  public PosClientBuilder clock(Clock clock) {
    settings.clock(Objects.requireNonNull(clock, "clock == null"));
    return this;
  }

  /** Runs the waits between polls; default: one daemon thread owned by the client. */
  public PosClientBuilder scheduler(ScheduledExecutorService scheduler) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler == null");
    return this;
  }

  /**
   * Runs the provider's blocking calls; default: daemon threads owned by the client. A pool of
   * known size lends at most half its threads to server-side waits: other tills' calls keep moving.
   */
  public PosClientBuilder executor(Executor executor) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
    return this;
  }

  /** How long a payment may take before it is declared in doubt; default 300 s. */
  public PosClientBuilder paymentDeadline(Duration deadline) {
    Objects.requireNonNull(deadline, "deadline == null");
    if (deadline.isNegative() || deadline.isZero()) {
      throw new InvalidRequestException("paymentDeadline", "must be positive");
    }
    settings.paymentDeadline(deadline);
    return this;
  }

  /** How often a running payment is polled; default {@link PollSchedule#defaults()}. */
  public PosClientBuilder pollSchedule(PollSchedule schedule) {
    settings.pollSchedule(Objects.requireNonNull(schedule, "schedule == null"));
    return this;
  }

  /**
   * Whether the provider is asked, before the first attempt of a reference this client's journal
   * does not know, for the attempts it already has of it (another till with a journal of its own, a
   * reinstall): default true, and what it finds is adopted instead of charging again. It costs one
   * read per new reference, and a provider that cannot be asked stops the payment with nothing
   * sent. {@code false} skips the read: two tills paying one reference then charge twice, found
   * only by {@link PosClient#reconcile}. Voids, and providers whose lookups are local (RRPay), are
   * never asked.
   */
  public PosClientBuilder lookupBeforeFirstAttempt(boolean lookup) {
    settings.lookupBeforeFirstAttempt(lookup);
    return this;
  }

  /**
   * What {@link PosClient#reconcile} and the duplicate watch do with a second approval under one
   * ERP reference: give it back ({@link DuplicatePolicy#AUTO_REVERSE}, the default) or only report
   * it ({@link DuplicatePolicy#REPORT_ONLY}, for an ERP whose people give money back themselves).
   * Where the provider prints fiscal receipts ({@link Capability#FISCAL_RECEIPTS}: RRPay) the
   * default is {@code REPORT_ONLY}: a receipt was printed, and a fiscal return is made only when
   * asked for here.
   */
  public PosClientBuilder duplicates(DuplicatePolicy policy) {
    this.duplicates = Objects.requireNonNull(policy, "policy == null");
    return this;
  }

  /**
   * How long an attempt called not sent after lookups (its answer lost, the provider empty when
   * asked) is looked for again, on a spaced schedule (10 minutes after its send, then doubling):
   * default 24 h. A late commit found is told to {@link #onDiscrepancy} and, when it charged a
   * reference twice, given back as {@link #duplicates} says. Zero: no watch (only {@link
   * PosClient#reconcile} finds late commits then).
   */
  public PosClientBuilder duplicateWatch(Duration horizon) {
    Objects.requireNonNull(horizon, "horizon == null");
    if (horizon.isNegative() || horizon.compareTo(Duration.ofDays(30)) > 0) {
      throw new InvalidRequestException("duplicateWatch", "must be 0 to 30 days");
    }
    settings.duplicateWatch(horizon);
    return this;
  }

  /**
   * Hears what the duplicate watch finds on its own schedule (a late approval of an attempt the ERP
   * was told was not sent, a duplicate approval with the outcome of giving it back); called on the
   * client's threads. Default: a warning in the log.
   */
  public PosClientBuilder onDiscrepancy(Consumer<Discrepancy> listener) {
    settings.discrepancyListener(Objects.requireNonNull(listener, "listener == null"));
    return this;
  }

  /**
   * How long a payment waits for its terminal while this client runs another payment on it; default
   * zero: fail at once with {@link TerminalInUseException}.
   */
  public PosClientBuilder terminalWait(Duration wait) {
    Objects.requireNonNull(wait, "wait == null");
    if (wait.isNegative()) {
      throw new InvalidRequestException("terminalWait", "must not be negative");
    }
    settings.terminalWait(wait);
    return this;
  }

  /**
   * How long the provider may hold a create's answer until the terminal finishes, where it can
   * (Mellon's {@code Timeout}, at most 180 s); default 60 s: the outcome arrives with the answer,
   * and polling only covers what is left. Zero: answer at once, then poll.
   */
  public PosClientBuilder serverWait(Duration wait) {
    Objects.requireNonNull(wait, "wait == null");
    if (wait.isNegative()) {
      throw new InvalidRequestException("serverWait", "must not be negative");
    }
    settings.serverWait(wait);
    return this;
  }

  /**
   * How many creates may wait server-side at once; default 24. Each waiting create holds one HTTP
   * connection and one thread for its wait; a create beyond the limit is sent without a wait and
   * polled, so thousands of concurrent payments stay within a few dozen threads.
   */
  public PosClientBuilder serverWaitSlots(int slots) {
    if (slots < 0 || slots > 1024) {
      throw new InvalidRequestException("serverWaitSlots", "must be 0 to 1024");
    }
    this.serverWaitSlots = slots;
    return this;
  }

  /**
   * Who watches the payments: meters ({@code webecr-sdk-micrometer}'s {@code WebEcrMeters}), traces
   * ({@code webecr-sdk-opentelemetry}'s {@code WebEcrTracing}), or your own; each told in turn, one
   * that throws is logged and ignored. Default: none, at no cost.
   */
  public PosClientBuilder observer(PaymentObserver... observers) {
    settings.observer(Observers.of(List.of(observers)));
    return this;
  }

  /** How many digits a redeem code has; default 8. */
  public PosClientBuilder redeemCodeLength(int digits) {
    if (digits < 4 || digits > 16) {
      throw new InvalidRequestException("redeemCodeLength", "must be 4 to 16");
    }
    settings.redeemCodeLength(digits);
    return this;
  }

  /** The client. */
  public PosClient build() {
    List<AutoCloseable> owned = new ArrayList<>();
    PosProvider p = provider;
    if (p == null && providerId != null) {
      p =
          ProviderLoader.load(
              providerId, providerProperties, Thread.currentThread().getContextClassLoader());
      owned.add(p);
    }
    if (p == null) {
      throw new InvalidRequestException("provider", "not set: call provider(...)");
    }
    if (signer == null && p.capabilities().contains(Capability.SIGNATURE_REQUIRED)) {
      throw new InvalidRequestException(
          "signer", "not set: provider '" + p.id() + "' requires a PaymentSigner");
    }
    IntentJournal j = journal;
    if (j == null && journalFile != null) {
      j = Journals.file(journalFile);
      owned.add(j);
    }
    if (j == null) {
      throw new InvalidRequestException(
          "journal", "not set: call journal(...) or journalFile(...)");
    }
    ScheduledExecutorService s = scheduler;
    if (s == null) {
      ScheduledThreadPoolExecutor pool = ClientThreads.scheduler();
      s = pool;
      owned.add(pool::shutdownNow);
    }
    Executor e = executor;
    if (e == null) {
      ThreadPoolExecutor pool = ClientThreads.executor(serverWaitSlots);
      e = pool;
      owned.add(pool::shutdownNow);
    }
    EngineConfig config =
        settings
            .provider(p)
            .journal(j)
            .signer(Optional.ofNullable(signer))
            .scheduler(s)
            .executor(e)
            .serverWaitSlots(
                executor == null
                    ? serverWaitSlots
                    : ClientThreads.waitSlotsFor(executor, serverWaitSlots))
            .duplicates(duplicates != null ? duplicates : DuplicatePolicy.defaultFor(p))
            .owned(owned)
            .build();
    return new PosClient(new PaymentEngine(config).start());
  }
}
