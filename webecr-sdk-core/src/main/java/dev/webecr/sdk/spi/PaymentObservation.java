package dev.webecr.sdk.spi;

/**
 * One payment as a {@link PaymentObserver} follows it: entered around each step the SDK runs for it
 * (on whatever thread), told its attempt and each read, and ended once with its outcome.
 */
public interface PaymentObservation {
  /** Follows nothing. */
  PaymentObservation NONE = new PaymentObservation() {};

  /**
   * The payment's context made current on this thread for one step (a trace's span, so the
   * provider's requests become its children); closed when the step ends, on the same thread.
   */
  default ObservationScope enter() {
    return ObservationScope.NONE;
  }

  /** The attempt being sent or watched, as the provider knows it ({@code REF-A2}). */
  default void attempt(String providerReference) {}

  /**
   * One more read of the attempt's state is scheduled (a poll, or a lookup after a lost answer).
   */
  default void polled() {}

  /**
   * The payment ended. {@code outcome}: the result in lower case ({@code approved}, {@code
   * declined}, {@code cancelled}, {@code failed}, {@code busy}, {@code max_transactions}, {@code
   * unknown}), or {@code in_doubt} (the outcome unknown at the deadline), {@code not_sent}, {@code
   * terminal_in_use}, {@code rejected}, {@code invalid}, {@code error}.
   */
  default void end(String outcome) {}
}
