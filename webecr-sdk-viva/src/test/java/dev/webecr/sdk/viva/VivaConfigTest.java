package dev.webecr.sdk.viva;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.spi.Capability;
import dev.webecr.sdk.spi.PosProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VivaConfigTest {
  private static VivaConfig.Builder valid() {
    return VivaConfig.builder()
        .clientId("client")
        .clientSecret("s3cr3t-never-shown")
        .cashRegisterId("TILL-1")
        .aadeProviderId(108);
  }

  @Test
  void theSecretNeverShowsInToString() {
    assertThat(valid().build().toString()).doesNotContain("s3cr3t").contains("clientId=client");
  }

  @Test
  void defaultsToProductionWithAMinimumOfOneCentAndTheDemoToThirty() {
    VivaConfig production = valid().build();
    VivaConfig demo = valid().environment(VivaEnvironment.DEMO).build();

    assertThat(production.resolvedApiUrl()).isEqualTo("https://api.vivapayments.com/");
    assertThat(production.resolvedTokenUrl())
        .isEqualTo("https://accounts.vivapayments.com/connect/token");
    assertThat(production.minimumAmountCents()).isEqualTo(1);
    assertThat(demo.resolvedApiUrl()).isEqualTo("https://demo-api.vivapayments.com/");
    assertThat(demo.minimumAmountCents()).isEqualTo(30);
  }

  @Test
  void aadeModeNeedsVivasNumberOfTheProviderAndNamesTheField() {
    assertThatThrownBy(
            () -> VivaConfig.builder().clientId("c").clientSecret("s").cashRegisterId("T").build())
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("aadeProviderIds"));
    assertThat(
            VivaConfig.builder()
                .clientId("c")
                .clientSecret("s")
                .cashRegisterId("T")
                .aadeMode(false)
                .build()
                .aadeMode())
        .isFalse();
  }

  @Test
  void aMappedNumberWinsOverTheSingleOne() {
    VivaConfig c = valid().putAadeProviderIds("8", 108).aadeProviderId(999).build();

    assertThat(c.vivaProviderIdOf("8")).contains(108);
    assertThat(c.vivaProviderIdOf("101")).contains(999);
  }

  @Test
  void plainHttpIsRefusedUnlessAllowedForATestServer() {
    assertThatThrownBy(() -> valid().apiUrl("http://example.test/").build())
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("apiUrl"));
    assertThatThrownBy(() -> valid().cashRegisterId(" ").build())
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("cashRegisterId"));
  }

  @Test
  void theFactoryBuildsFromPropertiesAndRefusesUnknownOnes() {
    PosProvider viva =
        new VivaProviderFactory()
            .create(
                Map.of(
                    "clientId", "c",
                    "clientSecret", "s",
                    "cashRegisterId", "T",
                    "aadeProviderId", "108",
                    "environment", "demo"));
    try {
      assertThat(viva.id()).isEqualTo("viva");
      assertThat(viva.capabilities())
          .contains(Capability.SIGNATURE_REQUIRED, Capability.DIRECT_MODE)
          .doesNotContain(Capability.VOID, Capability.REDEEM, Capability.SERVER_SIDE_WAIT);
    } finally {
      viva.close();
    }
    assertThatThrownBy(() -> new VivaProviderFactory().create(Map.of("clientSecrt", "x")))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("clientSecrt"));
    assertThatThrownBy(
            () ->
                new VivaProviderFactory()
                    .create(
                        Map.of(
                            "clientId",
                            "c",
                            "clientSecret",
                            "s",
                            "cashRegisterId",
                            "T",
                            "aadeProviderId",
                            "x")))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("aadeProviderId"));
  }
}
