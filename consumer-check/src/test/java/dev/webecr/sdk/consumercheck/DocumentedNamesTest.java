package dev.webecr.sdk.consumercheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Java names the documents cite exist in the code: a type named like one of ours ({@code
 * ...Builder}, {@code ...Exception}, {@code ...Client}, ...) is a type of ours or a library's named
 * here, and a cited member ({@code PosClientBuilder.duplicateWatch}, {@code client.recover()}) is
 * declared in the type cited (or, after a variable, in some type of ours). A rename that leaves the
 * README or the design behind fails here.
 */
class DocumentedNamesTest {
  /** In backticks: a type, optionally followed by a member. */
  private static final Pattern CITED =
      Pattern.compile("`([A-Za-z][A-Za-z0-9]*)(?:[.#]([a-z][A-Za-z0-9]*))?(?:\\(|`|\\.\\.\\.)");

  /** Type names that read as ours, so a missing one is a stale document. */
  private static final Pattern OURS =
      Pattern.compile(
          ".*(Exception|Builder|Client|Provider|Journal|Report|Policy|Signer|Request|Intent"
              + "|Credentials|Adapter|Server|Config|Kit|Watch|Directory|Lease|Store)$");

  /** Libraries' types the design compares us with, named on purpose. */
  private static final Set<String> THEIRS =
      Set.of(
          "RetryPolicy",
          "OkHttpClient",
          "NetworkBehavior",
          "ServiceMethod",
          "MockWebServer",
          "IllegalStateException",
          "NullPointerException",
          "IllegalArgumentException",
          "HttpServer",
          "DataSource");

  /** Variables the README's snippets use for our types. */
  private static final Map<String, String> VARIABLES =
      Map.of("client", "PosClient", "builder", "PosClientBuilder", "journal", "IntentJournal");

  private final Path root = RepositoryRoot.get();

  @Test
  void everyCitedTypeAndMemberExists() {
    Map<String, String> types = typesOfOurs();
    List<String> stale = new ArrayList<>();
    for (Path doc : documents()) {
      Matcher m = CITED.matcher(read(doc));
      while (m.find()) {
        String type = VARIABLES.getOrDefault(m.group(1), m.group(1));
        String member = m.group(2);
        String where =
            root.relativize(doc) + ": `" + m.group(1) + (member == null ? "" : "." + member) + "`";
        if (!Character.isUpperCase(type.charAt(0)) || THEIRS.contains(type)) {
          continue;
        }
        String source = types.get(type);
        if (source == null) {
          if (OURS.matcher(type).matches()) {
            stale.add(where + ": no such type");
          }
          continue;
        }
        if (member != null && !declares(source, member)) {
          stale.add(where + ": " + type + " declares no " + member);
        }
      }
    }
    assertThat(types).containsKeys("PosClient", "PosClientBuilder", "MellonConfig");
    assertThat(stale).isEmpty();
  }

  @Test
  void theCheckItselfCatchesAStaleName() {
    Map<String, String> types = typesOfOurs();
    assertThat(declares(types.get("PosClientBuilder"), "duplicateWatch")).isTrue();
    assertThat(declares(types.get("PosClientBuilder"), "duplicateWatchh")).isFalse();
    assertThat(OURS.matcher("TerminalCredentials").matches()).isTrue();
    assertThat(types).doesNotContainKey("TerminalCredentials");
  }

  private static boolean declares(String source, String member) {
    return Pattern.compile("\\b" + Pattern.quote(member) + "\\s*[(;=]").matcher(source).find()
        || Pattern.compile("\\b" + Pattern.quote(member) + "\\s*[,)]").matcher(source).find()
            && source.contains("enum ");
  }

  /** Simple type name to its source (nested types to their outer file's source). */
  private Map<String, String> typesOfOurs() {
    Map<String, String> out = new HashMap<>();
    Pattern declared =
        Pattern.compile("\\b(?:class|interface|enum|@interface)\\s+([A-Z][A-Za-z0-9]*)");
    for (Path p : mainSources()) {
      String text = read(p);
      Matcher m = declared.matcher(text);
      while (m.find()) {
        out.merge(m.group(1), text, (a, b) -> a + "\n" + b);
      }
    }
    return out;
  }

  private List<Path> documents() {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".md"))
          .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
          .filter(p -> !p.toString().contains("/contracts/")) // wire names, not Java
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Path> mainSources() {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> p.toString().contains("/src/main/java/"))
          .filter(p -> !p.toString().contains("/target/"))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
