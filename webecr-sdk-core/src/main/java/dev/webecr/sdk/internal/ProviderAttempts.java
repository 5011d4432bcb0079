package dev.webecr.sdk.internal;

import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.AttemptLookup;
import dev.webecr.sdk.spi.AttemptReference;
import dev.webecr.sdk.spi.Capability;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lookup before the first attempt of a reference this client's journal does not know: another
 * till (a journal of its own), a reinstall or a journal past its retention may have paid it. The
 * provider is asked for {@code <reference>-A1} upwards until the first miss, and what it has is
 * adopted into the journal (approved: returned; running: resumed; ended otherwise: the next attempt
 * number follows). Not for voids (their wire has no reference) nor for providers whose lookups are
 * local (RRPay: a reference names its own POS and receipt, no other till pays it).
 */
final class ProviderAttempts {
  private static final Logger log = LoggerFactory.getLogger(ProviderAttempts.class);

  private ProviderAttempts() {}

  /** True when a payment of {@code kind} asks the provider before its first attempt. */
  static boolean apply(ClientContext ctx, TransactionType kind) {
    return ctx.lookupFirst
        && kind != TransactionType.VOID
        && !ctx.provider.capabilities().contains(Capability.LOCAL_LOOKUPS);
  }

  /**
   * The attempts the provider has of {@code request}'s reference, journaled here; empty when it has
   * none. A provider that cannot be asked stops the payment with nothing sent.
   */
  static List<JournalEntry> adopt(ClientContext ctx, Terminal terminal, PaymentRequest request) {
    List<JournalEntry> adopted = new ArrayList<>();
    for (int n = 1; n <= AttemptReference.MAX_ATTEMPTS; n++) {
      String reference = AttemptReference.format(request.reference(), n);
      Instant now = ctx.clock.instant();
      JournalEntry entry = AttemptRecords.prepared(request, terminal, reference, null, now);
      Optional<PaymentIntent> found;
      try {
        // whoever sent it, whenever: the lookup is not bounded by a send of ours
        found =
            ctx.provider.findAttempt(
                terminal,
                AttemptLookup.builder()
                    .from(AttemptLookup.ofReference(reference, request.kind()))
                    .excludedIntentIds(
                        AttemptLookups.of(ctx.journal, entry, Optional.empty()).excludedIntentIds())
                    .build());
      } catch (RuntimeException e) {
        throw new ConnectionException(
            "nothing was sent: the provider could not be asked whether '"
                + request.reference()
                + "' was paid before (by another till, say) ("
                + e.getMessage()
                + "); pay again later",
            false,
            reference,
            e);
      }
      if (found.isEmpty()) {
        return adopted;
      }
      PaymentIntent intent = found.get();
      if (intent.kind() != request.kind() || !intent.amount().equals(request.amount())) {
        throw new InvalidRequestException(
            "reference",
            "'"
                + reference
                + "' is at the provider for another payment ("
                + intent.kind()
                + " of "
                + intent.amount()
                + "): references must be unique per document");
      }
      log.warn(
          "{} is at the provider but not in this journal (another till?): adopting it", reference);
      JournalPhase phase = intent.isSettled() ? JournalPhase.SETTLED : JournalPhase.IN_FLIGHT;
      JournalEntry known = JournalUpdate.next(entry, phase, intent, now).orElse(entry);
      ctx.journal.record(known);
      adopted.add(known);
    }
    return adopted;
  }
}
