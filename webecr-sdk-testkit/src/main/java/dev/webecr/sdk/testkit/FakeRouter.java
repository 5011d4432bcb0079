package dev.webecr.sdk.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.net.URLDecoder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Routes every request WireMock receives to {@link WebEcrRoutes}, applying faults. A request filter
 * that always answers, so WireMock matches no stub at all: the fake must cost little more per
 * request than a static stub does.
 */
final class FakeRouter implements StubRequestFilterV2 {
  private final WebEcrRoutes routes;
  private final BiConsumer<String, Endpoint> log;
  private final Function<Endpoint, InjectedFault> nextFault;
  private final FakeControlRoutes control;

  FakeRouter(
      WebEcrRoutes routes,
      BiConsumer<String, Endpoint> log,
      Function<Endpoint, InjectedFault> nextFault,
      FakeControlRoutes control) {
    this.routes = routes;
    this.log = log;
    this.nextFault = nextFault;
    this.control = control;
  }

  @Override
  public RequestFilterAction filter(Request request, ServeEvent event) {
    return RequestFilterAction.stopWith(answer(request));
  }

  private ResponseDefinition answer(Request request) {
    String url = request.getUrl();
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    if (path.indexOf('%') >= 0) {
      path = URI.create(path).getPath(); // decoded only when encoded
    }
    String method = request.getMethod().getName();
    if (control != null && FakeControlRoutes.handles(path)) {
      // QA's own traffic: not logged, never faulted (the page polls twice a second)
      FakeControlRoutes.Answer a =
          control.handle(method, path, q < 0 ? Map.of() : query(url.substring(q + 1)));
      return aResponse()
          .withStatus(a.status)
          .withHeader("Content-Type", a.contentType)
          .withHeader("Cache-Control", "no-store")
          .withBody(a.body)
          .build();
    }
    Endpoint endpoint = WebEcrPaths.endpointOf(method, path);
    log.accept(method + " " + path, endpoint);
    InjectedFault fault = nextFault.apply(endpoint);
    if (fault != null && !fault.afterProcessing) {
      return fault.kind == InjectedFault.Kind.RESET
          ? aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build()
          : statusFault(fault).build();
    }
    Map<String, String> query = q < 0 ? Map.of() : query(url.substring(q + 1));
    String resourcePath = path;
    WebEcrRoutes.Reply reply =
        routes.handle(
            endpoint,
            new WebEcrRoutes.Request(
                method,
                path,
                query,
                request::getHeader,
                request.getBodyAsString(),
                () -> baseOf(request.getAbsoluteUrl(), resourcePath)));
    ResponseDefinitionBuilder answer =
        aResponse()
            .withStatus(reply.status)
            .withHeader("Content-Type", "application/json")
            .withBody(reply.body);
    if (reply.delayMillis > 0) {
      answer.withFixedDelay((int) Math.min(Integer.MAX_VALUE, reply.delayMillis));
    }
    if (fault == null) {
      return answer.build();
    }
    switch (fault.kind) {
      case RESET:
        return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
      case DELAY:
        return answer.withFixedDelay((int) fault.delay.toMillis()).build();
      case STATUS:
        return statusFault(fault).build();
      default:
        return aResponse()
            .withStatus(200)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"Id\": 1, \"Status\": ")
            .build();
    }
  }

  /** The query's parameters, decoded; the first value of a repeated name wins. */
  private Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), UTF_8);
      out.putIfAbsent(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), UTF_8));
    }
    return out;
  }

  private String baseOf(String absolute, String path) {
    return absolute.substring(0, absolute.indexOf(path));
  }

  private ResponseDefinitionBuilder statusFault(InjectedFault fault) {
    ResponseDefinitionBuilder b =
        aResponse()
            .withStatus(fault.status)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"detail\":\"injected " + fault.status + "\"}");
    return fault.retryAfterSeconds == null
        ? b
        : b.withHeader("Retry-After", String.valueOf(fault.retryAfterSeconds));
  }

  @Override
  public String getName() {
    return "webecr-fake";
  }
}
