package dev.webecr.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.webecr.sdk.spi.Capability;
import dev.webecr.sdk.spi.CreateIntentCommand;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The options travel from the request to the provider's command, personal data never shown, and
 * each names the capability a provider needs for it.
 */
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

  @Test
  void eachOptionNamesTheCapabilityItNeedsAndAnUnsignedSeriesOnlyWhereSignaturesAreRequired() {
    PaymentRequest plain =
        PaymentRequest.builder()
            .terminal(terminal)
            .amount(Money.euroCents(2480))
            .reference("INV-2")
            .build();
    PaymentRequest dressed =
        PaymentRequest.builder()
            .from(plain)
            .paymentMethod(PaymentMethod.IRIS)
            .tip(Money.euroCents(100))
            .customerPhone("+306900000000")
            .onBehalfCollection(true)
            .unsignedSeries(true)
            .build();
    java.util.Set<Capability> none = java.util.Set.of();

    assertThat(Capability.requiredBy(plain, none)).containsExactly(Capability.SALE);
    assertThat(
            Capability.requiredBy(
                PaymentRequest.builder().from(plain).kind(TransactionType.REFUND).build(), none))
        .containsExactly(Capability.REFUND);
    assertThat(Capability.requiredBy(dressed, none))
        .containsExactlyInAnyOrder(
            Capability.SALE,
            Capability.IRIS,
            Capability.TIP,
            Capability.RECEIPT_CONTACT,
            Capability.TAX_FLAGS);
    assertThat(Capability.requiredBy(dressed, java.util.Set.of(Capability.SIGNATURE_REQUIRED)))
        .contains(Capability.UNSIGNED_SERIES);
  }
}
