package dev.webecr.sdk.internal;

import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.OriginalTransaction;
import dev.webecr.sdk.OutcomeUnknownException;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.ProviderSignature;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a payment must check against the earlier attempts of its ERP reference before it may return,
 * resume or send anything: that they paid the same document, and that none of those journaled as
 * "not sent" has turned up at the provider since.
 */
final class PriorAttempts {
  private static final Logger log = LoggerFactory.getLogger(PriorAttempts.class);

  private PriorAttempts() {}

  /** Refuses a request whose kind, amount, terminal or original differ from earlier attempts. */
  static void requireSamePayment(List<JournalEntry> attempts, PaymentRequest r) {
    for (JournalEntry a : attempts) {
      Terminal t = r.terminal();
      boolean same =
          a.kind() == r.kind()
              && a.amount().equals(r.amount())
              && a.terminal().providerId().equals(t.providerId())
              && a.terminal().callId().equals(t.callId())
              && sameOriginal(a, r.original());
      if (!same) {
        throw new InvalidRequestException(
            "reference",
            "'"
                + r.reference()
                + "' was already used for another payment ("
                + a.kind()
                + " of "
                + a.amount()
                + " on terminal "
                + a.terminal().tid()
                + ")");
      }
    }
  }

  private static boolean sameOriginal(JournalEntry a, Optional<OriginalTransaction> o) {
    Optional<String> intent = o.flatMap(OriginalTransaction::intentId);
    Optional<String> txn = o.flatMap(OriginalTransaction::transactionId);
    return (a.originalIntentId().isEmpty() || a.originalIntentId().equals(intent))
        && (a.originalTransactionId().isEmpty() || a.originalTransactionId().equals(txn));
  }

  /** Refuses a signature for another document than the earlier attempts paid. */
  static void requireSameDocument(
      List<JournalEntry> attempts, String reference, ProviderSignature signature) {
    for (JournalEntry a : attempts) {
      if (a.document().isPresent() && !a.document().get().equals(signature.uidHash())) {
        throw new InvalidRequestException(
            "reference",
            "'"
                + reference
                + "' was already used "
                + "for another document (its signed UID differs): references must be unique per "
                + "document, e.g. series + year + number");
      }
    }
  }

  /**
   * Asks the provider once more about every attempt journaled as not sent (one the duplicate watch
   * already found settled is taken as found), journals any it has, and returns the attempts as
   * journaled after that. A failed lookup stops the payment: nothing new may be sent while an
   * earlier attempt cannot be ruled out. One being given back as a duplicate is never adopted.
   */
  static List<JournalEntry> recheckNotSent(
      ClientContext ctx, Terminal terminal, List<JournalEntry> attempts) {
    List<JournalEntry> out = new ArrayList<>();
    for (JournalEntry a : attempts) {
      if (!a.phase().isNotSent()
          || a.resolvedBy().isPresent()
          || a.intentId().map(id -> ReversalReferences.started(ctx.journal, id)).orElse(false)) {
        out.add(a);
        continue;
      }
      if (a.phase() == JournalPhase.NOT_FOUND && a.hasSettledResult()) {
        // found settled by the duplicate watch: the ERP hears of it now
        JournalEntry now =
            JournalEntry.builder()
                .from(a)
                .phase(JournalPhase.SETTLED)
                .recordedAt(ctx.clock.instant())
                .build();
        ctx.journal.record(now);
        out.add(now);
        continue;
      }
      Optional<PaymentIntent> found;
      try {
        // on the attempt's own terminal: the ERP may pay again on another
        Terminal sentOn =
            a.terminal().callId().equals(terminal.callId())
                ? terminal
                : ctx.directory
                    .find(a.terminal().providerId(), a.terminal().callId())
                    .orElse(a.terminal());
        found =
            ctx.provider.findAttempt(sentOn, AttemptLookups.of(ctx.journal, a, Optional.empty()));
      } catch (RuntimeException e) {
        throw new OutcomeUnknownException(
            "could not check again that earlier attempt "
                + a.providerReference()
                + " never reached the provider; nothing new was sent: "
                + "pay again later",
            a.providerReference(),
            null,
            e);
      }
      if (found.isEmpty()) {
        out.add(a);
        continue;
      }
      PaymentIntent intent = found.get();
      log.warn(
          "attempt {} was journaled as not sent but the provider has it (intent {}): "
              + "adopting it instead of sending again",
          a.providerReference(),
          intent.id());
      JournalPhase phase = intent.isSettled() ? JournalPhase.SETTLED : JournalPhase.IN_FLIGHT;
      JournalEntry now = JournalUpdate.next(a, phase, intent, ctx.clock.instant()).orElse(a);
      ctx.journal.record(now);
      out.add(now);
    }
    return out;
  }
}
