package dev.webecr.sdk.testkit.webecr;

import dev.webecr.sdk.mellon.MellonProvider;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.testkit.TestClock;
import dev.webecr.sdk.testkit.VirtualTimeScheduler;
import dev.webecr.sdk.testkit.junit.ProviderContractTest;

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
