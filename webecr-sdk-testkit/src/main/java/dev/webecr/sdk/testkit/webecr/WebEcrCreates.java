package dev.webecr.sdk.testkit.webecr;

import static dev.webecr.sdk.testkit.webecr.FakeJson.error;
import static dev.webecr.sdk.testkit.webecr.FakeJson.intField;
import static dev.webecr.sdk.testkit.webecr.FakeJson.longField;
import static dev.webecr.sdk.testkit.webecr.FakeJson.ok;
import static dev.webecr.sdk.testkit.webecr.FakeJson.stringOrNull;

import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.testkit.TestClock;
import dev.webecr.sdk.testkit.webecr.WebEcrRoutes.Reply;
import dev.webecr.sdk.testkit.webecr.WebEcrRoutes.Request;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The fake's creates ({@code txninit}, {@code txnvoid}): what WebECR is known to do (a repeated
 * reference makes a new intent; a void carries no reference; a host refuses a second void and a
 * refund of a voided transaction), with the worst cases {@link WebEcrBehaviour} switches on: a
 * gateway that gives up while the backend commits later, a refusal after the commit.
 */
final class WebEcrCreates {
  private static final int MAX_TXN_TYPE = 9;

  private final FakeWebEcr fake;

  WebEcrCreates(FakeWebEcr fake) {
    this.fake = fake;
  }

  Reply txnInit(Request r, FakeTerminal terminal) {
    Map<String, Object> b = FakeJson.body(r.body);
    int type = intField(b, "TxnType", 0);
    if (type < 0 || type > MAX_TXN_TYPE) {
      throw new FakeJson.BadRequest("TxnType", "\"" + type + "\" is not a valid choice.");
    }
    long amount = longField(b, "Amount");
    if (amount <= 0) {
      throw new FakeJson.BadRequest("Amount", "Ensure this value is greater than 0.");
    }
    String reference = FakeJson.reference(b);
    Object providerData = b.get("ProviderData");
    if (providerData != null && !(providerData instanceof Map)) { // absent: an unsigned series
      throw new FakeJson.BadRequest("ProviderData", "Expected a dictionary of items.");
    }
    String initial = stringOrNull(b.get("InitialTransaction"));
    if (initial != null
        && type == 1
        && originalOf(initial).map(FakeIntent::voidTaken).orElse(false)) {
      throw new FakeJson.BadRequest("InitialTransaction", "The transaction has been voided.");
    }
    WebEcrBehaviour behaviour = fake.behaviour();
    Runnable commit = () -> commit(terminal, type, amount, reference, initial, b);
    if (behaviour.gatewayTimeout() != null) {
      return gatewayGivesUp(behaviour, commit);
    }
    FakeIntent intent = commit(terminal, type, amount, reference, initial, b);
    if (behaviour.refuseAfterCommit() != 0) {
      return error(behaviour.refuseAfterCommit(), "detail", "Request refused.");
    }
    return waited(intent, b);
  }

  private FakeIntent commit(
      FakeTerminal terminal,
      int type,
      long amount,
      String reference,
      String initial,
      Map<String, Object> b) {
    Object inst = b.get("Instalments");
    FakeIntent intent =
        fake.create(
            terminal,
            KIND_BY_TXN_TYPE.get(type),
            type,
            amount,
            intField(b, "CurrencyCode", 978),
            reference,
            inst == null ? null : ((Number) inst).intValue(),
            null,
            initial);
    FakeTxnOptions.apply(intent, b, fake.clock().instant(), fake.behaviour());
    return intent;
  }

  /**
   * The gateway holds the create for its timeout and answers 504; the backend commits it later
   * ({@link FakeTime}: virtual time is moved, real time waited out).
   */
  private Reply gatewayGivesUp(WebEcrBehaviour behaviour, Runnable commit) {
    Instant now = fake.clock().instant();
    Instant gaveUp = now.plus(behaviour.gatewayTimeout());
    Instant due = gaveUp.plus(behaviour.commitAfter());
    fake.lateCommits.add(due, () -> fake.createdAt(due, commit));
    String body = "<html><body><h1>504 Gateway Time-out</h1></body></html>";
    return new Reply(504, body, fake.time.passUntil(gaveUp));
  }

