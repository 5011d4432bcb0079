package dev.webecr.sdk.mellon.internal;

import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.spi.AttemptLookup;
import java.time.Instant;
import java.util.Optional;

/**
 * What a card record proves about a void whose intent says UNKNOWN. The evidence does not show
 * whether a void gets a card record of its own or is only marked on its original's ({@code Voided},
 * {@code VoidTimestamp}), so a record settles the void only when it is unmistakably about it:
 *
 * <ul>
 *   <li>a record marked {@code Voided} at or after the void was sent: the void happened (APPROVED);
 *   <li>the void's own record (no {@code CustomerReference}, which voids never carry and our sales
 *       always do, and the intent not echoing its original's {@code TransactionId}): its {@code
 *       Approved} flag;
 *   <li>anything else, above all the original's record not (yet) marked voided: nothing. The void
 *       stays in doubt; "not voided" is never read off the original's record.
 * </ul>
 */
final class VoidEvidence {
  private VoidEvidence() {}

  static Optional<IntentResult> result(
      WireJson voidIntent, WireJson record, AttemptLookup attempt) {
    Instant sent = attempt.sentAfter().minus(IntentLookups.SKEW);
    boolean voidedSinceSent =
        record.bool("Voided").orElse(false)
            && MellonMapper.voidedAt(record).map(t -> !t.isBefore(sent)).orElse(false);
    if (voidedSinceSent) {
      return Optional.of(IntentResult.APPROVED);
    }
    boolean echoesOriginal =
        attempt.originalTransactionId().isPresent()
            && MellonMapper.transactionId(voidIntent).equals(attempt.originalTransactionId());
    boolean own = MellonMapper.reference(record).isEmpty() && !echoesOriginal;
    if (!own) {
      return Optional.empty();
    }
    return record
        .bool("Approved")
        .map(approved -> approved ? IntentResult.APPROVED : IntentResult.DECLINED);
  }
}
