package dev.webecr.sdk.testkit.webecr;

import com.squareup.moshi.Moshi;
import dev.webecr.sdk.PaymentIntent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link MellonCertificationKit} hands the network: each scenario with its amount, intent id,
 * RRN or TransactionId, result, pass or fail, and what the person at the terminal had to do; as
 * Markdown ({@code report.md}) and JSON ({@code report.json}). Never a secret: no ApiKey, token or
 * signature is in an intent's printed fields.
 */
public final class CertificationReport {
  private final List<Map<String, Object>> rows = new ArrayList<>();
  private final String target;
  private final Instant started;

  CertificationReport(String target, Instant started) {
    this.target = target;
    this.started = started;
  }

  /** Records scenario {@code number}: passed when {@code failure} is null. */
  synchronized void add(
      int number, String title, String person, List<PaymentIntent> intents, Throwable failure) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("scenario", number);
    row.put("title", title);
    row.put("passed", failure == null);
    if (failure != null) {
      String m = String.valueOf(failure.getMessage()).replaceAll("\\s+", " ").trim();
      row.put("failure", m.length() > 300 ? m.substring(0, 300) + "..." : m);
    }
    if (person != null) {
      row.put("personAtTheTerminal", person);
    }
    List<Map<String, Object>> payments = new ArrayList<>();
    for (PaymentIntent i : intents) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("reference", i.providerReference());
      p.put("kind", i.kind().name());
      p.put("amount", i.amount().toString());
      p.put("intentId", i.id());
      i.rrn().ifPresent(v -> p.put("rrn", v));
      i.transactionId().ifPresent(v -> p.put("transactionId", v));
      p.put("status", i.status().name());
      i.result().ifPresent(r -> p.put("result", r.name()));
      payments.add(p);
    }
    row.put("payments", payments);
    rows.add(row);
  }

  /** Scenarios recorded so far, in order. */
  public synchronized List<Map<String, Object>> rows() {
    return List.copyOf(rows);
  }

  /** Writes {@code report.md} and {@code report.json} into {@code dir}. */
  public synchronized void write(Path dir) {
    try {
      Files.createDirectories(dir);
      Map<String, Object> all = new LinkedHashMap<>();
      all.put("suite", "Mellon WebECR certification, list v2.4.2");
      all.put("target", target);
      all.put("started", started.toString());
      all.put("scenarios", rows);
      Files.writeString(
          dir.resolve("report.json"),
          new Moshi.Builder().build().adapter(Object.class).indent("  ").toJson(all),
          StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("report.md"), markdown(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Mellon WebECR certification (list v2.4.2)\n\n")
        .append("Target: ")
        .append(target)
        .append(". Started ")
        .append(started)
        .append(".\n\n")
        .append("| # | scenario | payments (amount, intent id, RRN / TransactionId, result) |")
        .append(" passed | at the terminal |\n|---|---|---|---|---|\n");
    for (Map<String, Object> r : rows) {
      StringBuilder payments = new StringBuilder();
      for (Object o : (List<?>) r.get("payments")) {
        Map<?, ?> p = (Map<?, ?>) o;
        payments
            .append(payments.length() == 0 ? "" : "<br>")
            .append(p.get("amount"))
            .append(", ")
            .append(p.get("intentId"))
            .append(", ")
            .append(p.containsKey("rrn") ? p.get("rrn") : "-")
            .append(" / ")
            .append(p.containsKey("transactionId") ? p.get("transactionId") : "-")
            .append(", ")
            .append(p.containsKey("result") ? p.get("result") : p.get("status"));
      }
      md.append("| ")
          .append(r.get("scenario"))
          .append(" | ")
          .append(r.get("title"))
          .append(" | ")
          .append(payments.length() == 0 ? "-" : payments)
          .append(" | ")
          .append(Boolean.TRUE.equals(r.get("passed")) ? "yes" : "**no**: " + r.get("failure"))
          .append(" | ")
          .append(r.containsKey("personAtTheTerminal") ? r.get("personAtTheTerminal") : "-")
          .append(" |\n");
    }
    return md.toString();
  }
}
