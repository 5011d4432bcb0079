package dev.webecr.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.webecr.sdk.spi.CreateIntentCommand;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The options travel from the request to the provider's command, personal data never shown. */
class PaymentOptionsTest {
  private final Terminal terminal = ScriptedProvider.terminal("11111111");

  @Test
  void theReceiptContactIsRedactedInTheRequestAndInTheCommand() {
    PaymentRequest request =
        PaymentRequest.builder()
            .terminal(terminal)
            .amount(Money.euroCents(2480))
            .reference("INV-1")
            .paymentMethod(PaymentMethod.IRIS)
            .tip(Money.euroCents(100))
            .customerEmail("maria@example.gr")
            .customerPhone("+306900000000")
            .preloadExpiry(Duration.ofMinutes(30))
            .taxFree(true)
            .build();
    CreateIntentCommand command =
        CreateIntentCommand.builder()
            .from((PaymentOptions) request)
            .terminal(terminal)
            .kind(request.kind())
            .amount(request.amount())
            .providerReference("INV-1-A1")
            .build();

    assertThat(command.customerEmail()).contains("maria@example.gr");
    assertThat(command.paymentMethod()).isEqualTo(PaymentMethod.IRIS);
    assertThat(command.preloadExpiry()).contains(Duration.ofMinutes(30));
    assertThat(command.taxFree()).isTrue();
    for (Object shown : new Object[] {request, command}) {
      assertThat(shown.toString()).doesNotContain("maria").doesNotContain("6900000000");
    }
  }
}
