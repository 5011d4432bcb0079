package dev.webecr.sdk.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * Switches for the fake WebECR's behaviour where public evidence about the real service is split or
 * silent. The defaults are what evidence shows, or, where it is silent, the choice that hurts a
 * client most; each switch turns on a variant that real deployments are known or suspected to show.
 * Thread-safe; changes apply to the next request.
 *
 * <pre>{@code
 * server.fake().behaviour().singleIntentRoute(false).listingLag(Duration.ofSeconds(5));
 * }</pre>
 */
public final class WebEcrBehaviour {
  private volatile boolean singleIntentRoute = true;
  private volatile boolean transactionAsObject;
  private volatile Duration listingLag = Duration.ZERO;
  private volatile boolean listDeclinedTransactions;
  private volatile Duration dialogueTime = DEFAULT_DIALOGUE;
  private volatile Duration preloadOpenedAfter;
  private volatile boolean directMode;
  private static final Duration DEFAULT_DIALOGUE = Duration.ofSeconds(3);

  WebEcrBehaviour() {}

  /**
   * Whether {@code GET transactionintent/{id}/} answers; default true. Off, it answers 404: only
   * second-hand notes mention the route, and the production ERP polls the filtered list.
   */
  public WebEcrBehaviour singleIntentRoute(boolean served) {
    this.singleIntentRoute = served;
    return this;
  }

  /** Whether it answers; see {@link #singleIntentRoute(boolean)}. */
  public boolean singleIntentRoute() {
    return singleIntentRoute;
  }

  /**
   * Whether an intent's {@code Transaction} is an object with the card data (as in the C# client
   * and the v2.5.13 notes) instead of the record's integer id (the PHP ERP); default false.
   */
  public WebEcrBehaviour transactionAsObject(boolean asObject) {
    this.transactionAsObject = asObject;
    return this;
  }

  /** Whether {@code Transaction} is an object. */
  public boolean transactionAsObject() {
    return transactionAsObject;
  }

  /**
   * How long after its creation (on the fake's clock) a new intent starts to appear in the filtered
   * lists of {@code transactionintent/}; default zero. The single-intent route sees it at once.
   * Real read-after-write lag is unknown; a client must not take an empty list at once as proof
   * that a create never arrived.
   */
  public WebEcrBehaviour listingLag(Duration lag) {
    Objects.requireNonNull(lag, "lag == null");
    if (lag.isNegative()) {
      throw new IllegalArgumentException("lag must not be negative");
    }
    this.listingLag = lag;
    return this;
  }

  /** The listing lag. */
  public Duration listingLag() {
    return listingLag;
  }

  /**
   * Whether {@code transaction/} also lists the host's declined authorisations, with {@code
   * Approved: false}; default false (only approved ones, voided ones flagged).
   */
  public WebEcrBehaviour listDeclinedTransactions(boolean list) {
    this.listDeclinedTransactions = list;
    return this;
  }

  /** Whether declined transactions are listed. */
  public boolean listDeclinedTransactions() {
    return listDeclinedTransactions;
  }

  /**
   * How long a terminal's ordinary dialogue takes (default 3 s: SENT after a third, then the
   * profile's result); the slow, late and silent profiles keep their own times. Shorter for load
   * tests on the real clock; it applies to intents created from now on.
   */
  public WebEcrBehaviour dialogueTime(Duration time) {
    Objects.requireNonNull(time, "time == null");
    if (time.compareTo(Duration.ofMillis(3)) < 0) {
      throw new IllegalArgumentException("dialogue time must be at least 3 ms");
    }
    this.dialogueTime = time;
    return this;
  }

  /** The dialogue time. */
  public Duration dialogueTime() {
    return dialogueTime;
  }

  /**
   * When set, every preloaded payment is opened by the operator this long after it arrives (for
   * tests on virtual time); default none: it waits for {@link FakeControl#openPreloaded}.
   */
  public WebEcrBehaviour preloadOpenedAfter(Duration after) {
    this.preloadOpenedAfter = Objects.requireNonNull(after, "after == null");
    return this;
  }

  /** When preloaded payments open by themselves; null: only by hand. */
  public Duration preloadOpenedAfter() {
    return preloadOpenedAfter;
  }

  /**
   * Direct mode: the account owns the terminals, so calls without {@code X-Api-Key} are served (a
   * key, when sent, must still be valid). Default off: every terminal call needs a key.
   */
  public WebEcrBehaviour directMode(boolean direct) {
    this.directMode = direct;
    return this;
  }

  /** Whether calls without an API key are served. */
  public boolean directMode() {
    return directMode;
  }

  /** Back to the defaults. */
  public WebEcrBehaviour reset() {
    dialogueTime = DEFAULT_DIALOGUE;
    singleIntentRoute = true;
    transactionAsObject = false;
    listingLag = Duration.ZERO;
    listDeclinedTransactions = false;
    preloadOpenedAfter = null;
    directMode = false;
    return this;
  }

  @Override
  public String toString() {
    return "WebEcrBehaviour{singleIntentRoute="
        + singleIntentRoute
        + ", transactionAsObject="
        + transactionAsObject
        + ", listingLag="
        + listingLag
        + ", listDeclinedTransactions="
        + listDeclinedTransactions
        + "}";
  }
}
