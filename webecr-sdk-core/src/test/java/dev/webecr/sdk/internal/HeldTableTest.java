package dev.webecr.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple3;

/**
 * The journal's index keyed by the references' bytes behaves as an insertion-ordered map of the
 * references themselves, whether an entry was read from a file line or recorded here, whatever the
 * references hold (separators, percent signs, non-ASCII, hashes that collide) and however puts,
 * removals and look-ups interleave (growth and rebuilds included).
 */
class HeldTableTest {
  @Property
  void behavesAsAnInsertionOrderedMapOfTheReferences(
      @ForAll("operations") List<Tuple3<Integer, String, Boolean>> operations) {
    HeldTable table = new HeldTable(0);
    Map<String, HeldEntry> model = new LinkedHashMap<>();
    for (Tuple3<Integer, String, Boolean> op : operations) {
      String key = op.get2();
      switch (op.get1()) {
        case 0:
          HeldEntry held = op.get3() ? fromLine(key) : new HeldEntry(entry(key));
          assertThat(table.put(held)).isSameAs(model.put(key, held));
          break;
        case 1:
          assertThat(table.remove(key)).isSameAs(model.remove(key));
          break;
        default:
          assertThat(table.get(key)).isSameAs(model.get(key));
      }
      assertThat(table.size()).isEqualTo(model.size());
    }
    List<String> keys = new ArrayList<>();
    for (HeldEntry e : table) {
      keys.add(e.key());
      assertThat(e.firstAttempt()).isEqualTo(e.key().endsWith("-A1") && e.key().length() > 3);
    }
    assertThat(keys).containsExactlyElementsOf(model.keySet());
    assertThat(table.values()).containsExactlyElementsOf(model.values());
  }

  @Provide
  Arbitrary<List<Tuple3<Integer, String, Boolean>>> operations() {
    Arbitrary<String> keys =
        Arbitraries.oneOf(
            Arbitraries.strings().withChars("AB|%\n\r-1é€").ofMinLength(1).ofMaxLength(6),
            Arbitraries.integers().between(0, 300).map(n -> "INV-" + n + "-A1"),
            // "Aa" and "BB" hash alike, so these keys collide: only comparing them tells them apart
            Arbitraries.of("Aa", "BB")
                .list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(l -> String.join("", l)));
    Arbitrary<Tuple3<Integer, String, Boolean>> op =
        Combinators.combine(Arbitraries.integers().between(0, 2), keys, Arbitraries.of(true, false))
            .as(Tuple::of);
    return op.list().ofMaxSize(200);
  }

  /** The entry as opening a file holds it: keyed by its reference's bytes in the line. */
  private static HeldEntry fromLine(String key) {
    byte[] file = (JournalLineCodec.encode(entry(key)) + "\n").getBytes(StandardCharsets.UTF_8);
    JournalFileScan scan = JournalFileScan.of(file);
    assertThat(scan.latest.size()).isEqualTo(1);
    return scan.latest.iterator().next();
  }

  private static JournalEntry entry(String key) {
    return JournalFileScanTest.entry(key, JournalPhase.SETTLED);
  }
}
