package dev.webecr.sdk.viva.internal;

import java.util.Optional;

/**
 * A webhook's event (viva-cloud-terminal §13), read leniently: {@code EventTypeId} 1802 or 1803,
 * and the session and terminal its {@code EventData} names. Nothing else of it is used: the body is
 * not signed, so it only says which session to read.
 */
public final class WebhookEvent {
  private final String sessionId;
  private final String terminalId;

  private WebhookEvent(String sessionId, String terminalId) {
    this.sessionId = sessionId;
    this.terminalId = terminalId;
  }

  /** The event, when {@code body} is a 1802 or 1803 naming a session and a terminal. */
  public static Optional<WebhookEvent> parse(String body) {
    try {
      VivaJson event = VivaJson.object(body);
      long type = event.number("EventTypeId").orElse(0L);
      if (type != 1802 && type != 1803) {
        return Optional.empty();
      }
      VivaJson data = event.child("EventData").orElse(null);
      if (data == null) {
        return Optional.empty();
      }
      Optional<String> session = data.text("SessionId").filter(s -> !s.isBlank());
      Optional<String> terminal = data.text("TerminalId").filter(s -> !s.isBlank());
      return session.isPresent() && terminal.isPresent()
          ? Optional.of(new WebhookEvent(session.get(), terminal.get()))
          : Optional.empty();
    } catch (UnreadableAnswer e) {
      return Optional.empty();
    }
  }

  /** The session: the SDK's attempt reference. */
  public String sessionId() {
    return sessionId;
  }

  /** The terminal, as its call id. */
  public String terminalId() {
    return terminalId;
  }
}
