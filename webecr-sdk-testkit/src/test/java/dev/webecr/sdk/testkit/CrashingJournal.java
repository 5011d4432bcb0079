package dev.webecr.sdk.testkit;

import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.JournalEntry;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A journal whose process dies at random: a record either reaches the file or not, then the
 * "process" is gone and every later call fails too, until the test starts a new client on the same
 * file. The death is an {@link Error}, so no catch of ordinary failures inside the SDK can hide it.
 */
public final class CrashingJournal implements IntentJournal {
  /** The simulated death of the process. */
  public static final class Crash extends Error {
    private static final long serialVersionUID = 1L;

    Crash() {
      super("simulated crash", null, false, false);
    }
  }

  private final IntentJournal delegate;
  private final Random random;
  private final double rate;
  private boolean dead;

  public CrashingJournal(IntentJournal delegate, Random random, double rate) {
    this.delegate = delegate;
    this.random = random;
    this.rate = rate;
  }

  @Override
  public synchronized void record(JournalEntry entry) {
    alive();
    if (random.nextDouble() < rate) {
      if (random.nextBoolean()) {
        delegate.record(entry); // written, then the process dies before going on
      }
      dead = true;
      delegate.close();
      throw new Crash();
    }
    delegate.record(entry);
  }

  @Override
  public synchronized Optional<JournalEntry> latest(String providerReference) {
    alive();
    return delegate.latest(providerReference);
  }

  @Override
  public synchronized List<JournalEntry> attempts(String reference) {
    alive();
    return delegate.attempts(reference);
  }

  @Override
  public synchronized List<JournalEntry> all() {
    alive();
    return delegate.all();
  }

  @Override
  public synchronized List<JournalEntry> inFlight() {
    alive();
    return delegate.inFlight();
  }

  @Override
  public synchronized void close() {
    dead = true;
    delegate.close();
  }

  private void alive() {
    if (dead) {
      throw new Crash();
    }
  }
}
