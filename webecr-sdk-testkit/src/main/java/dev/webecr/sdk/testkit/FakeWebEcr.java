package dev.webecr.sdk.testkit;

import dev.webecr.sdk.TransactionType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fake acquirer behind {@link FakeWebEcrServer} and {@link InMemoryPosProvider}: seeded
 * terminals ({@link FakeTerminals}), API keys, intents and their card transactions, all on an
 * injected clock. Thread-safe. Intents are idempotent by reference: creating one under a
 * reference that already has an intent answers that intent (and counts no new create).
 */
public final class FakeWebEcr {
  /** The integrator username the fake server accepts. */
  public static final String USERNAME = "fake-erp";
  /** The integrator password the fake server accepts. */
  public static final String PASSWORD = "fake-password";

  private final Clock clock;
  private final Map<String, FakeTerminal> byCallId = new LinkedHashMap<>();
  private final Set<String> apiKeys = new HashSet<>();
  private final Map<Long, FakeIntent> intents = new LinkedHashMap<>();
  private final Map<String, FakeIntent> byReference = new java.util.HashMap<>();
  private final Map<FakeTerminal, FakeIntent> latestOn = new java.util.HashMap<>();
  private long nextId = 1;
  private int creates;

  /** A fake with the seeded terminals, on {@code clock}. */
  public FakeWebEcr(Clock clock) {
    this.clock = clock;
    for (FakeTerminal t : FakeTerminals.seeded()) {
      byCallId.put(t.callId(), t);
    }
  }

  /** The fake's clock. */
  public Clock clock() {
    return clock;
  }

  /** The seeded terminals. */
  public synchronized List<FakeTerminal> terminals() {
    return new ArrayList<>(byCallId.values());
  }

  /** The terminal with this TID. */
  public synchronized FakeTerminal terminal(String tid) {
    return byCallId.values().stream().filter(t -> t.tid().equals(tid)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no fake terminal " + tid));
  }

  /** How many intents were created (repeats of a reference not counted). */
  public synchronized int creates() {
    return creates;
  }

  /** How many intents exist under this reference: never more than one. */
  public synchronized long intentsUnder(String reference) {
    return intents.values().stream().filter(i -> i.reference.equals(reference)).count();
  }

  synchronized Optional<String> redeem(String code) {
    if (!FakeTerminals.REDEEM_CODE.equals(code)) {
      return Optional.empty();
    }
    String key = "fake-key-" + (apiKeys.size() + 1);
    apiKeys.add(key);
    return Optional.of(key);
  }

  synchronized boolean knows(String apiKey) {
    return apiKey != null && apiKeys.contains(apiKey);
  }

  synchronized Optional<FakeTerminal> byCallId(String callId) {
    return Optional.ofNullable(byCallId.get(callId));
  }

  synchronized FakeIntent create(FakeTerminal terminal, TransactionType kind, long cents,
      int currencyCode, String reference, Integer installments, String originalId) {
    FakeIntent existing = byReference.get(reference);
    if (existing != null) {
      return existing;
    }
    TerminalProfile profile = FakeTerminals.profileForAmount(
        dev.webecr.sdk.Money.euroCents(cents)).orElse(terminal.profile());
    FakeIntent latest = latestOn.get(terminal); // a device runs one dialogue: the latest
    boolean otherRunning = latest != null
        && latest.statusAt(clock.instant()) != dev.webecr.sdk.IntentStatus.COMPLETED;
    if (otherRunning) {
      profile = TerminalProfile.BUSY;
    } else if (profile != TerminalProfile.MAX_TRANSACTIONS && terminal.batchFull()) {
      profile = TerminalProfile.MAX_TRANSACTIONS;
    }
    FakeIntent intent = new FakeIntent(nextId++, terminal, kind, cents, currencyCode, reference,
        clock.instant(), profile, installments, originalId);
    if (intent.charges()) {
      terminal.countApproved();
    }
    if (kind == TransactionType.VOID && originalId != null) {
      intent(originalId).ifPresent(o -> o.voided = true);
    }
    intents.put(intent.id, intent);
    byReference.put(reference, intent);
    latestOn.put(terminal, intent);
    creates++;
    return intent;
  }

  synchronized Optional<FakeIntent> intent(String id) {
    try {
      return Optional.ofNullable(intents.get(Long.parseLong(id)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  synchronized Optional<FakeIntent> byTransactionId(String transactionId) {
    return intents.values().stream().filter(i -> i.transactionId().equals(transactionId))
        .findFirst();
  }

  synchronized List<FakeIntent> intents() {
    return new ArrayList<>(intents.values());
  }
}
