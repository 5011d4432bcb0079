package dev.webecr.sdk.testkit.viva;

import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.testkit.TestClock;
import dev.webecr.sdk.testkit.VirtualTimeScheduler;
import dev.webecr.sdk.testkit.junit.ProviderContractTest;
import dev.webecr.sdk.testkit.webecr.TerminalProfile;
import dev.webecr.sdk.viva.VivaProvider;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Assumptions;

/**
 * The SPI contract suite against the Viva provider talking to {@link FakeVivaServer} with its
 * worst-case defaults. Viva has no BUSY or full-batch answer: those two tests are skipped with the
 * reason; no void and no pairing: the suite checks they are refused before anything is sent.
 */
class VivaContractTest extends ProviderContractTest {
  private FakeVivaServer fake;

  @Override
  protected PosProvider createProvider(TestClock clock) {
    fake = FakeVivaServer.builder().clock(clock).build().start();
    return VivaProvider.create(
        fake.vivaConfig().retryScheduler(new VirtualTimeScheduler(clock)).build(), clock);
  }

  @Override
  protected void releaseProvider() {
    fake.close();
  }

  @Override
  protected Terminal terminal(TerminalProfile profile) {
    FakeVivaTerminal which;
    switch (profile) {
      case APPROVE:
        which = FakeVivaTerminal.APPROVE;
        break;
      case DECLINE:
        which = FakeVivaTerminal.DECLINE;
        break;
      case CANCEL:
        which = FakeVivaTerminal.CANCEL;
        break;
      case SLOW:
        which = FakeVivaTerminal.SLOW;
        break;
      case NO_ANSWER:
        which = FakeVivaTerminal.NEVER_REACHED;
        break;
      default:
        throw Assumptions.<RuntimeException>abort("Viva has no terminal answer like " + profile);
    }
    return client().directTerminals().stream()
        .filter(t -> t.tid().equals(which.terminalId()))
        .findFirst()
        .orElseThrow();
  }

  @Override
  protected OptionalLong decliningAmount() {
    return OptionalLong.of(9951); // insufficient funds (1020), a demo value
  }

  @Override
  protected OptionalLong cancellingAmount() {
    return OptionalLong.empty();
  }

  @Override
  protected Duration deadlineTheSlowTerminalOutlasts() {
    return Duration.ofSeconds(30); // the abort at 30 s is ignored, its 30 s grace ends before 90 s
  }
}
