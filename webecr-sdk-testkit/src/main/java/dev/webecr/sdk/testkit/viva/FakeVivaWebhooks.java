package dev.webecr.sdk.testkit.viva;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The fake's webhooks (viva-cloud-terminal §13, §17 #12, #13): the verification key, the merchant
 * enabling a URL, and the posts as {@link FakeVivaEvents} says: each session's outcome once it
 * ends, on the fake's scheduler, never with the fake's lock held (the ERP reads the session back at
 * once). PascalCase, as Viva's own events.
 */
public final class FakeVivaWebhooks {
  private static final com.squareup.moshi.JsonAdapter<Object> JSON =
      new Moshi.Builder().build().adapter(Object.class);
  private final Object lock;
  private final Clock clock;
  private final FakeVivaEvents plan;
  private final ScheduledExecutorService scheduler;
  private final String key = "fake-webhook-key-" + Long.toHexString(new Random().nextLong());
  private volatile FakeVivaWebhookTarget target;
  private int posts;
  private int delivered;
  private int dropped;
  private int refused;

  FakeVivaWebhooks(
      Object lock, Clock clock, FakeVivaEvents plan, ScheduledExecutorService scheduler) {
    this.lock = lock;
    this.clock = clock;
    this.plan = plan;
    this.scheduler = scheduler;
  }

  /** The key the key endpoint gives the merchant, and the fake expects back from the ERP's URL. */
  public String key() {
    return key;
  }

  /**
   * The merchant asks Viva to post to {@code target}: the fake GETs it first and posts nothing
   * unless it answers {@code {"Key": <the key>}}.
   *
   * @throws IllegalStateException when the URL does not answer the key
   */
  public void enable(FakeVivaWebhookTarget target) {
    Objects.requireNonNull(target, "target == null");
    String answer;
    try {
      answer = target.get();
    } catch (IOException e) {
      throw new IllegalStateException("the webhook URL did not answer: " + e, e);
    }
    if (answer == null || !answer.replace(" ", "").contains("\"Key\":\"" + key + "\"")) {
      throw new IllegalStateException("the webhook URL did not answer the verification key");
    }
    this.target = target;
  }

  /** Posts the ERP answered with a 2xx. */
  public synchronized int delivered() {
    return delivered;
  }

  /** Posts the fake dropped on purpose. */
  public synchronized int dropped() {
    return dropped;
  }

  /** Posts the ERP refused or did not answer (not posted again: Viva's retries are unknown). */
  public synchronized int refused() {
    return refused;
  }

  @Override
  public String toString() {
    return "FakeVivaWebhooks{delivered=" + delivered + ", dropped=" + dropped + ", key=****}";
  }

  /** A session was stored: its event follows its end; a copy may go before the create's answer. */
  void created(FakeVivaSession s, FakeVivaReply answer) {
    if (target == null || s.endsAt() == null) {
      return;
    }
    if (plan.beforeCreateAnswer) {
      List<String> early = events(s, s.endsAt());
      answer.first(() -> post(early));
    }
    schedule(s);
  }

  /** A session a person ended just now: its event follows. */
  void ended(FakeVivaSession s) {
    if (target != null && s.endsAt() != null) {
      schedule(s);
    }
  }

  private void schedule(FakeVivaSession s) {
    Instant due = s.endsAt().plus(plan.delay);
    long millis = Math.max(0, Duration.between(clock.instant(), due).toMillis());
    scheduler.schedule(() -> fire(s), millis, TimeUnit.MILLISECONDS);
  }

  private void fire(FakeVivaSession s) {
    List<String> bodies;
    synchronized (lock) {
      Instant now = clock.instant();
      if (!s.isFinal(now)) {
        if (s.endsAt() != null) {
          schedule(s); // its end moved (an abort, a slow card): wait for it
        }
        return;
      }
      bodies = events(s, now);
    }
    post(bodies);
  }

  private List<String> events(FakeVivaSession s, Instant at) {
    Map<String, Object> body = s.body(at);
    boolean success = Boolean.TRUE.equals(body.get("success"));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < plan.copies; i++) {
      out.add(event(body, success, success));
    }
    if (success && plan.stray1803) {
      out.add(event(body, false, false));
    }
    return out;
  }

  private String event(Map<String, Object> s, boolean paid, boolean success) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("SessionId", s.get("sessionId"));
    data.put("TerminalId", s.get("terminalId"));
    data.put("Success", success);
    data.put("EventId", success ? 0 : s.get("eventId"));
    long cents = ((Number) s.get("amount")).longValue();
    data.put("Amount", plan.amountInCents ? (double) cents : cents / 100.0);
    data.put("TipAmount", s.get("tipAmount"));
    data.put("Message", s.get("message"));
    data.put("TransactionId", s.get("transactionId"));
    data.put("AbortSuccess", s.get("abortSuccess"));
    data.put("AbortOperation", s.get("abortOperation"));
    data.put("Preauth", s.get("preauth"));
    if (paid) {
      data.put("MerchantTrns", s.get("merchantReference")); // 1803 lacks it (odoo#171764)
    }
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("EventTypeId", paid ? 1802 : 1803);
    e.put("Created", clock.instant().toString());
    e.put("EventData", data);
    return JSON.toJson(e);
  }

  private void post(List<String> bodies) {
    FakeVivaWebhookTarget to = target;
    for (String body : bodies) {
      synchronized (this) {
        if (plan.dropEvery > 0 && ++posts % plan.dropEvery == 0) {
          dropped++;
          continue;
        }
      }
      try {
        int status = to.post(body);
        synchronized (this) {
          if (status / 100 == 2) {
            delivered++;
          } else {
            refused++;
          }
        }
      } catch (IOException | RuntimeException e) {
        synchronized (this) {
          refused++; // Viva's retries are not known: the fake does not retry
        }
      }
    }
  }
}
