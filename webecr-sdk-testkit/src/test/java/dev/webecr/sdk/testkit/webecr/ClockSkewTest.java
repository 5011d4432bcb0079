package dev.webecr.sdk.testkit.webecr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.webecr.sdk.Journals;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.mellon.MellonProvider;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.testkit.TestSigner;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * WebECR's clock and the ERP's do not agree: an approved payment still comes back with its card
 * data and when the terminal finished (the card-data read is windowed on the intent's own
 * timestamp, not on the client's clock). The fake's worst-case defaults (no card data in the
 * answer: it must be read from the terminal's transactions), on the real clock with short
 * dialogues.
 */
class ClockSkewTest {

  @ParameterizedTest(name = "WebECR's clock {0} s off the client's")
  @ValueSource(longs = {-7_200, -300, 300, 7_200})
  void anApprovalComesBackWithItsCardDataWhateverWebEcrsClockSays(long offsetSeconds) {
    Clock ours = Clock.systemUTC();
    Clock theirs = Clock.offset(ours, Duration.ofSeconds(offsetSeconds));
    try (FakeWebEcrServer server = FakeWebEcrServer.builder().clock(theirs).build().start()) {
      server.fake().behaviour().dialogueTime(Duration.ofMillis(300));
      PosProvider mellon = MellonProvider.create(server.mellonConfig().build(), ours);
      try (PosClient client =
          PosClient.builder()
              .provider(mellon)
              .journal(Journals.inMemory())
              .signer(new TestSigner(ours))
              .clock(ours)
              .build()) {
        Terminal till =
            client.terminals(client.pair(FakeTerminals.REDEEM_CODE)).stream()
                .filter(t -> t.tid().equals(FakeTerminals.tidOf(TerminalProfile.APPROVE)))
                .findFirst()
                .orElseThrow();

        PaymentIntent paid =
            client.pay(
                PaymentRequest.builder()
                    .terminal(till)
                    .amount(Money.euroCents(1500))
                    .reference("SKEW-" + (offsetSeconds < 0 ? "M" : "P") + Math.abs(offsetSeconds))
                    .build());

        assertThat(paid.isApproved()).isTrue();
        assertThat(paid.completedAt()).isPresent();
        assertThat(paid.rrn()).isPresent();
        assertThat(paid.maskedPan()).isPresent();
        assertThat(paid.transactionRecordId()).isPresent();
      } finally {
        mellon.close();
      }
    }
  }
}
