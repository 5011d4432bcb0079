package dev.webecr.sdk.testkit.webecr;

import dev.webecr.sdk.Money;
import java.util.List;
import java.util.Optional;

/**
 * The fakes' magic terminals and amounts: the one table QA needs.
 *
 * <table>
 *   <caption>Terminals seeded in every fake (one redeem code, {@value #REDEEM_CODE}, pairs all)</caption>
 *   <tr><th>TID</th><th>call id</th><th>profile</th></tr>
 *   <tr><td>10000001</td><td>358001</td><td>APPROVE</td></tr>
 *   <tr><td>10000002</td><td>358002</td><td>DECLINE</td></tr>
 *   <tr><td>10000003</td><td>358003</td><td>CANCEL</td></tr>
 *   <tr><td>10000004</td><td>358004</td><td>FAIL</td></tr>
 *   <tr><td>10000005</td><td>358005</td><td>BUSY</td></tr>
 *   <tr><td>10000006</td><td>358006</td><td>APPROVE, then MAX_TRANSACTIONS after
 *       {@value #BATCH_LIMIT} approved in a batch (until the batch is closed)</td></tr>
 *   <tr><td>10000007</td><td>358007</td><td>NO_ANSWER</td></tr>
 *   <tr><td>10000008</td><td>358008</td><td>SLOW</td></tr>
 *   <tr><td>10000009</td><td>358009</td><td>LATE</td></tr>
 * </table>
 *
 * <table>
 *   <caption>Amounts that override the terminal's profile for one payment</caption>
 *   <tr><th>amount</th><th>profile</th></tr>
 *   <tr><td>9.99 EUR</td><td>DECLINE (as Mellon's simulator)</td></tr>
 *   <tr><td>22.22 EUR</td><td>SLOW: approved after 150 s (as Mellon's simulator)</td></tr>
 *   <tr><td>13.13 EUR</td><td>LATE: connection lost during approval (as Mellon's simulator)</td></tr>
 *   <tr><td>any .91</td><td>DECLINE</td></tr>
 *   <tr><td>any .92</td><td>CANCEL</td></tr>
 *   <tr><td>any .93</td><td>FAIL</td></tr>
 *   <tr><td>any .94</td><td>BUSY</td></tr>
 *   <tr><td>any .95</td><td>MAX_TRANSACTIONS</td></tr>
 *   <tr><td>any .96</td><td>NO_ANSWER</td></tr>
 *   <tr><td>any .97</td><td>SLOW</td></tr>
 *   <tr><td>any .98</td><td>LATE</td></tr>
 * </table>
 */
public final class FakeTerminals {
  /** The redeem code that pairs every seeded terminal. */
  public static final String REDEEM_CODE = "12345678";

  /** Approved payments a batch of terminal 10000006 holds before MAX_TRANSACTIONS. */
  public static final int BATCH_LIMIT = 3;

  /** The TID of the always-approving terminal. */
  public static final String APPROVING_TID = "10000001";

  private static final List<TerminalProfile> BY_TID =
      List.of(
          TerminalProfile.APPROVE,
          TerminalProfile.DECLINE,
          TerminalProfile.CANCEL,
          TerminalProfile.FAIL,
          TerminalProfile.BUSY,
          TerminalProfile.APPROVE,
          TerminalProfile.NO_ANSWER,
          TerminalProfile.SLOW,
          TerminalProfile.LATE);

  private FakeTerminals() {}

  /** The TID of the seeded terminal with this profile (APPROVE: {@value #APPROVING_TID}). */
  public static String tidOf(TerminalProfile profile) {
    if (profile == TerminalProfile.MAX_TRANSACTIONS) {
      return "10000006";
    }
    return "1000000" + (BY_TID.indexOf(profile) + 1);
  }

  /** Every seeded terminal: TID, call id, profile and batch limit. */
  public static List<FakeTerminal> seeded() {
    List<FakeTerminal> out = new java.util.ArrayList<>();
    for (int i = 0; i < BY_TID.size(); i++) {
      String n = String.valueOf(i + 1);
      out.add(
          FakeTerminal.builder()
              .tid("1000000" + n)
              .callId("35800" + n)
              .label("Fake till " + n)
              .profile(BY_TID.get(i))
              .batchLimit(i == 5 ? BATCH_LIMIT : Integer.MAX_VALUE)
              .build());
    }
    return out;
  }

  /** The profile an amount forces, if any (see the table). */
  public static Optional<TerminalProfile> profileForAmount(Money amount) {
    long cents = amount.minorUnits();
    if (cents == 999) {
      return Optional.of(TerminalProfile.DECLINE);
    }
    if (cents == 2222) {
      return Optional.of(TerminalProfile.SLOW);
    }
    if (cents == 1313) {
      return Optional.of(TerminalProfile.LATE);
    }
    switch ((int) (cents % 100)) {
      case 91:
        return Optional.of(TerminalProfile.DECLINE);
      case 92:
        return Optional.of(TerminalProfile.CANCEL);
      case 93:
        return Optional.of(TerminalProfile.FAIL);
      case 94:
        return Optional.of(TerminalProfile.BUSY);
      case 95:
        return Optional.of(TerminalProfile.MAX_TRANSACTIONS);
      case 96:
        return Optional.of(TerminalProfile.NO_ANSWER);
      case 97:
        return Optional.of(TerminalProfile.SLOW);
      case 98:
        return Optional.of(TerminalProfile.LATE);
      default:
        return Optional.empty();
    }
  }
}
