package dev.webecr.sdk.testkit;

import dev.webecr.sdk.mellon.MellonProvider;
import dev.webecr.sdk.spi.PosProvider;

/** The contract suite against the Mellon provider talking to the fake WebECR server. */
class MellonContractTest extends ProviderContractTest {
  private FakeWebEcrServer server;

  @Override
  protected PosProvider createProvider(TestClock clock) {
    server = FakeWebEcrServer.builder().clock(clock).build().start();
    return MellonProvider.create(
        server.mellonConfig().retryScheduler(new VirtualTimeScheduler(clock)).build(), clock);
  }

  @Override
  protected void releaseProvider() {
    server.close();
  }
}
