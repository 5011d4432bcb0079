package dev.webecr.sdk.opentelemetry;

import dev.webecr.sdk.SdkVersion;
import dev.webecr.sdk.spi.PaymentObservation;
import dev.webecr.sdk.spi.PaymentObserver;
import dev.webecr.sdk.spi.RequestObservation;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.Objects;

/**
 * The SDK's traces through the OpenTelemetry API: give it to {@code
 * PosClient.builder().observer(...)}. A span per payment ({@code webecr sale}, a child of what was
 * current when {@code pay()} was called), a client span per provider request under it ({@code POST
 * terminal/{id}/txninit/}, with the HTTP client conventions' {@code http.request.method}, {@code
 * server.address}, {@code server.port}, {@code url.template}, {@code http.response.status_code},
 * {@code error.type} and {@code http.request.resend_count}), whichever thread sends it: the polling
 * threads, the server-side wait, recovery. The reference and the attempt are span attributes
 * ({@code webecr.reference}, {@code webecr.attempt}); no amount, key or signature.
 *
 * <pre>{@code
 * PosClient client = PosClient.builder()
 *     .provider(mellon).journalFile(journal).signer(signer)
 *     .observer(new WebEcrTracing(GlobalOpenTelemetry.get()))
 *     .build();
 * }</pre>
 *
 * <p>Thread-safe; costs nothing for a client it is not given to.
 */
public final class WebEcrTracing implements PaymentObserver {
  static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("webecr.provider");
  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("webecr.operation");
  static final AttributeKey<String> REFERENCE = AttributeKey.stringKey("webecr.reference");
  static final AttributeKey<String> ATTEMPT = AttributeKey.stringKey("webecr.attempt");
  static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("webecr.outcome");
  static final AttributeKey<Long> READS = AttributeKey.longKey("webecr.poll.attempts");
  static final AttributeKey<Boolean> RESUMED = AttributeKey.booleanKey("webecr.resumed");
  private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  private static final AttributeKey<String> SERVER = AttributeKey.stringKey("server.address");
  private static final AttributeKey<Long> PORT = AttributeKey.longKey("server.port");
  private static final AttributeKey<String> TEMPLATE = AttributeKey.stringKey("url.template");
  private static final AttributeKey<Long> STATUS =
      AttributeKey.longKey("http.response.status_code");
  private static final AttributeKey<String> ERROR = AttributeKey.stringKey("error.type");
  private static final AttributeKey<Long> RESENDS =
      AttributeKey.longKey("http.request.resend_count");

  private final Tracer tracer;

  /** Spans through {@code openTelemetry}'s tracer named {@code dev.webecr.sdk}. */
  public WebEcrTracing(OpenTelemetry openTelemetry) {
    Objects.requireNonNull(openTelemetry, "openTelemetry == null");
    this.tracer = openTelemetry.getTracer("dev.webecr.sdk", SdkVersion.get());
  }

  @Override
  public PaymentObservation payment(
      String provider, String operation, String reference, boolean resumed) {
    Context parent = Context.current();
    Span span =
        tracer
            .spanBuilder((resumed ? "webecr recover " : "webecr ") + operation)
            .setParent(parent)
            .setAttribute(PROVIDER, provider)
            .setAttribute(OPERATION, operation)
            .setAttribute(REFERENCE, reference)
            .setAttribute(RESUMED, resumed)
            .startSpan();
    return new PaymentSpan(span, parent.with(span));
  }

  @Override
  public RequestObservation request(
      String provider, String method, String endpoint, String serverAddress, int serverPort) {
    Span span =
        tracer
            .spanBuilder(method + " " + endpoint)
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(PROVIDER, provider)
            .setAttribute(METHOD, method)
            .setAttribute(TEMPLATE, endpoint)
            .setAttribute(SERVER, serverAddress)
            .setAttribute(PORT, (long) serverPort)
            .startSpan();
    return new RequestObservation() {
      @Override
      public void end(int status, String errorType, int resends) {
        if (status > 0) {
          span.setAttribute(STATUS, (long) status);
        }
        if (resends > 0) {
          span.setAttribute(RESENDS, (long) resends);
        }
        if (errorType != null) {
          span.setAttribute(ERROR, errorType);
          span.setStatus(StatusCode.ERROR);
        }
        span.end();
      }
    };
  }
}
