package dev.webecr.sdk.testkit;

import dev.webecr.sdk.spi.PosProvider;

/** The contract suite against the in-memory provider. */
class InMemoryContractTest extends ProviderContractTest {
  @Override
  protected PosProvider createProvider(TestClock clock) {
    return InMemoryPosProvider.create(clock);
  }
}
