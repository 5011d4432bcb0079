package dev.webecr.sdk.mellon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.AttemptLookup;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two tills with journals of their own may send one attempt reference; an attempt of ours must not
 * adopt the other till's intent under it.
 */
class AttemptCandidatesTest {
  private static final Instant SENT = Instant.parse("2026-12-07T10:00:00Z");
  private final Terminal terminal =
      Terminal.builder().providerId("mellon").tid("10000001").callId("358001").build();

  private static WireJson intent(String id, String terminalId, String created) {
    return WireJson.parse(
        "{\"Id\": "
            + id
            + ", \"CustomerReference\": \"DOC-A1\", \"Terminal\": \""
            + terminalId
            + "\", \"Timestamp\": \""
            + created
            + "\"}");
  }

  private static AttemptLookup sentAt(Instant sent) {
    return AttemptLookup.builder()
        .providerReference("DOC-A1")
        .kind(TransactionType.SALE)
        .sentAfter(sent)
        .build();
  }

  private List<String> ids(List<WireJson> listed, AttemptLookup attempt) {
    return AttemptCandidates.byReference(listed, attempt, terminal).stream()
        .map(i -> MellonMapper.intentId(i).orElseThrow())
        .collect(Collectors.toList());
  }

  @Test
  void anIntentOnAnotherTerminalIsAnotherTillsUnlessNoSendOfOursIsBehindTheLookup() {
    List<WireJson> listed = List.of(intent("7", "358002", "2026-12-07T10:00:01Z"));

    assertThat(ids(listed, sentAt(SENT))).isEmpty();
    // the lookup before a first attempt looks for another till's payment: any terminal
    assertThat(ids(listed, sentAt(Instant.EPOCH))).containsExactly("7");
  }

  @Test
  void anIntentCreatedWellBeforeTheSendIsAnotherTillsAndTheSkewIsAllowed() {
    List<WireJson> listed =
        List.of(
            intent("5", "358001", "2026-12-07T09:55:00Z"),
            intent("6", "358001", "2026-12-07T09:58:30Z"));

    assertThat(ids(listed, sentAt(SENT))).containsExactly("6");
  }

  @Test
  void ofSeveralTheOneCreatedNearestTheSendIsTaken() {
    WireJson other = intent("8", "358001", "2026-12-07T10:03:00Z");
    WireJson ours = intent("9", "358001", "2026-12-07T10:00:02Z");
    AttemptLookup attempt = sentAt(SENT);

    List<WireJson> candidates =
        AttemptCandidates.byReference(List.of(other, ours), attempt, terminal);

    assertThat(candidates).hasSize(2);
    assertThat(
            candidates.stream()
                .min(
                    java.util.Comparator.comparing(
                        i -> AttemptCandidates.distanceFromSend(i, attempt))))
        .get()
        .isSameAs(ours);
  }

  @Test
  void anIntentAnotherAttemptOfTheJournalOwnsIsNeverTaken() {
    List<WireJson> listed = List.of(intent("4", "358001", "2026-12-07T10:00:01Z"));
    AttemptLookup attempt =
        AttemptLookup.builder().from(sentAt(SENT)).addExcludedIntentIds("4").build();

    assertThat(ids(listed, attempt)).isEmpty();
  }
}
