package dev.webecr.sdk.spi;

import dev.webecr.sdk.Money;
import dev.webecr.sdk.TransactionType;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What identifies one payment attempt at a provider, for finding it again after its answer was lost
 * and for polling it. The reference alone is not always enough: a Mellon void carries no reference
 * on the wire and is found through its original's transaction id.
 *
 * <p>Built by {@link dev.webecr.sdk.PosClient} from the journal; a provider reads what it needs.
 */
@Value.Immutable
public abstract class AttemptLookup {
  AttemptLookup() {}

  /**
   * The attempt's reference, as sent in the create (where the provider's wire has one); empty for
   * an intent known by its id alone ({@link #ofIntentId}).
   */
  public abstract String providerReference();

  /** Sale, refund or void. */
  public abstract TransactionType kind();

  /**
   * When the attempt was journaled, just before its create left; {@link Instant#EPOCH} when it was
   * not sent by this client (the lookup before a first attempt adopts whatever the provider has).
   * An intent created well before it (another till's, under the same reference) is not this one.
   */
  public abstract Instant sentAfter();

  /** The provider's intent id, once an answer or a lookup told it. */
  public abstract Optional<String> intentId();

  /** The original intent's id, for a refund or void. */
  public abstract Optional<String> originalIntentId();

  /** The original's transaction id (Mellon's TransactionId), for a refund or void. */
  public abstract Optional<String> originalTransactionId();

  /**
   * The attempt's amount, as journaled: for a provider whose "still running" answer carries none
   * (Viva's 202), so the intent it reports can still say what is at stake. Empty for an intent
   * known by its id or reference alone.
   */
  public abstract Optional<Money> amount();

  /** Intent ids of other attempts: a lookup must never answer one of these for this attempt. */
  public abstract Set<String> excludedIntentIds();

  /**
   * An intent known by its id alone (a status asked on site, an original named by its id): no
   * reference, no send of this client's, read as a sale until the provider's answer says more.
   */
  public static AttemptLookup ofIntentId(String intentId) {
    return builder()
        .providerReference("")
        .kind(TransactionType.SALE)
        .sentAfter(Instant.EPOCH)
        .intentId(intentId)
        .build();
  }

  /**
   * A sale or refund known by its reference alone, whoever sent it and whenever (the lookup before
   * a first attempt).
   */
  public static AttemptLookup ofReference(String providerReference, TransactionType kind) {
    return builder()
        .providerReference(providerReference)
        .kind(kind)
        .sentAfter(Instant.EPOCH)
        .build();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AttemptLookup}. */
  public static final class Builder extends ImmutableAttemptLookup.Builder {
    Builder() {}
  }
}
