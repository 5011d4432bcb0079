package dev.webecr.sdk.rrpay;

import dev.webecr.sdk.InvalidRequestException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * RRPay's numbered credit payments mapped to the ERP's tenders. Rivile GAMA receives tenders as
 * "credit" payments numbered as agreed with RASO; bank card = 2 is the one documented example.
 * Nothing is assumed: every number used at a site is configured, the cash ones marked (only they
 * may carry rounding), and, where rounding comes as a payment code rather than a rounding line,
 * that code's number.
 *
 * <pre>{@code
 * CreditMapping mapping = CreditMapping.builder()
 *     .mapCash(1, "CASH", "Grynieji")
 *     .map(2, "CARD", "Banko kortelė")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CreditMapping {
  private final Map<Integer, Tender> byNumber;
  private final Integer roundingCredit;

  private CreditMapping(Map<Integer, Tender> byNumber, Integer roundingCredit) {
    this.byNumber = Collections.unmodifiableMap(new TreeMap<>(byNumber));
    this.roundingCredit = roundingCredit;
  }

  /** The credit number whose tender lines are the cash rounding, if rounding comes that way. */
  public Optional<Integer> roundingCredit() {
    return Optional.ofNullable(roundingCredit);
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The ERP tender of an RRPay credit number; an unmapped number is an error naming it. */
  public Tender tender(int creditNumber) {
    Tender t = byNumber.get(creditNumber);
    if (t == null) {
      throw new InvalidRequestException(
          "creditNumber",
          "RRPay credit number " + creditNumber + " is not mapped to an ERP tender");
    }
    return t;
  }

  /** The credit number of an ERP tender code, if mapped. */
  public Optional<Integer> creditNumber(String tenderCode) {
    return byNumber.entrySet().stream()
        .filter(e -> e.getValue().code().equals(tenderCode))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** Every mapping, by credit number. */
  public Map<Integer, Tender> all() {
    return byNumber;
  }

  @Override
  public String toString() {
    return "CreditMapping"
        + byNumber
        + (roundingCredit == null ? "" : " rounding " + roundingCredit);
  }

  /** An ERP tender: its code in the ERP and a label for people. */
  public static final class Tender {
    private final String code;
    private final String label;
    private final boolean cash;

    Tender(String code, String label, boolean cash) {
      this.code = code;
      this.label = label;
      this.cash = cash;
    }

    /** True for cash: only cash totals are rounded to 5 cents. */
    public boolean isCash() {
      return cash;
    }

    /** The ERP's tender code. */
    public String code() {
      return code;
    }

    /** The label shown to people. */
    public String label() {
      return label;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Tender
          && ((Tender) o).code.equals(code)
          && ((Tender) o).label.equals(label)
          && ((Tender) o).cash == cash;
    }

    @Override
    public int hashCode() {
      return Objects.hash(code, label);
    }

    @Override
    public String toString() {
      return code + "(" + label + ")";
    }
  }

  /** Builds a {@link CreditMapping}. */
  public static final class Builder {
    private final Map<Integer, Tender> byNumber = new TreeMap<>();
    private Integer roundingCredit;

    private Builder() {}

    /**
     * Rounding comes as tender lines of credit {@code number} (a payment code, as RASO's other
     * product does) rather than as the result's rounding line; their signed amounts are taken as
     * the rounding.
     */
    public Builder roundingAsCredit(int number) {
      if (byNumber.containsKey(number)) {
        throw new InvalidRequestException(
            "roundingCredit", "credit " + number + " is already a tender");
      }
      this.roundingCredit = number;
      return this;
    }

    /** Maps RRPay credit {@code number} to the ERP tender {@code code}. */
    public Builder map(int number, String code, String label) {
      return add(number, code, label, false);
    }

    /** Maps a credit number that is cash (rounded to 5 cents in Lithuania since 2025-05-01). */
    public Builder mapCash(int number, String code, String label) {
      return add(number, code, label, true);
    }

    private Builder add(int number, String code, String label, boolean cash) {
      Objects.requireNonNull(code, "code == null");
      Objects.requireNonNull(label, "label == null");
      if (number < 0) {
        throw new InvalidRequestException("creditNumber", "must not be negative, was " + number);
      }
      if (code.isBlank()) {
        throw new InvalidRequestException("tender.code", "must not be blank");
      }
      if (byNumber.values().stream().anyMatch(t -> t.code().equals(code))) {
        throw new InvalidRequestException("tender.code", code + " is mapped twice");
      }
      if (byNumber.putIfAbsent(number, new Tender(code, label, cash)) != null) {
        throw new InvalidRequestException("creditNumber", number + " is mapped twice");
      }
      return this;
    }

    /** The mapping; at least one entry. */
    public CreditMapping build() {
      if (byNumber.isEmpty()) {
        throw new InvalidRequestException(
            "creditMapping", "no credit numbers mapped: call map(...)");
      }
      if (roundingCredit != null && byNumber.containsKey(roundingCredit)) {
        throw new InvalidRequestException(
            "roundingCredit", "credit " + roundingCredit + " is also a tender");
      }
      return new CreditMapping(byNumber, roundingCredit);
    }
  }
}
