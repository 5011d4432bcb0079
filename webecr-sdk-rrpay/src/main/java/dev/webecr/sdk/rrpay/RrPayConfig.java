package dev.webecr.sdk.rrpay;

import dev.webecr.sdk.InvalidRequestException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to reach RRPay: the exchange folder shared with it, the POS ids this ERP runs (each is a
 * {@link dev.webecr.sdk.Terminal} with TID = call id = POS id), the credit mapping, and the waits.
 * Immutable.
 *
 * <pre>{@code
 * RrPayConfig config = RrPayConfig.builder()
 *     .exchangeRoot(Path.of("C:/RRPay/exchange"))
 *     .posIds(List.of("POS1"))
 *     .creditMapping(CreditMapping.builder().mapCash(1, "CASH", "Grynieji")
 *         .map(2, "CARD", "Banko kortelė").build())
 *     .build();
 * }</pre>
 */
public final class RrPayConfig {
  private final Path exchangeRoot;
  private final List<String> posIds;
  private final CreditMapping creditMapping;
  private final Duration ackTimeout;
  private final Duration pollInterval;

  private RrPayConfig(Builder b) {
    this.exchangeRoot = b.exchangeRoot;
    this.posIds = List.copyOf(b.posIds);
    this.creditMapping = b.creditMapping;
    this.ackTimeout = b.ackTimeout;
    this.pollInterval = b.pollInterval;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The folder holding {@code outbox/}, {@code inbox/}, {@code done/}, {@code rejected/}. */
  public Path exchangeRoot() {
    return exchangeRoot;
  }

  /** The POS ids this ERP hands sales from. */
  public List<String> posIds() {
    return posIds;
  }

  /** RRPay credit numbers to ERP tenders. */
  public CreditMapping creditMapping() {
    return creditMapping;
  }

  /** How long RRPay has to acknowledge a request; default 10 s. */
  public Duration ackTimeout() {
    return ackTimeout;
  }

  /** How often the inbox is scanned besides the file watcher; default 250 ms. */
  public Duration pollInterval() {
    return pollInterval;
  }

  @Override
  public String toString() {
    return "RrPayConfig{" + exchangeRoot + ", pos " + posIds + ", " + creditMapping + "}";
  }

  /** Builds an {@link RrPayConfig}; {@code build()} names what is missing. */
  public static final class Builder {
    private Path exchangeRoot;
    private List<String> posIds = List.of();
    private CreditMapping creditMapping;
    private Duration ackTimeout = Duration.ofSeconds(10);
    private Duration pollInterval = Duration.ofMillis(250);

    private Builder() {}

    /** The exchange folder. */
    public Builder exchangeRoot(Path root) {
      this.exchangeRoot = Objects.requireNonNull(root, "root == null");
      return this;
    }

    /** The POS ids (letters, digits, '-' and '_'). */
    public Builder posIds(List<String> ids) {
      for (String id : ids) {
        if (!id.matches("[A-Za-z0-9_-]{1,32}")) {
          throw new InvalidRequestException(
              "posIds", "'" + id + "' must be 1 to 32 letters, " + "digits, '-' or '_'");
        }
      }
      this.posIds = List.copyOf(ids);
      return this;
    }

    /**
     * The credit numbers agreed with RASO, and which of them are cash (required: nothing is
     * assumed; Rivile's documented example is bank card = 2).
     */
    public Builder creditMapping(CreditMapping mapping) {
      this.creditMapping = Objects.requireNonNull(mapping, "mapping == null");
      return this;
    }

    /** The acknowledgement timeout. */
    public Builder ackTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new InvalidRequestException("ackTimeout", "must be positive");
      }
      this.ackTimeout = timeout;
      return this;
    }

    /** The inbox scan interval. */
    public Builder pollInterval(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new InvalidRequestException("pollInterval", "must be positive");
      }
      this.pollInterval = interval;
      return this;
    }

    /** The configuration. */
    public RrPayConfig build() {
      if (exchangeRoot == null) {
        throw new InvalidRequestException("exchangeRoot", "not set: call exchangeRoot(...)");
      }
      if (posIds.isEmpty()) {
        throw new InvalidRequestException("posIds", "empty: call posIds(...)");
      }
      if (creditMapping == null) {
        throw new InvalidRequestException(
            "creditMapping",
            "set the credit numbers agreed with "
                + "RASO and mark the cash ones (Rivile's example: bank card = 2); none is assumed");
      }
      return new RrPayConfig(this);
    }
  }
}
