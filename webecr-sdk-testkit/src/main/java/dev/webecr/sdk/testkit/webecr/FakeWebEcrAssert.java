package dev.webecr.sdk.testkit.webecr;

import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on what the fake WebECR server received (needs AssertJ on the test classpath):
 *
 * <pre>{@code
 * assertThatFake(server).receivedCreate()
 *     .withReference("INV-1-A1")
 *     .withAmount(2480)
 *     .withProviderData(p -> assertThat(p).containsEntry("ProviderId", "999"));
 * assertThatFake(server).receivedCreates(1);
 * }</pre>
 */
public final class FakeWebEcrAssert extends AbstractAssert<FakeWebEcrAssert, FakeWebEcrServer> {
  private FakeWebEcrAssert(FakeWebEcrServer actual) {
    super(actual, FakeWebEcrAssert.class);
  }

  /** Assertions on {@code server}'s requests. */
  public static FakeWebEcrAssert assertThatFake(FakeWebEcrServer server) {
    return new FakeWebEcrAssert(server);
  }

  /** The latest create ({@code txninit}) received; fails when there was none. */
  public RecordedRequestAssert receivedCreate() {
    return received(Endpoint.TXNINIT);
  }

  /** The latest request to {@code endpoint}; fails when there was none. */
  public RecordedRequestAssert received(Endpoint endpoint) {
    isNotNull();
    List<RecordedRequest> got = actual.requests(endpoint);
    if (got.isEmpty()) {
      failWithMessage("Expected a request to %s, but the fake received none", endpoint);
    }
    return new RecordedRequestAssert(got.get(got.size() - 1));
  }

  /** Exactly {@code n} creates among the latest requests kept. */
  public FakeWebEcrAssert receivedCreates(int n) {
    isNotNull();
    int got = actual.requests(Endpoint.TXNINIT).size();
    if (got != n) {
      failWithMessage("Expected %s creates, but the fake received %s", n, got);
    }
    return this;
  }
}
