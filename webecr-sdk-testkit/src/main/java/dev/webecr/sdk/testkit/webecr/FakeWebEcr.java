package dev.webecr.sdk.testkit.webecr;

import dev.webecr.sdk.IntentStatus;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.testkit.TestClock;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The fake acquirer behind {@link FakeWebEcrServer} and {@link InMemoryPosProvider}: seeded
 * terminals ({@link FakeTerminals}), API keys, intents and their card transactions, all on an
 * injected clock. Thread-safe. It agrees with the evidence, not with the SDK: a repeated {@code
 * CustomerReference} creates a <em>new</em> intent (nothing shows WebECR de-duplicating), and
 * {@link #behaviour()} switches on the variants evidence leaves open. A test proves "never twice"
 * by counting: {@link #creates()}, {@link #intentsUnder(String)}, {@link #approvalsByReference()}.
 */
public final class FakeWebEcr {
  /** The integrator username the fake server accepts. */
  public static final String USERNAME = "fake-erp";

  /** The integrator password the fake server accepts. */
  public static final String PASSWORD = "fake-password";

  /** The longest server-side wait WebECR grants ({@code Timeout}, seconds). */
  static final long MAX_WAIT_SECONDS = 180;

  final FakeTime time;
  private final WebEcrBehaviour behaviour = new WebEcrBehaviour();
  private final Map<String, FakeTerminal> byCallId = new LinkedHashMap<>();

  /** API keys and redeem codes. */
  final FakePairings pairings = new FakePairings();

  private final FakeIntents intents = new FakeIntents();

  /** Creates a gateway gave up on, committed by the backend later. */
  final LateCommits lateCommits = new LateCommits();

  /** While a late commit runs: the time it is due, which its intent is created at. */
  private Instant committingAt;

  private long nextId = 1;
  private int creates;
  private int overlaps;

  /** A fake with the seeded terminals on {@code clock}, real time: waits are waited out. */
  public FakeWebEcr(Clock clock) {
    this(FakeTime.real(clock));
  }

  /** A fake with the seeded terminals on virtual time: it moves {@code clock} through waits. */
  public FakeWebEcr(TestClock clock) {
    this(FakeTime.virtual(clock));
  }

  private FakeWebEcr(FakeTime time) {
    this.time = time;
    for (FakeTerminal t : FakeTerminals.seeded()) {
      byCallId.put(t.callId(), t);
    }
  }

  /** The fake's clock. */
  // virtual or real: see FakeTime
  public Clock clock() {
    return time.clock();
  }

  /** The switches for behaviour evidence leaves open; see {@link WebEcrBehaviour}. */
  public WebEcrBehaviour behaviour() {
    return behaviour;
  }

  /** The seeded terminals. */
  public synchronized List<FakeTerminal> terminals() {
    return new ArrayList<>(byCallId.values());
  }

  /** Adds a terminal (load tests, QA), paired by the same redeem code; TID and call id new. */
  public synchronized FakeTerminal addTerminal(
      String tid, String callId, String label, TerminalProfile profile) {
    if (byCallId.containsKey(callId)
        || byCallId.values().stream().anyMatch(t -> t.tid().equals(tid))) {
      throw new IllegalArgumentException("terminal " + tid + " / " + callId + " exists");
    }
    FakeTerminal t =
        FakeTerminal.builder().tid(tid).callId(callId).label(label).profile(profile).build();
    byCallId.put(callId, t);
    return t;
  }

  /**
   * When the terminal finished (or will finish) the dialogue of the latest intent under this {@code
   * CustomerReference}, on the fake's clock: what a load test measures completion from.
   */
  public synchronized Optional<Instant> completedAt(String reference) {
    return Optional.ofNullable(FakeIntents.last(intents.under(reference)))
        .map(FakeIntent::completedAt);
  }

  /** The terminal with this TID. */
  public synchronized FakeTerminal terminal(String tid) {
    return byCallId.values().stream()
        .filter(t -> t.tid().equals(tid))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no fake terminal " + tid));
  }

  /**
   * Creates that reached a terminal while another dialogue ran on it (each answered BUSY): a client
   * that keeps one dialogue per terminal, across all its nodes, causes none.
   */
  public synchronized int overlappingDialogues() {
    return overlaps;
  }

  /** How many intents were created: every create the fake accepted, repeats included. */
  public synchronized int creates() {
    lateCommits.runDue(time.clock().instant());
    return creates;
  }

  /** How many intents exist under this {@code CustomerReference} (repeats make more). */
  public synchronized long intentsUnder(String reference) {
    lateCommits.runDue(time.clock().instant());
    return intents.under(reference).size();
  }

  /**
   * For every {@code CustomerReference}, how many of its intents charged or refunded a card by now
   * (approved, or approved by the host behind an UNKNOWN). Voids carry no reference and are counted
   * under {@code "void-of-<original's reference>"}.
   */
  public synchronized Map<String, Integer> approvalsByReference() {
    lateCommits.runDue(time.clock().instant());
    Instant now = time.clock().instant();
    Map<String, Integer> out = new TreeMap<>();
    for (FakeIntent i : intents.all()) {
      if (i.approvedAt(now)) {
        String key =
            i.reference != null
                ? i.reference
                : "void-of-" + (i.original == null ? "?" : i.original.reference);
        out.merge(key, 1, Integer::sum);
      }
    }
    return out;
  }

  /** The latest intent on {@code terminal}: running, or the one that ended last. */
  synchronized Optional<FakeIntent> latestOn(FakeTerminal terminal) {
    return Optional.ofNullable(FakeIntents.last(intents.on(terminal.tid())));
  }

  /** Back to the seeded terminals, with no intent, key, issued code or count. */
  synchronized void reset() {
    intents.clear();
    pairings.reset();
    byCallId.clear();
    for (FakeTerminal t : FakeTerminals.seeded()) {
      byCallId.put(t.callId(), t);
    }
    creates = 0;
    overlaps = 0;
    lateCommits.clear();
  }

  synchronized Optional<FakeTerminal> byCallId(String callId) {
    return Optional.ofNullable(byCallId.get(callId));
  }

  /**
   * A new intent, whatever intents exist under the same reference. {@code txnType} is the wire
   * TxnType (-1 for a void); {@code original} the intent a void cancels (or null).
   */
  synchronized FakeIntent create(
      FakeTerminal terminal,
      TransactionType kind,
      int txnType,
      long cents,
      int currencyCode,
      String reference,
      Integer installments,
      FakeIntent original,
      String originalId) {
    Instant now = committingAt != null ? committingAt : time.clock().instant();
    TerminalProfile profile =
        FakeTerminals.profileForAmount(Money.euroCents(cents)).orElse(terminal.profile());
    FakeIntent latest = FakeIntents.last(intents.on(terminal.tid())); // one dialogue a device
    boolean otherRunning =
        latest != null
            && latest.statusAt(now) != IntentStatus.COMPLETED
            && !latest.awaitsOpening(now); // a preloaded payment waits without the device
    if (otherRunning) {
      overlaps++;
      profile = TerminalProfile.BUSY;
    } else if (profile != TerminalProfile.MAX_TRANSACTIONS && terminal.batchFull()) {
      profile = TerminalProfile.MAX_TRANSACTIONS;
    }
    FakeIntent intent =
        new FakeIntent(
            nextId++,
            terminal,
            kind,
            txnType,
            cents,
            currencyCode,
            reference,
            now,
            profile,
            installments,
            original,
            originalId,
            terminal.nextDialogue(behaviour.dialogueTime()));
    intent.batch = terminal.batchNumber();
    if (intent.charges()) {
      terminal.countApproved();
    }
    if (kind == TransactionType.VOID && original != null) {
      original.voidedBy = intent;
      intent.onOriginal = behaviour.voidsOnOriginal();
    }
    intents.add(intent);
    creates++;
    return intent;
  }

  /** Runs {@code create} as if at {@code at}: a late commit's intent dates from its due time. */
  synchronized void createdAt(Instant at, Runnable create) {
    committingAt = at;
    try {
      create.run();
    } finally {
      committingAt = null;
    }
  }

  synchronized Optional<FakeIntent> intent(String id) {
    try {
      return Optional.ofNullable(intents.byId(Long.parseLong(id)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  synchronized Optional<FakeIntent> byTransactionId(String transactionId) {
    Instant now = time.clock().instant();
    return intents.all().stream()
        .filter(i -> i.hasTransactionAt(now) && i.transactionId().equals(transactionId))
        .findFirst();
  }

  /** Every intent, as the single-intent route sees them. */
  synchronized List<FakeIntent> intents() {
    return new ArrayList<>(intents.all());
  }

  /** The intents under one CustomerReference, in order, as the single-intent route sees them. */
  synchronized List<FakeIntent> underReference(String reference) {
    return new ArrayList<>(intents.under(reference));
  }

  /** The intents of the terminal {@code tid} (every intent when null), in order. */
  synchronized List<FakeIntent> intentsOn(String tid) {
    return tid == null ? intents() : new ArrayList<>(intents.on(tid));
  }

  /** The intents filtered lists show now: those older than the listing lag. */
  synchronized List<FakeIntent> listed() {
    return visible(intents.all());
  }

  /** {@link #listed()} under one CustomerReference, without scanning the others. */
  synchronized List<FakeIntent> listedUnder(String reference) {
    return visible(intents.under(reference));
  }

  private List<FakeIntent> visible(java.util.Collection<FakeIntent> candidates) {
    Instant visibleBefore = time.clock().instant().minus(behaviour.listingLag());
    boolean posHidden = behaviour.posOnlyInTransactions();
    List<FakeIntent> out = new ArrayList<>();
    for (FakeIntent i : candidates) {
      if (!i.createdAt.isAfter(visibleBefore) && !(posHidden && i.startedOnPos)) {
        out.add(i);
      }
    }
    return out;
  }
}
