package dev.webecr.sdk.testkit.webecr;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One fake POS terminal: its ids, its behaviour profile and its batch. Thread-safe; the fakes keep
 * one per seeded terminal.
 */
public final class FakeTerminal {
  private final String tid;
  private final String callId;
  private final String label;
  private volatile TerminalProfile profile;
  private final int batchLimit;
  private int approvedInBatch;
  private int batchNumber = 1;

  /** This terminal's own range of dialogue times; null: the fake's dialogue time. */
  private volatile Duration[] dialogue;

  private FakeTerminal(Builder b) {
    this.tid = java.util.Objects.requireNonNull(b.tid, "tid == null");
    this.callId = java.util.Objects.requireNonNull(b.callId, "callId == null");
    this.label = b.label == null ? "Fake till " + b.tid : b.label;
    this.profile = b.profile;
    this.batchLimit = b.batchLimit;
  }

  /** A builder: the TID and call id are required; it approves, with a batch that never fills. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link FakeTerminal}. */
  public static final class Builder {
    private String tid;
    private String callId;
    private String label;
    private TerminalProfile profile = TerminalProfile.APPROVE;
    private int batchLimit = Integer.MAX_VALUE;

    private Builder() {}

    /** The TID it prints and signs for. */
    public Builder tid(String tid) {
      this.tid = tid;
      return this;
    }

    /** The provider's id for the device (the URL's terminal id). */
    public Builder callId(String callId) {
      this.callId = callId;
      return this;
    }

    /** The friendly name (default "Fake till" and the TID). */
    public Builder label(String label) {
      this.label = label;
      return this;
    }

    /** What it does with a payment (default {@link TerminalProfile#APPROVE}). */
    public Builder profile(TerminalProfile profile) {
      this.profile = java.util.Objects.requireNonNull(profile, "profile == null");
      return this;
    }

    /** How many approved payments fill its batch (default: it never fills). */
    public Builder batchLimit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("batchLimit must be at least 1");
      }
      this.batchLimit = limit;
      return this;
    }

    /** The terminal. */
    public FakeTerminal build() {
      return new FakeTerminal(this);
    }
  }

  /** The TID. */
  public String tid() {
    return tid;
  }

  /** The provider's id for the device. */
  public String callId() {
    return callId;
  }

  /** The friendly name. */
  public String label() {
    return label;
  }

  /** The terminal's own profile. */
  public TerminalProfile profile() {
    return profile;
  }

  /** Gives the terminal another profile, for the payments that start from now on. */
  public void profile(TerminalProfile profile) {
    this.profile = java.util.Objects.requireNonNull(profile, "profile == null");
  }

  /**
   * Each ordinary dialogue on this terminal, from now on, lasts a time drawn at random between
   * {@code shortest} and {@code longest} instead of the fake's dialogue time: outcomes at moments
   * no client's polling is in step with (load tests of how soon an outcome is noticed).
   */
  public void dialogueTime(Duration shortest, Duration longest) {
    if (shortest.compareTo(Duration.ofMillis(3)) < 0 || longest.compareTo(shortest) < 0) {
      throw new IllegalArgumentException("dialogue times: at least 3 ms, the shortest first");
    }
    this.dialogue = new Duration[] {shortest, longest};
  }

  /** The time of a dialogue starting now: this terminal's own, else {@code fakes}. */
  Duration nextDialogue(Duration fakes) {
    Duration[] range = dialogue;
    if (range == null) {
      return fakes;
    }
    long spread = range[1].toNanos() - range[0].toNanos();
    return range[0].plusNanos(spread > 0 ? ThreadLocalRandom.current().nextLong(spread + 1) : 0);
  }

  /** Approved payments in the current batch. */
  public synchronized int batchCount() {
    return approvedInBatch;
  }

  /** The approved payments that fill the batch ({@link Integer#MAX_VALUE}: never full). */
  public int batchLimit() {
    return batchLimit;
  }

  /**
   * Closes the batch on the device: MAX_TRANSACTIONS stops, its payments can no longer be voided.
   */
  public synchronized void closeBatch() {
    approvedInBatch = 0;
    batchNumber++;
  }

  /** The open batch's number: 1, then one more at each close. */
  public synchronized int batchNumber() {
    return batchNumber;
  }

  synchronized boolean batchFull() {
    return approvedInBatch >= batchLimit;
  }

  synchronized void countApproved() {
    approvedInBatch++;
  }

  /** Counts {@code delta} approvals more (or fewer, when a person's key undid one). */
  synchronized void countApproved(int delta) {
    approvedInBatch = Math.max(0, approvedInBatch + delta);
  }
}
