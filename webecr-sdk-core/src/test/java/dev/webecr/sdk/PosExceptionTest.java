package dev.webecr.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PosExceptionTest {
  @Test
  void aRequestIdIsSetOnceAndQuotedAtTheEndOfTheMessage() {
    ConnectionException e = new ConnectionException("GET /x failed", false, null, null);
    assertThat(e.requestId()).isEmpty();
    assertThat(e).hasMessage("GET /x failed");

    e.initRequestId("r-1");

    assertThat(e.requestId()).contains("r-1");
    assertThat(e).hasMessage("GET /x failed [request r-1]");
    assertThat(e.toString()).endsWith("GET /x failed [request r-1]");
    assertThatThrownBy(() -> e.initRequestId("r-2")).isInstanceOf(IllegalStateException.class);
    assertThat(e.requestId()).contains("r-1");
  }

  @Test
  void anErrorWrappingAProviderErrorNamesItsRequest() {
    ConnectionException lost =
        new ConnectionException("POST /txninit/ failed", true, "INV-1-A1", null);
    lost.initRequestId("r-9");

    OutcomeUnknownException unknown =
        new OutcomeUnknownException("in doubt", "INV-1-A1", null, lost);

    assertThat(unknown.requestId()).contains("r-9");
    assertThat(unknown).hasMessage("in doubt"); // the id is the cause's, quoted there
  }
}
