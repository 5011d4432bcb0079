package dev.webecr.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.webecr.sdk.Money;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Reading a journal file in stretches side by side finds what one pass finds: the same attempts in
 * the same order with the same lines, the same torn tail, the same first corrupt line, wherever the
 * stretches fall and whatever the damage.
 */
class JournalFileScanTest {
  private static final Terminal TERMINAL =
      Terminal.builder().providerId("mellon").tid("64999964").callId("358046").build();

  @Property
  void stretchesSideBySideReadWhatOnePassReads(
      @ForAll("files") byte[] file,
      @ForAll @IntRange(min = 1, max = 400) int stretch,
      @ForAll @IntRange(min = 2, max = 5) int threads) {
    JournalFileScan one = JournalFileScan.of(file, Integer.MAX_VALUE, 1);
    JournalFileScan many = JournalFileScan.of(file, stretch, threads);

    assertThat(many.lines).isEqualTo(one.lines);
    assertThat(many.wholeLength).isEqualTo(one.wholeLength);
    assertThat(many.corruptLine).isEqualTo(one.corruptLine);
    assertThat(keys(many)).containsExactlyElementsOf(keys(one));
    for (HeldEntry e : one.latest) {
      assertThat(many.latest.get(e.key()).line()).isEqualTo(e.line());
    }
    List<HeldEntry> mattering = new ArrayList<>();
    for (HeldEntry e : many.latest) {
      if (e.inFlight() || !e.key().endsWith("-A1")) {
        mattering.add(e);
      }
    }
    assertThat(many.notableLatest())
        .as("what the index looks at beyond the table, in order of first record")
        .containsExactlyElementsOf(mattering);
  }

  @Test
  void aBrokenLineInAnEarlierStretchIsCorruptionEvenWhenLaterStretchesReadWell() {
    List<String> lines = lines(30);
    lines.set(5, lines.get(5).replace("SETTLED", "SETTLEX")); // checksum no longer holds
    byte[] file = join(lines, "");

    JournalFileScan scan = JournalFileScan.of(file, 64, 4);

    assertThat(scan.corruptLine).isEqualTo(6);
    assertThat(scan.lines).isEqualTo(5);
    assertThat(scan.latest.size()).isEqualTo(5);
  }

  @Test
  void aTornLastLineIsCutOffWhicheverStretchHoldsIt() {
    List<String> lines = lines(30);
    byte[] whole = join(lines, "");
    byte[] torn = join(lines, lines.get(0).substring(0, 40));

    JournalFileScan scan = JournalFileScan.of(torn, 64, 4);

    assertThat(scan.corruptLine).isZero();
    assertThat(scan.lines).isEqualTo(30);
    assertThat(scan.wholeLength).isEqualTo(whole.length);
  }

  @Test
  void attemptsInFlightDecodedSideBySideNameTheFirstThatDoesNotDecodeInFileOrder() {
    int count = 4 * JournalFileScan.DECODES_PER_THREAD;
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String line = JournalLineCodec.encode(inFlight("F-" + i + "-A1"));
      lines.add(i == 2_100 || i == 3_900 ? undecodable(line) : line);
    }

    JournalFileScan bad = JournalFileScan.of(join(lines, ""), 64, 4);
    lines.set(2_100, JournalLineCodec.encode(inFlight("F-2100-A1")));
    JournalFileScan second = JournalFileScan.of(join(lines, ""), 64, 4);
    lines.set(3_900, JournalLineCodec.encode(inFlight("F-3900-A1")));
    JournalFileScan sound = JournalFileScan.of(join(lines, ""), 64, 4);

    assertThat(bad.firstUndecodableInFlight()).isEqualTo("F-2100-A1");
    assertThat(second.firstUndecodableInFlight()).isEqualTo("F-3900-A1");
    assertThat(sound.firstUndecodableInFlight()).isNull();
    assertThat(sound.latest.get("F-3999-A1").entry()).isEqualTo(inFlight("F-3999-A1"));
  }

  private static JournalEntry inFlight(String providerReference) {
    return entry(providerReference, JournalPhase.IN_FLIGHT);
  }

  /** A sale of one euro on one terminal, created and recorded at one time (HeldTableTest too). */
  static JournalEntry entry(String providerReference, JournalPhase phase) {
    return JournalEntry.builder()
        .providerReference(providerReference)
        .terminal(TERMINAL)
        .kind(TransactionType.SALE)
        .amount(Money.euroCents(100))
        .phase(phase)
        .createdAt(Instant.ofEpochSecond(1_790_000_000L))
        .recordedAt(Instant.ofEpochSecond(1_790_000_000L))
        .build();
  }

  /** The line with a currency no one has and a checksum that holds: whole, but not an entry. */
  private static String undecodable(String line) {
    String[] f = line.substring(0, line.lastIndexOf('|')).split("\\|", -1);
    f[10] = "EURO";
    String body = String.join("|", f);
    CRC32 crc = new CRC32();
    crc.update(body.getBytes(StandardCharsets.UTF_8));
    return body + "|" + String.format("%08x", crc.getValue());
  }

  @Provide
  Arbitrary<byte[]> files() {
    Arbitrary<List<String>> journals = Arbitraries.integers().between(0, 40).map(this::lines);
    return journals.flatMap(
        lines -> {
          byte[] clean = join(lines, "");
          Arbitrary<byte[]> torn =
              Arbitraries.integers()
                  .between(0, Math.max(0, clean.length - 1))
                  .map(n -> Arrays.copyOf(clean, n));
          Arbitrary<byte[]> flipped =
              Arbitraries.integers()
                  .between(0, Math.max(0, clean.length - 1))
                  .map(at -> flip(clean, at));
          Arbitrary<byte[]> tail =
              Arbitraries.strings()
                  .withChars("|\n2abcZ09")
                  .ofMaxLength(60)
                  .map(t -> join(lines, t));
          return Arbitraries.oneOf(Arbitraries.just(clean), torn, flipped, tail);
        });
  }

  private static List<String> keys(JournalFileScan scan) {
    List<String> keys = new ArrayList<>();
    scan.latest.forEach(e -> keys.add(e.key()));
    return keys;
  }

  private List<String> lines(int count) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      lines.add(
          JournalLineCodec.encode(
              JournalEntry.builder()
                  .providerReference("INV-" + (i % 7) + "-A" + (1 + i % 3))
                  .terminal(TERMINAL)
                  .kind(TransactionType.SALE)
                  .amount(Money.euroCents(100 + i))
                  .phase(i % 4 == 0 ? JournalPhase.IN_FLIGHT : JournalPhase.SETTLED)
                  .createdAt(Instant.ofEpochSecond(1_790_000_000L + i))
                  .recordedAt(Instant.ofEpochSecond(1_790_000_000L + i))
                  .build()));
    }
    return lines;
  }

  private static byte[] join(List<String> lines, String tail) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String line : lines) {
      out.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static byte[] flip(byte[] clean, int at) {
    byte[] copy = clean.clone();
    if (copy.length > 0) {
      copy[at] = (byte) (copy[at] == 'x' ? 'y' : 'x');
    }
    return copy;
  }
}
