package dev.webecr.sdk.testkit.webecr;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Sets {@link WebEcrBehaviour}'s switches by name, for the control API ({@code POST
 * /_fake/behaviour?name=...&value=...}). A bad name or value is refused with the list of what is
 * allowed, never with a Java message.
 */
final class BehaviourSwitches {
  static final List<String> NAMES =
      List.of(
          "single-intent-route (true|false)",
          "transaction-as-object (true|false)",
          "embedded-approved (true|false)",
          "listing-lag (seconds)",
          "late-commit (gateway seconds,commit seconds | off)",
          "refuse-after-commit (400-599 | 0)",
          "voids-on-original (true|false)",
          "void-list-without-timestamp (true|false)",
          "next-links-to (base URL | off)",
          "customer-chooses-iris (true|false)",
          "pos-only-in-transactions (true|false)",
          "list-declined-transactions (true|false)");

  private BehaviourSwitches() {}

  static void set(WebEcrBehaviour b, String name, String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    switch (name == null ? "" : name) {
      case "single-intent-route":
        b.singleIntentRoute(bool(name, v));
        return;
      case "transaction-as-object":
        b.transactionAsObject(bool(name, v));
        return;
      case "embedded-approved":
        b.embeddedApproved(bool(name, v));
        return;
      case "listing-lag":
        b.listingLag(Duration.ofSeconds(number(name, v)));
        return;
      case "late-commit":
        lateCommit(b, v);
        return;
      case "refuse-after-commit":
        b.refuseAfterCommit((int) number(name, v));
        return;
      case "voids-on-original":
        b.voidsOnOriginal(bool(name, v));
        return;
      case "void-list-without-timestamp":
        b.voidListWithoutTimestamp(bool(name, v));
        return;
      case "next-links-to":
        b.nextLinksTo(v.equals("off") || v.isEmpty() ? null : value.trim());
        return;
      case "customer-chooses-iris":
        b.customerChoosesIris(bool(name, v));
        return;
      case "pos-only-in-transactions":
        b.posOnlyInTransactions(bool(name, v));
        return;
      case "list-declined-transactions":
        b.listDeclinedTransactions(bool(name, v));
        return;
      default:
        throw new IllegalArgumentException(
            "no behaviour '" + name + "'; known: " + String.join(", ", NAMES));
    }
  }

  static String describe(WebEcrBehaviour b) {
    return "single-intent-route="
        + b.singleIntentRoute()
        + ", transaction-as-object="
        + b.transactionAsObject()
        + ", embedded-approved="
        + b.embeddedApproved()
        + ", listing-lag="
        + b.listingLag().getSeconds()
        + ", late-commit="
        + (b.gatewayTimeout() == null
            ? "off"
            : b.gatewayTimeout().getSeconds() + "," + b.commitAfter().getSeconds())
        + ", refuse-after-commit="
        + b.refuseAfterCommit()
        + ", voids-on-original="
        + b.voidsOnOriginal()
        + ", void-list-without-timestamp="
        + b.voidListWithoutTimestamp()
        + ", next-links-to="
        + (b.nextLinksTo() == null ? "off" : b.nextLinksTo())
        + ", customer-chooses-iris="
        + b.customerChoosesIris()
        + ", pos-only-in-transactions="
        + b.posOnlyInTransactions()
        + ", list-declined-transactions="
        + b.listDeclinedTransactions();
  }

  private static void lateCommit(WebEcrBehaviour b, String v) {
    if (v.equals("off")) {
      b.lateCommit(null, null);
      return;
    }
    String[] parts = v.split(",");
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "late-commit takes 'gateway seconds,commit seconds' (e.g. 70,30) or 'off'");
    }
    b.lateCommit(
        Duration.ofSeconds(number("late-commit", parts[0].trim())),
        Duration.ofSeconds(number("late-commit", parts[1].trim())));
  }

  private static boolean bool(String name, String v) {
    if (v.equals("true") || v.equals("false")) {
      return Boolean.parseBoolean(v);
    }
    throw new IllegalArgumentException(name + " takes true or false, not '" + v + "'");
  }

  private static long number(String name, String v) {
    try {
      long n = Long.parseLong(v);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException(
        name + " takes a whole number of 0 or more, not '" + v + "'");
  }
}
