package dev.webecr.sdk.consumercheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every link in every Markdown file of the repository resolves from a clone: relative links name a
 * file or folder inside the repository, and an anchor names a heading of its target.
 */
class MarkdownLinksTest {
  private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*$");
  private static final Set<String> SKIPPED = Set.of("target", ".git", "node_modules");
  private final Path root = RepositoryRoot.get();

  @Test
  void everyRelativeLinkResolvesInsideTheRepository() {
    List<String> broken = new ArrayList<>();
    List<Path> files = markdownFiles();
    for (Path file : files) {
      for (String target : links(read(file))) {
        check(file, target)
            .ifPresent(
                problem -> broken.add(root.relativize(file) + ": (" + target + ") " + problem));
      }
    }
    assertThat(files).hasSizeGreaterThan(8);
    assertThat(broken).isEmpty();
  }

  @Test
  void noDocumentPointsOutsideTheRepository() {
    for (Path file : markdownFiles()) {
      assertThat(read(file)).as(root.relativize(file).toString()).doesNotContain("../shared");
    }
  }

  @Test
  void theCheckItselfCatchesABrokenLinkAndABrokenAnchor() {
    Path readme = root.resolve("README.md");
    assertThat(check(readme, "docs/nowhere.md")).contains("no such file");
    assertThat(check(readme, "docs/design.md#no-such-heading"))
        .contains("no heading #no-such-heading");
    assertThat(check(readme, "../outside.md")).contains("outside the repository");
    assertThat(check(readme, "docs/design.md#testkit")).isEmpty();
  }

  private java.util.Optional<String> check(Path file, String target) {
    if (target.matches("^[a-z]+:.*")) {
      return java.util.Optional.empty(); // http(s), mailto: not reachable from CI
    }
    int hash = target.indexOf('#');
    String path = hash < 0 ? target : target.substring(0, hash);
    String anchor = hash < 0 ? null : target.substring(hash + 1);
    Path resolved = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
    if (!resolved.startsWith(root)) {
      return java.util.Optional.of("outside the repository");
    }
    if (!Files.exists(resolved)) {
      return java.util.Optional.of("no such file");
    }
    if (anchor != null
        && resolved.toString().endsWith(".md")
        && !anchors(read(resolved)).contains(anchor)) {
      return java.util.Optional.of("no heading #" + anchor);
    }
    return java.util.Optional.empty();
  }

  private List<Path> markdownFiles() {
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(p -> p.toString().endsWith(".md"))
          .filter(p -> root.relativize(p).toString().chars().count() > 0)
          .filter(
              p -> {
                for (Path part : root.relativize(p)) {
                  if (SKIPPED.contains(part.toString())) {
                    return false;
                  }
                }
                return true;
              })
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> links(String markdown) {
    List<String> out = new ArrayList<>();
    boolean fenced = false;
    for (String line : markdown.split("\n")) {
      if (line.trim().startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      if (fenced) {
        continue;
      }
      Matcher m = LINK.matcher(line.replaceAll("`[^`]*`", ""));
      while (m.find()) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  /** Heading anchors as GitHub makes them: lower case, punctuation dropped, spaces to hyphens. */
  private static Set<String> anchors(String markdown) {
    return markdown
        .lines()
        .map(HEADING::matcher)
        .filter(Matcher::matches)
        .map(
            m ->
                m.group(1)
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N} _-]", "")
                    .replace(' ', '-'))
        .collect(Collectors.toSet());
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
