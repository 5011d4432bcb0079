package dev.webecr.sdk.testkit.webecr;

import java.time.Duration;
import java.util.Objects;

/**
 * Switches for the fake WebECR's behaviour where public evidence about the real service is split or
 * silent. The defaults are what evidence shows, or, where it is silent, the choice that hurts a
 * client most (a listing lag, no single-intent route, an embedded {@code Transaction} without
 * {@code Approved}); each switch turns on a variant that real deployments are known or suspected to
 * show. {@link BehaviourSwitches} sets them by name for the control API. Thread-safe; changes apply
 * to the next request.
 *
 * <pre>{@code
 * server.fake().behaviour().singleIntentRoute(true).listingLag(Duration.ZERO); // the kind variant
 * }</pre>
 */
public final class WebEcrBehaviour {
  private volatile boolean singleIntentRoute;
  private volatile boolean transactionAsObject;
  private volatile boolean embeddedApproved;
  private volatile Duration listingLag = DEFAULT_LAG;
  private volatile Duration gatewayTimeout;
  private volatile Duration commitAfter;
  private volatile int refuseAfterCommit;
  private volatile boolean voidsOnOriginal;
  private volatile boolean voidListWithoutTimestamp;
  private volatile String nextLinksTo;
  private volatile boolean customerChoosesIris;
  private volatile boolean posOnlyInTransactions;
  private static final Duration DEFAULT_LAG = Duration.ofSeconds(5);
  private volatile boolean listDeclinedTransactions;
  private volatile Duration dialogueTime = DEFAULT_DIALOGUE;
  private volatile Duration preloadOpenedAfter;
  private volatile boolean directMode;
  private static final Duration DEFAULT_DIALOGUE = Duration.ofSeconds(3);

  WebEcrBehaviour() {}

  /**
   * Whether {@code GET transactionintent/{id}/} answers; default false (404): only second-hand
   * notes mention the route, and the production ERP polls the filtered list.
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
   * Whether an embedded {@code Transaction} object carries {@code Approved}; default false (the
   * v2.5.13 notes list none): the client must read {@code transaction/} to settle an UNKNOWN.
   */
  public WebEcrBehaviour embeddedApproved(boolean carried) {
    this.embeddedApproved = carried;
    return this;
  }

  /** Whether the embedded object carries {@code Approved}. */
  public boolean embeddedApproved() {
    return embeddedApproved;
  }

  /**
   * A gateway in front of WebECR that holds every {@code txninit} for {@code gatewayTimeout} and
   * answers 504, while the backend commits the intent {@code commitAfter} after that answer; null
   * and null: off (the default).
   */
  public WebEcrBehaviour lateCommit(Duration gatewayTimeout, Duration commitAfter) {
    if ((gatewayTimeout == null) != (commitAfter == null)) {
      throw new IllegalArgumentException("give both durations, or neither to switch it off");
    }
    this.gatewayTimeout = gatewayTimeout;
    this.commitAfter = commitAfter;
    return this;
  }

  /** The gateway's timeout of {@link #lateCommit}, or null when off. */
  public Duration gatewayTimeout() {
    return gatewayTimeout;
  }

  /** How long after the gateway's 504 the intent is committed, or null when off. */
  public Duration commitAfter() {
    return commitAfter;
  }

  /**
   * Every {@code txninit} is processed (the intent exists) and then answered with {@code status}
   * (429, 408, 400 with a bare {@code detail}, ...): a proxy or throttle after the commit. 0: off.
   */
  public WebEcrBehaviour refuseAfterCommit(int status) {
    if (status != 0 && (status < 400 || status > 599)) {
      throw new IllegalArgumentException("status must be 0 (off) or 400-599");
    }
    this.refuseAfterCommit = status;
    return this;
  }

  /** The status of {@link #refuseAfterCommit}, or 0 when off. */
  public int refuseAfterCommit() {
    return refuseAfterCommit;
  }

  /**
   * Voids without a card record of their own: the void's intent echoes its original's {@code
   * TransactionId} and {@code Transaction}, and the original's record is marked {@code Voided} with
   * a {@code VoidTimestamp} once the void is approved. Default false.
   */
  public WebEcrBehaviour voidsOnOriginal(boolean onOriginal) {
    this.voidsOnOriginal = onOriginal;
    return this;
  }

  /** Whether voids are recorded on their original. */
  public boolean voidsOnOriginal() {
    return voidsOnOriginal;
  }

  /** Whether the older void list ({@code terminal/{id}/txnvoid/}) omits {@code Timestamp}. */
  public WebEcrBehaviour voidListWithoutTimestamp(boolean without) {
    this.voidListWithoutTimestamp = without;
    return this;
  }

  /** Whether the void list omits {@code Timestamp}. */
  public boolean voidListWithoutTimestamp() {
    return voidListWithoutTimestamp;
  }

  /**
   * Paging links ({@code next}) point to {@code base} (scheme, host and port, e.g. {@code
   * http://127.0.0.1:1234}) instead of this server; null: this server (the default).
   */
  public WebEcrBehaviour nextLinksTo(String base) {
    this.nextLinksTo = base;
    return this;
  }

  /** Where paging links point, or null for this server. */
  public String nextLinksTo() {
    return nextLinksTo;
  }

  /**
   * Whether the customer pays with IRIS on the terminal whatever the intent's {@code PaymentType}
   * said: the card record says IRIS ({@code PaymentType} 1), the intent does not. Default false.
   */
  public WebEcrBehaviour customerChoosesIris(boolean iris) {
    this.customerChoosesIris = iris;
    return this;
  }

  /** Whether the customer chooses IRIS on the terminal. */
  public boolean customerChoosesIris() {
    return customerChoosesIris;
  }

  /**
   * How long after its creation (on the fake's clock) a new intent starts to appear in the filtered
   * lists of {@code transactionintent/}; default 5 s. The single-intent route sees it at once. Real
   * read-after-write lag is unknown; a client must not take an empty list at once as proof that a
   * create never arrived.
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

  /**
   * Whether a transaction started on the POS (not by an ERP) shows only in {@code transaction/},
   * with no intent in {@code transactionintent/}; default false.
   */
  public WebEcrBehaviour posOnlyInTransactions(boolean only) {
    this.posOnlyInTransactions = only;
    return this;
  }

  /** Whether POS-started transactions show only in {@code transaction/}. */
  public boolean posOnlyInTransactions() {
    return posOnlyInTransactions;
  }

  /** Back to the defaults. */
  public WebEcrBehaviour reset() {
    dialogueTime = DEFAULT_DIALOGUE;
    singleIntentRoute = false;
    transactionAsObject = false;
    embeddedApproved = false;
    listingLag = DEFAULT_LAG;
    gatewayTimeout = null;
    commitAfter = null;
    refuseAfterCommit = 0;
    voidsOnOriginal = false;
    voidListWithoutTimestamp = false;
    nextLinksTo = null;
    customerChoosesIris = false;
    posOnlyInTransactions = false;
    listDeclinedTransactions = false;
    preloadOpenedAfter = null;
    directMode = false;
    return this;
  }

  /** Every switch as {@code name=value}, in the names the control API and {@code --set} take. */
  @Override
  public String toString() {
    return BehaviourSwitches.describe(this);
  }
}
