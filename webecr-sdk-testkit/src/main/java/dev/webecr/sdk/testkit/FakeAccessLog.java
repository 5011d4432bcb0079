package dev.webecr.sdk.testkit;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.function.Consumer;

/**
 * One line per request the fake served: method, path, status and milliseconds. Never the query,
 * headers or body (tokens, API keys and signatures travel there). The QA page's own polling is left
 * out.
 */
final class FakeAccessLog implements ServeEventListener {
  private final Consumer<String> out;

  FakeAccessLog(Consumer<String> out) {
    this.out = out;
  }

  @Override
  public void afterComplete(ServeEvent event, Parameters parameters) {
    String method = event.getRequest().getMethod().getName();
    String url = event.getRequest().getUrl();
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    if (method.equals("GET") && FakeControlRoutes.handles(path)) {
      return;
    }
    Integer ms = event.getTiming() == null ? null : event.getTiming().getTotalTime();
    int status = event.getResponse() == null ? 0 : event.getResponse().getStatus();
    out.accept(method + " " + path + " " + status + " " + (ms == null ? "?" : ms) + " ms");
  }

  @Override
  public String getName() {
    return "webecr-fake-access-log";
  }
}
