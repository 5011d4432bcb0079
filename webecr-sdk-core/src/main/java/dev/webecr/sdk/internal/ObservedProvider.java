package dev.webecr.sdk.internal;

import dev.webecr.sdk.ApiKey;
import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.Period;
import dev.webecr.sdk.ProviderRejectedException;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.spi.AttemptLookup;
import dev.webecr.sdk.spi.Capability;
import dev.webecr.sdk.spi.CreateIntentCommand;
import dev.webecr.sdk.spi.PosProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The engine's view of the provider: every call passes through, and when the provider last answered
 * and last failed is kept for {@link dev.webecr.sdk.Health}. A refusal before sending (a bad
 * request, a missing capability) is not the provider's failure.
 */
final class ObservedProvider implements PosProvider {
  private final PosProvider delegate;
  private final Clock clock;
  private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();
  private final AtomicReference<Instant> lastFailure = new AtomicReference<>();

  ObservedProvider(PosProvider delegate, Clock clock) {
    this.delegate = delegate;
    this.clock = clock;
  }

  Optional<Instant> lastSuccess() {
    return Optional.ofNullable(lastSuccess.get());
  }

  Optional<Instant> lastFailure() {
    return Optional.ofNullable(lastFailure.get());
  }

  private <T> T call(Supplier<T> call) {
    try {
      T answer = call.get();
      lastSuccess.set(clock.instant());
      return answer;
    } catch (ConnectionException | ProviderRejectedException e) {
      lastFailure.set(clock.instant());
      throw e;
    }
  }

  @Override
  public String id() {
    return delegate.id();
  }

  @Override
  public Set<Capability> capabilities() {
    return delegate.capabilities();
  }

  @Override
  public int maxReferenceLength() {
    return delegate.maxReferenceLength();
  }

  @Override
  public Set<Currency> currencies() {
    return delegate.currencies();
  }

  @Override
  public long maxAmountMinorUnits() {
    return delegate.maxAmountMinorUnits();
  }

  @Override
  public long minAmountMinorUnits() {
    return delegate.minAmountMinorUnits();
  }

  @Override
  public Duration createSettleTime() {
    return delegate.createSettleTime();
  }

  @Override
  public Duration createSettleTime(Duration serverWait) {
    return delegate.createSettleTime(serverWait);
  }

  @Override
  public ApiKey redeem(String code) {
    return call(() -> delegate.redeem(code));
  }

  @Override
  public List<Terminal> terminals(ApiKey apiKey) {
    return call(() -> delegate.terminals(apiKey));
  }

  @Override
  public List<Terminal> directTerminals() {
    return call(delegate::directTerminals);
  }

  @Override
  public PaymentIntent create(CreateIntentCommand command) {
    return call(() -> delegate.create(command));
  }

  @Override
  public Optional<PaymentIntent> findAttempt(Terminal terminal, AttemptLookup attempt) {
    return call(() -> delegate.findAttempt(terminal, attempt));
  }

  @Override
  public PaymentIntent getAttempt(Terminal terminal, AttemptLookup attempt) {
    return call(() -> delegate.getAttempt(terminal, attempt));
  }

  @Override
  public void abort(Terminal terminal, AttemptLookup attempt) {
    call(
        () -> {
          delegate.abort(terminal, attempt);
          return null;
        });
  }

  @Override
  public List<PaymentIntent> intents(Terminal terminal, Period period) {
    return call(() -> delegate.intents(terminal, period));
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
