package dev.webecr.sdk.viva.internal;

import dev.webecr.sdk.ProviderRejectedException;
import java.util.List;
import java.util.Map;

/** What Viva answered to one call: its status and its body as text (empty when none). */
final class VivaAnswer {
  /** The body Viva sends with an expired or unknown token, whatever the status [CODE VC5]. */
  static final String EXPIRED_TOKEN = "Could not validate credentials";

  final int code;
  final String body;

  /** The {@code Retry-After} header in whole seconds; -1 when absent or not a number. */
  final long retryAfterSeconds;

  VivaAnswer(int code, String body) {
    this(code, body, null);
  }

  VivaAnswer(int code, String body, String retryAfter) {
    this.code = code;
    this.body = body;
    long seconds = -1;
    if (retryAfter != null && retryAfter.trim().matches("\\d{1,6}")) {
      seconds = Long.parseLong(retryAfter.trim());
    }
    this.retryAfterSeconds = seconds;
  }

  boolean isSuccessful() {
    return code >= 200 && code < 300;
  }

  /** This answer when it is a success; else the SDK's refusal (5xx and 429 retryable). */
  VivaAnswer successful(String what) {
    if (isSuccessful()) {
      return this;
    }
    String d = detail();
    throw new ProviderRejectedException(
        what + ": Viva answered HTTP " + code + (d.isEmpty() ? "" : ": " + d),
        code,
        null,
        code >= 500 || code == 429);
  }

  /** True for the answer to a call whose token Viva no longer takes. */
  boolean tokenRefused() {
    return body.contains(EXPIRED_TOKEN);
  }

  /** Viva's {@code detail}, a string or the first of a list, for messages; one line, short. */
  String detail() {
    try {
      Object parsed = VivaJson.parse(body);
      Object detail = parsed instanceof Map ? ((Map<?, ?>) parsed).get("detail") : null;
      if (detail instanceof List && !((List<?>) detail).isEmpty()) {
        detail = ((List<?>) detail).get(0);
      }
      String text = detail == null ? "" : String.valueOf(detail).replaceAll("[\\r\\n\\t]+", " ");
      return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    } catch (UnreadableAnswer e) {
      return "";
    }
  }
}
