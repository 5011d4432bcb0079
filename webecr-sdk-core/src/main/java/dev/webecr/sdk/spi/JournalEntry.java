package dev.webecr.sdk.spi;

import dev.webecr.sdk.Money;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One state of one payment attempt, as written to the {@link IntentJournal}. Holds no secret: the
 * terminal is stored without its API key, the signature not at all.
 */
@Value.Immutable
public abstract class JournalEntry {
  JournalEntry() {}

  /** The attempt's reference at the provider: the journal's key. */
  public abstract String providerReference();

  /** The terminal, without API key. */
  public abstract Terminal terminal();

  /** Sale, refund or void. */
  public abstract TransactionType kind();

  /** The amount. */
  public abstract Money amount();

  /** Where the attempt is. */
  public abstract JournalPhase phase();

  /** The provider's intent id, once known. */
  public abstract Optional<String> intentId();

  /** The provider's last status code, once known. */
  public abstract Optional<Integer> statusCode();

  /** The provider's last result code, once known. */
  public abstract Optional<Integer> resultCode();

  /**
   * What identifies the document this attempt pays: the signed Input's UID hash, where the payment
   * was signed. A reference paid again for another document is refused.
   */
  public abstract Optional<String> document();

  /** The original intent's id, for a refund or void. */
  public abstract Optional<String> originalIntentId();

  /** The original's transaction id, for a refund or void: how a lost void is found again. */
  public abstract Optional<String> originalTransactionId();

  /** How many {@code recover()} runs ended with this attempt still in doubt. */
  @Value.Default
  public int recoveryRuns() {
    return 0;
  }

  /** Before this instant {@code recover()} leaves the attempt alone (backing off). */
  public abstract Optional<Instant> nextRecoveryAt();

  /** Who settled the attempt by hand (from the terminal's slip), when a person did. */
  public abstract Optional<String> resolvedBy();

  /** Why, as that person wrote it. */
  public abstract Optional<String> resolution();

  /** When the attempt was first journaled (before it was sent). */
  public abstract Instant createdAt();

  /** When this state was journaled. */
  public abstract Instant recordedAt();

  /**
   * True while the duplicate watch looks for this attempt: called not sent after lookups ({@link
   * JournalPhase#NOT_FOUND}) and not found since with a result that charged nothing. One found
   * approved stays watched until it is given back or the ERP pays its reference again (which adopts
   * it): a node that died before handling it leaves it to the next watch.
   */
  public boolean isWatched() {
    if (phase() != JournalPhase.NOT_FOUND) {
      return false;
    }
    return !hasSettledResult()
        || resultCode().equals(Optional.of(dev.webecr.sdk.IntentResult.APPROVED.code()));
  }

  /** True when the provider reported a final result for this attempt (journaled). */
  public boolean hasSettledResult() {
    return statusCode().equals(Optional.of(dev.webecr.sdk.IntentStatus.COMPLETED.code()))
        && resultCode().map(c -> dev.webecr.sdk.IntentResult.fromCode(c).isSettled()).orElse(false);
  }

  /** The ERP's reference. */
  public String reference() {
    return AttemptReference.parse(providerReference()).reference();
  }

  /** The attempt number. */
  public int attempt() {
    return AttemptReference.parse(providerReference()).attempt();
  }

  @Value.Check
  JournalEntry normalized() {
    Terminal bare = terminal().withoutApiKey();
    return bare == terminal() ? this : builder().from(this).terminal(bare).build();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link JournalEntry}. */
  public static final class Builder extends ImmutableJournalEntry.Builder {
    Builder() {}
  }
}
