package dev.webecr.sdk.testkit.viva;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Viva fake's QA side under {@code /_fake/} (no credentials: a local test server): the page
 * where QA press the manual terminal's buttons (16000008), the sessions as JSON, and one POST per
 * button. Paths never clash with Viva's, which live under {@code /ecr/}. Called with the fake's
 * lock held.
 */
final class FakeVivaControl {
  static final String PREFIX = "/_fake/";
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);
  private static final Map<String, Integer> BUTTONS =
      Map.of("approve", 0, "decline", 1006, "cancel", 1000);

  private final FakeVivaServer f;

  FakeVivaControl(FakeVivaServer f) {
    this.f = f;
  }

  static boolean handles(String path) {
    return path.equals("/_fake") || path.startsWith(PREFIX);
  }

  FakeVivaReply handle(String method, String path) throws IOException {
    String rest = path.length() <= PREFIX.length() ? "" : path.substring(PREFIX.length());
    if (method.equals("GET") && rest.isEmpty()) {
      return page();
    }
    if (method.equals("GET") && rest.equals("sessions")) {
      return FakeVivaReply.of(200, JSON.toJson(sessions()));
    }
    String[] parts = rest.split("/");
    if (method.equals("POST") && parts.length == 3 && parts[0].equals("sessions")) {
      Integer eventId = BUTTONS.get(parts[2]);
      FakeVivaSession s = f.current.get(parts[1]);
      if (eventId == null || s == null) {
        return FakeVivaReply.of(404, "{\"error\":\"no such session or button\"}");
      }
      if (!s.decide(eventId, f.clock.instant())) {
        return FakeVivaReply.of(
            409, "{\"error\":\"not waiting for a person (another terminal, or it ended)\"}");
      }
      f.events.ended(s);
      return FakeVivaReply.of(200, JSON.toJson(row(s, f.clock.instant())));
    }
    return FakeVivaReply.of(404, "{\"error\":\"unknown control path\"}");
  }

  private List<Object> sessions() {
    Instant now = f.clock.instant();
    List<Object> out = new ArrayList<>();
    List<FakeVivaSession> all = f.all;
    for (int i = all.size() - 1; i >= 0 && out.size() < 50; i--) {
      out.add(row(all.get(i), now));
    }
    return out;
  }

  private static Map<String, Object> row(FakeVivaSession s, Instant now) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("sessionId", s.sessionId);
    r.put("terminalId", s.terminalId);
    r.put("kind", s.kind);
    r.put("amount", s.amount);
    r.put(
        "waitingForPerson",
        FakeVivaTerminal.MANUAL.terminalId().equals(s.terminalId) && !s.isFinal(now));
    r.put(
        "state",
        !s.isFinal(now)
            ? "running"
            : s.eventId(now) == 0 ? "approved" : "failed " + s.eventId(now));
    return r;
  }

  private static FakeVivaReply page() throws IOException {
    try (InputStream in = FakeVivaControl.class.getResourceAsStream("qa.html")) {
      if (in == null) {
        return FakeVivaReply.of(500, "{\"error\":\"the QA page is missing from the jar\"}");
      }
      return FakeVivaReply.of(200, new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .header("Content-Type", "text/html; charset=utf-8");
    }
  }
}
