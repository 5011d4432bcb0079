package dev.webecr.sdk.testkit.rrpay;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fake RASO RRPay on the other side of the exchange folder, as {@code
 * docs/contracts/rrpay-handoff.md} describes it: takes requests from {@code outbox/}, acknowledges
 * them, "prints" a receipt and answers in {@code inbox/} with the outcome chosen by {@link
 * #nextOutcome}. Same id, same answer; a status inquiry for an unknown id gets {@code not_found}.
 * Writes every file atomically. Runs on its own thread until {@link #close()}.
 */
public final class FakeRrPay implements AutoCloseable {
  private static final JsonAdapter<Map<String, Object>> JSON =
      new Moshi.Builder()
          .build()
          .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  private final Path outbox;
  private final Path inbox;

  /** Where the fake renames what it takes: its own, out of the ERP's reach. */
  private final Path taken;

  private long takenCount;

  /** Requests taken but not yet worked on ({@link #holdTaken}), in order. */
  private final Deque<Path> held = new ArrayDeque<>();

  private final Map<String, Boolean> heldIds = new ConcurrentHashMap<>();
  private volatile boolean holding;
  private final Deque<FakeRrPayOutcome> outcomes = new ArrayDeque<>();
  private final Map<String, String> answers = new ConcurrentHashMap<>();
  private final Map<String, String> withheld = new ConcurrentHashMap<>();
  private final Map<String, Long> totals = new ConcurrentHashMap<>();

  /** Sales waiting for the customer's card (AWAITING_CARD), with their totals. */
  private final Map<String, Long> awaiting = new ConcurrentHashMap<>();

  private final Thread worker;
  private volatile boolean running = true;
  private volatile boolean paused;
  private final FakeRrPayReceipts receipts = new FakeRrPayReceipts();

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
    this.taken = root.resolve(".fake-rrpay-taken");
    try {
      Files.createDirectories(taken);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
  public synchronized FakeRrPay nextOutcome(FakeRrPayOutcome outcome) {
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

  /**
   * Takes requests from the outbox (the ERP can no longer take them back) but works on none until
   * {@link #releaseHeld()}: a RRPay that took a sale and is slow to acknowledge it. A status
   * inquiry about a held sale is answered "accepted".
   */
  public void holdTaken() {
    holding = true;
  }

  /** Works on the held requests, in the order taken, and stops holding. */
  public void releaseHeld() {
    holding = false;
    synchronized (held) {
      while (!held.isEmpty()) {
        Path f = held.poll();
        try {
          Map<String, Object> request = JSON.fromJson(Files.readString(f, StandardCharsets.UTF_8));
          synchronized (this) {
            // no status inquiry may find it neither held nor answered ("not_found")
            heldIds.remove(String.valueOf(request.get("id")));
            handle(request);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  /** Sends the result a PRINTED_NO_ANSWER sale withheld; an AWAITING_CARD sale is paid by card. */
  public void deliverResult(String id) {
    Long waiting = awaiting.remove(id);
    String result =
        waiting != null
            ? receipts.result(id, waiting, FakeRrPayOutcome.CARD, false, false)
            : withheld.remove(id);
    if (result == null) {
      throw new IllegalStateException("no withheld result for " + id);
    }
    answers.put(id, result);
    FakeRrPayReceipts.write(inbox, id + ".result.json", result);
  }

  /**
   * Writes cash rounding as a tender line of credit {@code number} (a payment code, as RASO's other
   * product does) instead of the rounding field; null goes back to the field.
   */
  public FakeRrPay roundingAsCredit(Integer number) {
    receipts.roundingAsCredit(number);
    return this;
  }

  /** The Z report of {@code day} (Europe/Vilnius): every receipt printed, results sent or not. */
  public FakeZReport zReport(java.time.LocalDate day) {
    return receipts.zReport(day);
  }

  /** How many receipts the fake "printed". */
  public int receipts() {
    return receipts.printed();
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

  /**
   * Takes each request by renaming it out of the outbox (the contract's rule), and works only on
   * what it took: a request the ERP took back first is gone, and never processed.
   */
  private void takeOutbox() {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(outbox, "*.json")) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        if (name.startsWith(".")) {
          continue;
        }
        Path mine = taken.resolve(name + "." + (++takenCount));
        try {
          Files.move(f, mine, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
          continue; // the ERP took it back first
        }
        Map<String, Object> request = JSON.fromJson(Files.readString(mine, StandardCharsets.UTF_8));
        boolean status = "status".equals(String.valueOf(request.get("type")));
        if (holding && !status) {
          synchronized (held) {
            held.add(mine);
            heldIds.put(String.valueOf(request.get("id")), true);
          }
          continue;
        }
        handle(request);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One request at a time: a status inquiry never sees a sale half worked on. */
  private synchronized void handle(Map<String, Object> request) {
    String id = String.valueOf(request.get("id"));
    String type = String.valueOf(request.get("type"));
    if (type.equals("status")) {
      String known = answers.get(id);
      if (known != null) {
        FakeRrPayReceipts.write(inbox, id + ".result.json", known);
      } else if (withheld.containsKey(id) || heldIds.containsKey(id)) {
        FakeRrPayReceipts.write(inbox, id + ".ack.json", FakeRrPayReceipts.ack(id));
      } else {
        FakeRrPayReceipts.write(
            inbox,
            id + ".result.json",
            JSON.toJson(Map.of("version", 1, "id", id, "outcome", "not_found")));
      }
      return;
    }
    FakeRrPayReceipts.write(inbox, id + ".ack.json", FakeRrPayReceipts.ack(id));
    String known = answers.get(id);
    if (known != null) {
      FakeRrPayReceipts.write(
          inbox, id + ".result.json", known); // same id, same answer: no second receipt
      return;
    }
    if (withheld.containsKey(id)) {
      return;
    }
    long total = ((Number) request.get("total")).longValue();
    totals.put(id, total);
    FakeRrPayOutcome outcome;
    synchronized (this) {
      outcome = outcomes.isEmpty() ? FakeRrPayOutcome.CARD : outcomes.poll();
    }
    if (type.equals("cancel")) {
      // F8 aborts only what is not fiscalised: a printed receipt stays (a return undoes it)
      String saleId = String.valueOf(request.get("originalId"));
      if (awaiting.remove(saleId) != null) { // not paid yet: the cancel wins, the sale ends
        String cancelled = receipts.result(saleId, 0, FakeRrPayOutcome.CANCELLED, false, false);
        answers.put(saleId, cancelled);
        FakeRrPayReceipts.write(inbox, saleId + ".result.json", cancelled);
      }
      String sale = answers.getOrDefault(saleId, withheld.get(saleId)); // printed, maybe unsent
      boolean printed = sale != null && sale.contains("\"outcome\":\"paid\"");
      outcome =
          outcome == FakeRrPayOutcome.FAILED || printed
              ? FakeRrPayOutcome.FAILED
              : FakeRrPayOutcome.CANCELLED;
    }
    if (outcome == FakeRrPayOutcome.AWAITING_CARD) {
      awaiting.put(id, total);
      return;
    }
    boolean isReturn = type.equals("return");
    String sale = String.valueOf(request.get("originalId"));
    if (isReturn && !receipts.printedAs(answers.get(sale), request.get("originalReceipt"))) {
      outcome = FakeRrPayOutcome.FAILED; // a return must name a receipt this register printed
    }
    boolean partial = isReturn && total < totals.getOrDefault(sale, total);
    String result = receipts.result(id, total, outcome, isReturn, partial);
    if (outcome == FakeRrPayOutcome.PRINTED_NO_ANSWER) {
      withheld.put(id, result);
      return;
    }
    if (outcome != FakeRrPayOutcome.MALFORMED) {
      answers.put(id, result);
    }
    FakeRrPayReceipts.write(inbox, id + ".result.json", result);
  }
}
