package dev.webecr.sdk.testkit.webecr;

import dev.webecr.sdk.testkit.InjectedFault;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The QA control API under {@code /_fake/} (JSON; the testkit README lists it with curl examples)
 * and the QA page itself ({@code /} and {@code /_fake/}, static files shipped in the jar). Every
 * operation is one of {@link FakeControl}'s. Paths never clash with WebECR's, which live under
 * {@code /api/}.
 */
final class FakeControlRoutes {
  static final String PREFIX = "/_fake/";
  private static final String PAGE = "qa/";
  private static final Map<String, String> FILES =
      Map.of(
          "index.html", "text/html; charset=utf-8",
          "qa.js", "text/javascript; charset=utf-8",
          "qa.css", "text/css; charset=utf-8");

  private final FakeControl control;

  FakeControlRoutes(FakeControl control) {
    this.control = control;
  }

  /** An answer with its content type. */
  static final class Answer {
    final int status;
    final String contentType;
    final String body;

    Answer(int status, String contentType, String body) {
      this.status = status;
      this.contentType = contentType;
      this.body = body;
    }

    static Answer json(int status, Object value) {
      return new Answer(status, "application/json", FakeJson.write(value));
    }
  }

  /** True for the paths this class answers. */
  static boolean handles(String path) {
    return path.equals("/") || path.equals("/_fake") || path.startsWith(PREFIX);
  }

  Answer handle(String method, String path, Map<String, String> query) {
    String rest = path.length() <= PREFIX.length() ? "" : path.substring(PREFIX.length());
    try {
      if (method.equals("GET")) {
        return get(rest, query);
      }
      if (method.equals("POST")) {
        return post(rest.split("/"), query);
      }
      return error(405, "use GET or POST");
    } catch (IllegalArgumentException e) {
      return error(400, e.getMessage());
    } catch (IllegalStateException e) {
      return error(409, e.getMessage());
    }
  }

  private Answer get(String rest, Map<String, String> query) {
    if (rest.isEmpty()) {
      return file("index.html");
    }
    if (FILES.containsKey(rest)) {
      return file(rest);
    }
    if (rest.equals("terminals")) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("redeemCode", FakeTerminals.REDEEM_CODE);
      out.put("terminals", control.terminals());
      return Answer.json(200, out);
    }
    if (rest.equals("requests")) {
      int limit = (int) number("limit", query.getOrDefault("limit", "50"));
      return Answer.json(200, Map.of("requests", control.requests(limit)));
    }
    return error(404, "no such control resource: " + rest);
  }

  private Answer post(String[] parts, Map<String, String> query) {
    switch (parts[0]) {
      case "terminals":
        return parts.length == 1 ? added(query) : terminal(parts, query);
      case "reset":
        control.reset();
        return ok();
      case "redeem-code":
        return Answer.json(200, Map.of("code", control.newRedeemCode()));
      case "api-keys":
        if (query.containsKey("key")) { // one pairing; without it, every one
          control.revokeApiKey(query.get("key"));
          return Answer.json(200, Map.of("revoked", 1));
        }
        return Answer.json(200, Map.of("revoked", control.revokeApiKeys()));
      case "behaviour":
        BehaviourSwitches.set(
            control.behaviour(), required(query, "name"), required(query, "value"));
        return ok();
      case "faults":
        control.inject(
            choice(Endpoint.class, "endpoint", required(query, "endpoint")),
            fault(required(query, "fault")));
        return ok();
      default:
        return error(404, "no such control operation: " + parts[0]);
    }
  }

  private Answer added(Map<String, String> query) {
    FakeTerminal t =
        control.addTerminal(
            query.getOrDefault("label", "QA till"),
            choice(TerminalProfile.class, "profile", query.getOrDefault("profile", "MANUAL")));
    return Answer.json(200, Map.of("tid", t.tid(), "callId", t.callId()));
  }

  private Answer terminal(String[] parts, Map<String, String> query) {
    if (parts.length != 3) {
      return error(404, "use /_fake/terminals/{tid}/{action}");
    }
    String tid = parts[1]; // an unknown TID is the fake's IllegalArgumentException: a 400
    switch (parts[2]) {
      case "profile":
        control.profile(tid, choice(TerminalProfile.class, "profile", required(query, "profile")));
        return ok();
      case "close-batch":
        control.closeBatch(tid);
        return ok();
      case "approve-after":
        control.approveAfter(
            tid, Duration.ofSeconds(number("seconds", required(query, "seconds"))));
        return ok();
      default:
        TerminalAction action;
        try {
          action = TerminalAction.fromWire(parts[2]);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "no terminal action '"
                  + parts[2]
                  + "': use profile, close-batch, approve-after or one of "
                  + java.util.Arrays.stream(TerminalAction.values())
                      .map(TerminalAction::wire)
                      .collect(java.util.stream.Collectors.joining(", ")));
        }
        control.press(tid, action);
        return ok();
    }
  }

  /**
   * {@code reset}, {@code reset-after}, {@code malformed}, {@code delay-<ms>}, {@code <status>}.
   */
  private static InjectedFault fault(String name) {
    if (name.equals("reset")) {
      return InjectedFault.resetBeforeProcessing();
    }
    if (name.equals("reset-after")) {
      return InjectedFault.resetAfterProcessing();
    }
    if (name.equals("malformed")) {
      return InjectedFault.malformedBody();
    }
    try {
      if (name.startsWith("delay-")) {
        return InjectedFault.delay(Duration.ofMillis(Long.parseLong(name.substring(6))));
      }
      int status = Integer.parseInt(name);
      if (status >= 100 && status <= 599) {
        return InjectedFault.status(status, null);
      }
    } catch (NumberFormatException e) {
      // named below
    }
    throw new IllegalArgumentException(
        "fault: '"
            + name
            + "' is not one of reset, reset-after, malformed, delay-<milliseconds>, <status 100-599>");
  }

  /** {@code value} as a constant of {@code type}, any case; a bad one names the ones allowed. */
  private static <E extends Enum<E>> E choice(Class<E> type, String parameter, String value) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          parameter
              + ": '"
              + value
              + "' is not one of "
              + java.util.Arrays.stream(type.getEnumConstants())
                  .map(Enum::name)
                  .collect(java.util.stream.Collectors.joining(", ")));
    }
  }

  private static long number(String parameter, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(parameter + ": '" + value + "' is not a whole number");
    }
  }

  private static String required(Map<String, String> query, String name) {
    String v = query.get(name);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("missing query parameter '" + name + "'");
    }
    return v;
  }

  private static Answer ok() {
    return Answer.json(200, Map.of("ok", true));
  }

  private static Answer error(int status, String message) {
    return Answer.json(status, Map.of("error", String.valueOf(message)));
  }

  private static Answer file(String name) {
    try (InputStream in = FakeControlRoutes.class.getResourceAsStream(PAGE + name)) {
      if (in == null) {
        return error(404, "missing " + name);
      }
      return new Answer(
          200, FILES.get(name), new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
