package dev.webecr.sdk.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.extension.requestfilter.AdminRequestFilterV2;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Keeps WireMock's own admin API ({@code /__admin/}) shut unless asked for: it is undocumented for
 * our users, would show request bodies with tokens and keys, and grows without bound. The fake's
 * own controls live under {@code /_fake/}.
 */
final class AdminGate implements AdminRequestFilterV2 {
  @Override
  public RequestFilterAction filter(Request request, ServeEvent event) {
    return RequestFilterAction.stopWith(
        aResponse()
            .withStatus(404)
            .withHeader("Content-Type", "application/json")
            .withBody(
                "{\"error\":\"WireMock's admin API is off (start the fake with --admin); the"
                    + " fake's controls are under /_fake/\"}")
            .build());
  }

  @Override
  public String getName() {
    return "webecr-fake-admin-gate";
  }
}
