package dev.webecr.sdk.testkit.webecr;

import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.testkit.TestClock;
import dev.webecr.sdk.testkit.junit.ProviderContractTest;

/** The contract suite against the in-memory provider. */
class InMemoryContractTest extends ProviderContractTest {
  @Override
  protected PosProvider createProvider(TestClock clock) {
    return InMemoryPosProvider.create(clock);
  }
}
