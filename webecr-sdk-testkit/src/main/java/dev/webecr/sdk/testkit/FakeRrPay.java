package dev.webecr.sdk.testkit;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fake RASO RRPay on the other side of the exchange folder, as {@code
 * shared/contracts/rrpay-handoff.md} describes it: takes requests from {@code outbox/},
 * acknowledges them, "prints" a receipt and answers in {@code inbox/} with the outcome chosen by
 * {@link #nextOutcome}. Same id, same answer; a status inquiry for an unknown id gets {@code
 * not_found}. Writes every file atomically. Runs on its own thread until {@link #close()}.
 */
public final class FakeRrPay implements AutoCloseable {
  /** How the fake ends the next sale. */
  public enum Outcome {
    /** Paid by card (credit 2), card details included. */
    CARD,
    /** Paid in cash (credit 1), rounded to 5 cents with a rounding line. */
    CASH,
    /** 10.00 EUR by card, the rest in cash (rounded). */
    CARD_AND_CASH,
    /** Cancelled before fiscalisation. */
    CANCELLED,
    /** Failed. */
    FAILED,
    /** Acknowledged and printed, but no result comes back (until {@link #deliverResult}). */
    PRINTED_NO_ANSWER,
    /** A result that is not JSON. */
    MALFORMED,
    /** A paid result whose tenders do not add up to the total. */
    WRONG_SUM
  }

  private static final JsonAdapter<Map<String, Object>> JSON = new Moshi.Builder().build()
      .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  private final Path outbox;
  private final Path inbox;
  private final Deque<Outcome> outcomes = new ArrayDeque<>();
  private final Map<String, String> answers = new ConcurrentHashMap<>();
  private final Map<String, String> withheld = new ConcurrentHashMap<>();
  private final Thread worker;
  private volatile boolean running = true;
  private volatile boolean paused;
  private int receipts;

  private FakeRrPay(Path root) {
    try {
      for (String dir : List.of("outbox", "inbox", "done", "rejected")) {
        Files.createDirectories(root.resolve(dir));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.outbox = root.resolve("outbox");
    this.inbox = root.resolve("inbox");
    this.worker = new Thread(this::run, "fake-rrpay");
    worker.setDaemon(true);
  }

  /** Creates the exchange folders under {@code root} and starts answering. */
  public static FakeRrPay start(Path root) {
    FakeRrPay fake = new FakeRrPay(root);
    fake.worker.start();
    return fake;
  }

  /** Creates the exchange folders and does not start: RRPay "is not running". */
  public static Path foldersOnly(Path root) {
    new FakeRrPay(root);
    return root;
  }

  /** The outcome of the next sale (queued; default CARD). */
  public synchronized FakeRrPay nextOutcome(Outcome outcome) {
    outcomes.add(outcome);
    return this;
  }

  /** Stops taking requests (RRPay hangs); {@link #resume()} goes on. */
  public void pause() {
    paused = true;
  }

  /** Takes requests again. */
  public void resume() {
    paused = false;
  }

  /** Sends the result a PRINTED_NO_ANSWER sale withheld. */
  public void deliverResult(String id) {
    String result = withheld.remove(id);
    if (result == null) {
      throw new IllegalStateException("no withheld result for " + id);
    }
    answers.put(id, result);
    write(inbox, id + ".result.json", result);
  }

  /** How many receipts the fake "printed". */
  public synchronized int receipts() {
    return receipts;
  }

  @Override
  public void close() {
    running = false;
    worker.interrupt();
  }

  private void run() {
    while (running) {
      try {
        if (!paused) {
          takeOutbox();
        }
        Thread.sleep(5);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // a half-visible file or a race with the ERP: look again on the next round
      }
    }
  }

  private void takeOutbox() {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(outbox, "*.json")) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        if (name.startsWith(".")) {
          continue;
        }
        String body = Files.readString(f, StandardCharsets.UTF_8);
        Files.deleteIfExists(f);
        handle(name, JSON.fromJson(body));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(String name, Map<String, Object> request) {
    String id = String.valueOf(request.get("id"));
    String type = String.valueOf(request.get("type"));
    if (type.equals("status")) {
      String known = answers.get(id);
      if (known != null) {
        write(inbox, id + ".result.json", known);
      } else if (withheld.containsKey(id)) {
        write(inbox, id + ".ack.json", ack(id));
      } else {
        write(inbox, id + ".result.json", JSON.toJson(Map.of("version", 1, "id", id,
            "outcome", "not_found")));
      }
      return;
    }
    write(inbox, id + ".ack.json", ack(id));
    String known = answers.get(id);
    if (known != null) {
      write(inbox, id + ".result.json", known); // same id, same answer: no second receipt
      return;
    }
    if (withheld.containsKey(id)) {
      return;
    }
    long total = ((Number) request.get("total")).longValue();
    Outcome outcome;
    synchronized (this) {
      outcome = outcomes.isEmpty() ? Outcome.CARD : outcomes.poll();
    }
    if (type.equals("cancel")) {
      outcome = outcome == Outcome.FAILED ? Outcome.FAILED : Outcome.CANCELLED;
    }
    String result = result(id, total, outcome);
    if (outcome == Outcome.PRINTED_NO_ANSWER) {
      withheld.put(id, result);
      return;
    }
    if (outcome != Outcome.MALFORMED) {
      answers.put(id, result);
    }
    write(inbox, id + ".result.json", result);
  }

  private synchronized String result(String id, long total, Outcome outcome) {
    if (outcome == Outcome.MALFORMED) {
      return "{\"version\":1,\"id\":\"" + id + "\",\"outcome\":";
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", 1);
    m.put("id", id);
    if (outcome == Outcome.CANCELLED || outcome == Outcome.FAILED) {
      m.put("outcome", outcome == Outcome.CANCELLED ? "cancelled" : "failed");
      m.put("tenders", List.of());
      return JSON.toJson(m);
    }
    receipts++;
    m.put("outcome", "paid");
    m.put("receipt", Map.of("number", String.format("FK%06d", receipts), "register", "EKA-0001",
        "dateTime", LocalDateTime.of(2026, 11, 22, 12, 0).plusMinutes(receipts).toString()));
    Map<String, Object> card = Map.of("maskedPan", "520000******0007", "authCode", "A" + receipts,
        "terminalId", "T0000001");
    long rounding = 0;
    if (outcome == Outcome.CASH) {
      long paid = Math.round(total / 5.0) * 5;
      rounding = total - paid;
      m.put("tenders", List.of(Map.of("credit", 1, "amount", paid)));
    } else if (outcome == Outcome.CARD_AND_CASH) {
      long byCard = Math.min(1000, total - 1);
      long rest = total - byCard;
      long paid = Math.round(rest / 5.0) * 5;
      rounding = rest - paid;
      m.put("tenders", List.of(Map.of("credit", 2, "amount", byCard, "card", card),
          Map.of("credit", 1, "amount", paid)));
    } else if (outcome == Outcome.WRONG_SUM) {
      m.put("tenders", List.of(Map.of("credit", 2, "amount", total + 100, "card", card)));
    } else {
      m.put("tenders", List.of(Map.of("credit", 2, "amount", total, "card", card)));
    }
    m.put("rounding", rounding);
    return JSON.toJson(m);
  }

  private static String ack(String id) {
    return JSON.toJson(Map.of("version", 1, "id", id, "status", "accepted"));
  }

  private static void write(Path dir, String name, String content) {
    try {
      Path tmp = dir.resolve("." + name + ".tmp");
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
