package dev.webecr.sdk.benchmarks;

import dev.webecr.sdk.micrometer.WebEcrMeters;
import dev.webecr.sdk.opentelemetry.WebEcrTracing;
import dev.webecr.sdk.spi.PaymentObserver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Meters and traces as an application would attach them: a Micrometer registry, and an
 * OpenTelemetry SDK whose batch processor hands every span to an exporter (one that counts them
 * here, where a real one would send them).
 */
final class Observed implements AutoCloseable {
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final AtomicLong exported = new AtomicLong();
  private final OpenTelemetrySdk otel =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(BatchSpanProcessor.builder(new Counting()).build())
                  .build())
          .build();

  /** The meters and the tracing, as the builder takes them. */
  PaymentObserver[] observers() {
    return new PaymentObserver[] {new WebEcrMeters(registry), new WebEcrTracing(otel)};
  }

  @Override
  public void close() {
    otel.close();
  }

  private final class Counting implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      exported.addAndGet(spans.size());
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
