package dev.webecr.sdk.mellon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.Journals;
import dev.webecr.sdk.PosClient;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class MellonConfigTest {
  private static MellonConfig.Builder nbg() {
    MellonConfig.Builder b = MellonConfig.builder();
    b.acquirer(Acquirer.NBG).username("u").password("SECRET-pw");
    return b;
  }

  private static void rejects(String field, Supplier<?> build) {
    assertThatThrownBy(build::get)
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void urlsAreDerivedFromThePresetAndVersion() {
    MellonConfig c = nbg().build();

    assertThat(c.resolvedTokenUrl()).isEqualTo("https://www.mreceipts.com/api/token/");
    assertThat(c.resolvedTokenRefreshUrl())
        .isEqualTo("https://www.mreceipts.com/api/token/refresh/");
    assertThat(c.resolvedResourceUrl()).isEqualTo("https://www.mreceipts.com/api/v2.2/");
    assertThat(nbg().apiVersion("v2.1").build().resolvedResourceUrl()).endsWith("/api/v2.1/");
    assertThat(nbg().baseUrl("https://epay.example.gr/").build().resolvedResourceUrl())
        .isEqualTo("https://epay.example.gr/api/v2.2/");
  }

  @Test
  void badConfigurationIsRejectedNamingTheField() {
    rejects("baseUrl", () -> MellonConfig.builder().username("u").password("p").build());
    rejects("baseUrl", () -> nbg().baseUrl("http://plain.example.gr").build());
    rejects("baseUrl", () -> nbg().baseUrl("not a url").build());
    rejects("apiVersion", () -> nbg().apiVersion("2.2").build());
    rejects("username", () -> nbg().username(" ").build());
    rejects("password", () -> nbg().password("").build());
    rejects("timeouts", () -> nbg().readTimeout(java.time.Duration.ZERO).build());
    // the README's first snippet run without its environment variables
    rejects("username", () -> nbg().username(System.getenv("WEBECR_NO_SUCH_VARIABLE")));
    rejects("password", () -> MellonConfig.builder().acquirer(Acquirer.NBG).username("u").build());
    assertThat(
            nbg()
                .baseUrl("http://127.0.0.1:8089")
                .allowInsecureHttp(true)
                .build()
                .resolvedResourceUrl())
        .startsWith("http://127.0.0.1:8089/");
  }

  @Test
  void thePasswordNeverAppearsInToString() {
    assertThat(nbg().build().toString()).doesNotContain("SECRET-pw").contains("password=****");
  }

  @Test
  void theFactoryIsFoundByServiceLoaderAndChecksItsProperties() {
    try (PosClient client =
        PosClient.builder()
            .provider("mellon", Map.of("acquirer", "nbg", "username", "u", "password", "p"))
            .journal(Journals.inMemory())
            .signer(
                r -> {
                  throw new AssertionError("not signing");
                })
            .build()) {
      assertThat(client.provider().id()).isEqualTo("mellon");
    }
    MellonProviderFactory f = new MellonProviderFactory();
    rejects("color", () -> f.create(Map.of("color", "red", "username", "u", "password", "p")));
    rejects("password", () -> f.create(Map.of("acquirer", "NBG", "username", "u")));
    rejects(
        "acquirer", () -> f.create(Map.of("acquirer", "XYZ", "username", "u", "password", "p")));
    rejects(
        "readTimeout",
        () ->
            f.create(
                Map.of(
                    "acquirer", "NBG", "username", "u", "password", "p", "readTimeout", "soon")));
  }
}
