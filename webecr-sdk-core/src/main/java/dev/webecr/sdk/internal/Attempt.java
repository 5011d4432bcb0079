package dev.webecr.sdk.internal;

import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.ProviderSignature;
import dev.webecr.sdk.spi.AttemptLookup;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import dev.webecr.sdk.spi.SignatureOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt of a payment: its journal entry as last written, its signing and signature, when its
 * create left and what server-side wait it asked for, and the lookup that finds it at the provider
 * (built once: the journal is not read again on every poll). {@link AttemptWatch} runs it; {@link
 * #end} tells the signer its outcome, once.
 */
final class Attempt {
  private static final Logger log = LoggerFactory.getLogger(Attempt.class);

  private final ClientContext ctx;
  private final SignerCalls signer;
  private final ProviderSignature signature;
  private final Instant sentAt;
  private final Duration askedWait;
  private AttemptLookup lookup;
  private JournalEntry entry;

  private Attempt(
      ClientContext ctx,
      JournalEntry entry,
      SignerCalls signer,
      ProviderSignature signature,
      Instant sentAt,
      Duration askedWait) {
    this.ctx = ctx;
    this.entry = entry;
    this.signer = signer;
    this.signature = signature;
    this.sentAt = sentAt;
    this.askedWait = askedWait;
  }

  /**
   * An attempt journaled here whose create is about to leave with {@code signature} (null when
   * unsigned), asking the provider to hold its answer for {@code askedWait}.
   */
  static Attempt sent(
      ClientContext ctx,
      JournalEntry prepared,
      SignerCalls signer,
      ProviderSignature signature,
      Duration askedWait) {
    return new Attempt(ctx, prepared, signer, signature, prepared.createdAt(), askedWait);
  }

  /**
   * An attempt the journal already holds (resumed, or read again once settled); its create asked
   * for the client's server-side wait, the most any create of this client asks for.
   */
  static Attempt journaled(ClientContext ctx, JournalEntry journaled, SignerCalls signer) {
    return new Attempt(ctx, journaled, signer, null, journaled.createdAt(), ctx.serverWait);
  }

  JournalEntry entry() {
    return entry;
  }

  String providerReference() {
    return entry.providerReference();
  }

  Instant sentAt() {
    return sentAt;
  }

  /** How long after its create's failure the provider may still commit it. */
  Duration settleTime() {
    return ctx.provider.createSettleTime(askedWait);
  }

  /**
   * The lookup that finds it before its intent id is known; built on first use (not on the way to
   * the create), then kept.
   */
  AttemptLookup lookup() {
    if (lookup == null) {
      lookup = AttemptLookups.of(ctx.journal, entry, Optional.empty());
    }
    return lookup;
  }

  /** The lookup that reads its intent {@code intentId}. */
  AttemptLookup read(String intentId) {
    return AttemptLookup.builder().from(lookup()).intentId(intentId).build();
  }

  /** The provider's intent as this attempt: its journaled reference and kind (voids lack both). */
  PaymentIntent normalised(PaymentIntent reported) {
    PaymentIntent.Builder b =
        PaymentIntent.builder()
            .from(reported)
            .providerReference(entry.providerReference())
            .kind(entry.kind());
    if (signature != null && reported.signature().isEmpty()) {
      b.signature(signature);
    }
    return b.build();
  }

  /**
   * Journals the attempt in {@code phase} with what {@code intent} (may be null) reports, when
   * anything the journal keeps changed. A failed write keeps the earlier entry: recovery asks the
   * provider again, so nothing is lost.
   */
  void record(JournalPhase phase, PaymentIntent intent) {
    Optional<JournalEntry> changed = JournalUpdate.next(entry, phase, intent, ctx.clock.instant());
    if (changed.isEmpty()) {
      return;
    }
    try {
      ctx.journal.record(changed.get());
      entry = changed.get();
    } catch (RuntimeException e) {
      log.warn(
          "could not journal {} as {}: recovery will ask the provider again",
          entry.providerReference(),
          phase,
          e);
    }
  }

  /** Tells the signer how the attempt ended (used only when approved); later calls do nothing. */
  void end(SignatureOutcome outcome) {
    signer.tell(outcome);
  }
}