  /** The intent a refund's {@code InitialTransaction} names: its record id or TransactionId. */
  private Optional<FakeIntent> originalOf(String initial) {
    for (FakeIntent i : fake.intents()) {
      if (i.transactionRecordId().equals(initial) || i.transactionId().equals(initial)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /** The fake's own reading of TxnType (the SDK keeps its table elsewhere; they must agree). */
  private static final java.util.List<TransactionType> KIND_BY_TXN_TYPE =
      java.util.List.of(
          TransactionType.SALE,
          TransactionType.REFUND,
          TransactionType.PRE_AUTHORISATION,
          TransactionType.PRE_AUTH_COMPLETION,
          TransactionType.MAIL_ORDER,
          TransactionType.CASH_ADVANCE,
          TransactionType.CARD_PAYMENT,
          TransactionType.BILL_PAYMENT,
          TransactionType.OTHER_PAYMENT,
          TransactionType.PRE_PAYMENT);

  /** The create's answer as it stands when its server-side wait ends. */
  private Reply waited(FakeIntent intent, Map<String, Object> body) {
    Instant due = answerDue(intent, body.get("Timeout") == null ? 0 : longField(body, "Timeout"));
    Reply shown = ok(WebEcrViews.intent(intent, due, fake.behaviour()));
    return new Reply(shown.status, shown.body, fake.time.passUntil(due));
  }

  /** A void: the real body has no CustomerReference, so the void intent has none either. */
  Reply txnVoid(Request r, FakeTerminal terminal) {
    Map<String, Object> b = FakeJson.body(r.body);
    String original = stringOrNull(b.get("OriginalIdentifier"));
    int kind = intField(b, "OriginalIdentifierType", 1);
    Optional<FakeIntent> o =
        original == null
            ? Optional.empty()
            : kind == 2 ? fake.byTransactionId(original) : fake.intent(original);
    if (o.isEmpty()) {
      throw new FakeJson.BadRequest(
          "OriginalIdentifier", "No transaction matches the given identifier.");
    }
    if (o.get().voidTaken()) { // as a host does: one void per transaction
      throw new FakeJson.BadRequest("OriginalIdentifier", "The transaction is already voided.");
    }
    FakeIntent intent =
        fake.create(
            terminal,
            TransactionType.VOID,
            -1,
            o.get().cents,
            o.get().currencyCode,
            null,
            null,
            o.get(),
            String.valueOf(o.get().id));
    if (o.get().batch != o.get().terminal.batchNumber()) {
      // [assumed] a transaction of a closed batch cannot be voided: the host declines it
      Instant now = fake.clock().instant();
      boolean counted = intent.charges();
      intent.decide(TerminalAction.DECLINE, now, now);
      if (counted) {
        terminal.countApproved(-1);
      }
    }
    return waited(intent, b);
  }

  /**
   * When a create's answer is due under WebECR's {@code Timeout}: once the terminal finishes or
   * {@code seconds} (at most 180) pass on the fake's clock, whichever is first. On a {@link
   * TestClock} the fake moves virtual time there itself (nothing else can while the caller waits)
   * and the answer is due at once; on a real clock the server delays the answer to then without
   * holding a thread.
   */
  private Instant answerDue(FakeIntent intent, long seconds) {
    Instant now = fake.clock().instant();
    if (seconds <= 0) {
      return now;
    }
    Instant asked = now.plusSeconds(Math.min(seconds, FakeWebEcr.MAX_WAIT_SECONDS));
    // a person may press a key any moment: hold the answer a second at most
    Instant done = intent.awaitsPerson() ? now.plusSeconds(1) : intent.completedAt();
    Instant until = done.isBefore(asked) ? done : asked;
    return until.isAfter(now) ? until : now;
  }
}
