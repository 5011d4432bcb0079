package dev.webecr.sdk.spi;

import dev.webecr.sdk.Health;
import java.util.function.Supplier;

/**
 * Watches what a client does, for meters and traces: payments from their start to their outcome,
 * every request a provider sends, recoveries, duplicates given back, busy terminals and journal
 * writes. {@code webecr-sdk-micrometer} and {@code webecr-sdk-opentelemetry} implement it; give one
 * or several to {@code PosClient.builder().observer(...)}.
 *
 * <p>Every method has a default that does nothing and allocates nothing, so an observer overrides
 * only what it needs. The SDK calls it on its own threads and on the ERP's: implementations must be
 * thread-safe, fast, and must not throw (what one throws is logged and ignored). Arguments are
 * low-cardinality values (a provider id, an operation, an outcome), except where a method says
 * otherwise; never an amount, key or signature.
 *
 * <pre>{@code
 * PosClient client = PosClient.builder()
 *     .provider(mellon)
 *     .observer(new WebEcrMeters(registry), new WebEcrTracing(openTelemetry))
 *     .build();
 * }</pre>
 */
public interface PaymentObserver {
  /** Observes nothing. */
  PaymentObserver NONE = new PaymentObserver() {};

  /** Called once when a client is built: what its gauges read ({@code PosClient.health()}). */
  default void bind(String provider, Supplier<Health> health) {}

  /**
   * A payment starts ({@code PosClient.pay} and the other payment calls, and recovery's resumption
   * of one left in flight); its end is told to the returned observation.
   *
   * @param operation sale, refund, void, preauth or completion
   * @param reference the ERP's reference: for a trace, never for a meter's tag
   * @param resumed true when recovery resumes an attempt found in the journal
   */
  default PaymentObservation payment(
      String provider, String operation, String reference, boolean resumed) {
    return PaymentObservation.NONE;
  }

  /**
   * A provider's HTTP request is about to leave, on the calling thread (the payment's context, if
   * any, is current there). {@code endpoint} is the path's template, never the path itself.
   */
  default RequestObservation request(
      String provider, String method, String endpoint, String serverAddress, int serverPort) {
    return RequestObservation.NONE;
  }

  /**
   * Recovery has run for one attempt left in flight: {@code approved}, {@code declined} (settled
   * with any other result), {@code not_sent} or {@code still_unknown}.
   */
  default void recovered(String provider, String resolution) {}

  /**
   * A payment that gives a duplicate approval back has ended: {@code result} is its kind and
   * outcome ({@code void_approved}, {@code refund_approved}, {@code void_declined}, {@code
   * refund_in_doubt}, ...).
   */
  default void duplicateReversed(String provider, String result) {}

  /**
   * A payment met a busy terminal: {@code terminal} (the terminal answered BUSY), {@code lane}
   * (another payment of this client held it) or {@code lease} (another node held it).
   */
  default void terminalBusy(String provider, String cause) {}

  /**
   * The journal recorded one state in {@code nanos}; {@code forced} when the state had to be on
   * disk before the record returned (an attempt about to be sent, a person's resolution).
   */
  default void journalWrite(String backend, boolean forced, long nanos) {}
}
