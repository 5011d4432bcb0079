package dev.webecr.sdk.opentelemetry;

import dev.webecr.sdk.spi.ObservationScope;
import dev.webecr.sdk.spi.PaymentObservation;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One payment's span, made current around each of its steps on whatever thread runs them, so the
 * provider requests of a poll on the scheduler's thread are its children like the create's.
 */
final class PaymentSpan implements PaymentObservation {
  /** Outcomes that are the SDK's or the provider's trouble, not the card holder's answer. */
  private static final Set<String> ERRORS = Set.of("in_doubt", "error", "rejected", "unknown");

  private final Span span;
  private final Context context;
  private final AtomicInteger reads = new AtomicInteger();

  PaymentSpan(Span span, Context context) {
    this.span = span;
    this.context = context;
  }

  @Override
  public ObservationScope enter() {
    Scope scope = context.makeCurrent();
    return scope::close;
  }

  @Override
  public void attempt(String providerReference) {
    span.setAttribute(WebEcrTracing.ATTEMPT, providerReference);
  }

  @Override
  public void polled() {
    reads.incrementAndGet();
  }

  @Override
  public void end(String outcome) {
    span.setAttribute(WebEcrTracing.OUTCOME, outcome);
    span.setAttribute(WebEcrTracing.READS, (long) reads.get());
    if (ERRORS.contains(outcome)) {
      span.setStatus(StatusCode.ERROR, outcome);
    }
    span.end();
  }
}
