package dev.webecr.sdk.testkit.webecr;

import java.time.Instant;
import java.util.Map;

/**
 * The optional {@code txninit/} fields the fake acts on: {@code PaymentType} (echoed; IRIS gets an
 * end-to-end reference), and {@code PreloadTransaction} with {@code PreloadExpiration} (minutes):
 * the payment then waits on the POS until the operator opens it ({@link FakeControl#openPreloaded})
 * and ends CANCELLED at its expiry [assumed]. Tip, cashback, contact and tax flags are accepted as
 * the real API takes them and change nothing here.
 */
final class FakeTxnOptions {
  private FakeTxnOptions() {}

  static void apply(
      FakeIntent intent, Map<String, Object> body, Instant now, WebEcrBehaviour behaviour) {
    Object type = body.get("PaymentType");
    intent.paymentType = type instanceof Number ? ((Number) type).intValue() : null;
    Object tip = body.get("TipAmount");
    intent.tipCents = tip instanceof Number ? ((Number) tip).longValue() : null;
    if (Boolean.TRUE.equals(body.get("PreloadTransaction"))) {
      Object minutes = body.get("PreloadExpiration");
      long m = minutes instanceof Number ? ((Number) minutes).longValue() : 60;
      if (m <= 0) {
        throw new FakeJson.BadRequest("PreloadExpiration", "Ensure this value is greater than 0.");
      }
      if (intent.charges()) {
        intent.terminal.countApproved(-1); // counted when the operator opens it and it charges
      }
      intent.preloadExpiresAt = now.plusSeconds(m * 60);
      java.time.Duration opens = behaviour.preloadOpenedAfter();
      if (opens != null) {
        intent.openedAt = now.plus(opens); // the operator will open it then
        if (intent.charges()) {
          intent.terminal.countApproved(1);
        }
      }
    }
  }
}
