package dev.webecr.sdk.testkit.webecr;

import dev.webecr.sdk.IntentStatus;
import dev.webecr.sdk.testkit.InjectedFault;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What QA does to the fake by hand: press a key on a terminal during its dialogue, change its
 * profile, close its batch, add a terminal, revoke the pairings, show a new redeem code, inject a
 * fault, start again. The QA page and the HTTP API under {@code /_fake/} call exactly these.
 *
 * <pre>{@code
 * FakeControl qa = server.control();
 * qa.profile("10000001", TerminalProfile.MANUAL);   // the next payment waits for a person
 * // ... the ERP starts a payment ...
 * qa.press("10000001", TerminalAction.APPROVE);
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class FakeControl {
  private final FakeWebEcr fake;
  private final FakeWebEcrServer server;

  FakeControl(FakeWebEcr fake, FakeWebEcrServer server) {
    this.fake = fake;
    this.server = server;
  }

  /** The fake's behaviour switches: QA sets the worst cases the evidence allows, or kinder ones. */
  public WebEcrBehaviour behaviour() {
    return fake.behaviour();
  }

  /** Every terminal as its screen shows it now: idle, waiting for the card, or in dialogue. */
  public List<Map<String, Object>> terminals() {
    Instant now = fake.clock().instant();
    List<Map<String, Object>> out = new ArrayList<>();
    for (FakeTerminal t : fake.terminals()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("tid", t.tid());
      m.put("callId", t.callId());
      m.put("label", t.label());
      m.put("profile", t.profile().name());
      m.put("batchCount", t.batchCount());
      m.put("batchFull", t.batchFull());
      Optional<FakeIntent> latest = fake.latestOn(t);
      Optional<FakeIntent> running = latest.filter(i -> i.statusAt(now) != IntentStatus.COMPLETED);
      if (running.isEmpty()) {
        m.put("state", "idle");
        latest.ifPresent(
            i -> {
              // what the screen showed last: APPROVED 24.80 EUR, BUSY, MAX_TRANSACTIONS, ...
              m.put("lastResult", String.valueOf(i.resultAt(now)));
              m.put("lastAmountCents", i.cents);
              m.put("lastReference", i.reference == null ? "" : i.reference);
            });
      } else {
        FakeIntent i = running.get();
        m.put(
            "state", i.statusAt(now) == IntentStatus.PENDING ? "in-dialogue" : "waiting-for-card");
        m.put("intentId", i.id);
        m.put("kind", i.kind.name());
        m.put("amountCents", i.cents);
        m.put("reference", i.reference == null ? "" : i.reference);
        m.put("waitsForPerson", i.awaitsPerson());
      }
      out.add(m);
    }
    return out;
  }

  /**
   * Presses {@code action} on the terminal's running payment now.
   *
   * @throws IllegalStateException when no payment runs on it
   */
  public void press(String tid, TerminalAction action) {
    decide(tid, action, Duration.ZERO);
  }

  /** Approves the terminal's running payment {@code after} from now (the card is slow). */
  public void approveAfter(String tid, Duration after) {
    if (after.isNegative()) {
      throw new IllegalArgumentException("after must not be negative");
    }
    decide(tid, TerminalAction.APPROVE, after);
  }

  private void decide(String tid, TerminalAction action, Duration after) {
    Objects.requireNonNull(action, "action == null");
    FakeTerminal terminal = fake.terminal(tid);
    FakeIntent intent =
        fake.latestOn(terminal)
            .filter(i -> i.statusAt(fake.clock().instant()) != IntentStatus.COMPLETED)
            .orElseThrow(() -> new IllegalStateException("no payment runs on terminal " + tid));
    boolean charged = intent.charges();
    Instant now = fake.clock().instant();
    if (!intent.decide(action, now, now.plus(after))) {
      throw new IllegalStateException("the payment on terminal " + tid + " has just finished");
    }
    if (intent.charges() != charged) { // the batch counts what the key decided, not the profile
      terminal.countApproved(intent.charges() ? 1 : -1);
    }
  }

  /**
   * The operator opens the oldest preloaded payment waiting on the terminal: its card dialogue
   * starts now, as the terminal's profile says.
   *
   * @throws IllegalStateException when none waits
   */
  public void openPreloaded(String tid) {
    FakeTerminal terminal = fake.terminal(tid);
    FakeIntent intent =
        fake.intents().stream()
            .filter(i -> i.terminal == terminal && i.awaitsOpening(fake.clock().instant()))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no preloaded payment on " + tid));
    intent.openedAt = fake.clock().instant();
    if (intent.charges()) {
      terminal.countApproved(1);
    }
  }

  /**
   * A pre-authorisation started on the POS itself (no ERP, no reference), approved at once: the ERP
   * finds it by listing the terminal's intents and completes it.
   */
  public void preAuthoriseOnPos(String tid, long cents) {
    FakeIntent intent =
        fake.create(
            fake.terminal(tid),
            dev.webecr.sdk.TransactionType.PRE_AUTHORISATION,
            2,
            cents,
            978,
            null,
            null,
            null,
            null);
    intent.startedOnPos = true;
    Instant now = fake.clock().instant();
    if (!intent.decide(TerminalAction.APPROVE, now, now)) {
      throw new IllegalStateException("the terminal " + tid + " could not start it");
    }
  }

  /** Gives the terminal {@code profile} for the payments that start from now on. */
  public void profile(String tid, TerminalProfile profile) {
    fake.terminal(tid).profile(profile);
  }

  /** Closes the terminal's batch, as the merchant does on the POS. */
  public void closeBatch(String tid) {
    fake.terminal(tid).closeBatch();
  }

  /** Adds a terminal with the next free TID and call id; returns it. */
  public FakeTerminal addTerminal(String label, TerminalProfile profile) {
    synchronized (fake) {
      int n = fake.terminals().size() + 1;
      while (true) {
        String tid = String.format("2%07d", n);
        String callId = String.valueOf(459_000 + n);
        try {
          return fake.addTerminal(tid, callId, label, profile);
        } catch (IllegalArgumentException taken) {
          n++;
        }
      }
    }
  }

  /**
   * The merchant unpairs the terminal behind one API key: that key's next call is refused, the
   * others keep working.
   *
   * @throws IllegalArgumentException when the key is not live
   */
  public void revokeApiKey(String apiKey) {
    if (!fake.pairings.revoke(apiKey)) {
      throw new IllegalArgumentException("no live API key like that");
    }
  }

  /** The merchant unpairs every terminal: each API key's next call is refused. */
  public int revokeApiKeys() {
    return fake.pairings.revokeApiKeys();
  }

  /** A new single-use redeem code to pair with (the seeded one keeps working too). */
  public String newRedeemCode() {
    return fake.pairings.issueRedeemCode();
  }

  /** Applies {@code fault} to the next request of {@code endpoint}. */
  public void inject(Endpoint endpoint, InjectedFault fault) {
    server.inject(endpoint, fault);
  }

  /** The latest {@code limit} requests, newest last (paths only: no header, query or body). */
  public List<String> requests(int limit) {
    List<String> all = server.requests();
    return all.subList(Math.max(0, all.size() - Math.max(0, limit)), all.size());
  }

  /** Starts again: the seeded terminals and their profiles, no intent, key or fault. */
  public void reset() {
    server.clearFaults();
    fake.reset();
  }
}
