package dev.webecr.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.spi.PosProviderFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderLoadingTest {
  /** Registered in this module's test META-INF/services. */
  public static final class ScriptedFactory implements PosProviderFactory {
    @Override
    public String id() {
      return "scripted";
    }

    @Override
    public PosProvider create(Map<String, String> properties) {
      return new ScriptedProvider(java.time.Clock.systemUTC());
    }
  }

  /** A second factory for the same id, registered too. */
  public static class RivalFactory implements PosProviderFactory {
    @Override
    public String id() {
      return "twice";
    }

    @Override
    public PosProvider create(Map<String, String> properties) {
      throw new AssertionError("never chosen");
    }
  }

  /** The first factory for the id "twice". */
  public static final class FirstTwiceFactory extends RivalFactory {}

  @Test
  void providerIsFoundByIdThroughServiceLoader() {
    try (PosClient client =
        PosClient.builder().provider("scripted", Map.of()).journal(Journals.inMemory()).build()) {
      assertThat(client.provider().id()).isEqualTo("scripted");
    }
  }

  @Test
  void anUnknownIdSaysWhatIsAvailable() {
    assertThatThrownBy(
            () ->
                PosClient.builder().provider("nope", Map.of()).journal(Journals.inMemory()).build())
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("provider"))
        .hasMessageContaining("scripted");
  }

  @Test
  void twoCandidatesAndNoChoiceIsAnErrorThatSaysHowToChoose() {
    assertThatThrownBy(
            () ->
                PosClient.builder()
                    .provider("twice", Map.of())
                    .journal(Journals.inMemory())
                    .build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("RivalFactory")
        .hasMessageContaining("provider(PosProvider)");
  }
}
