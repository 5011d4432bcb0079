package dev.webecr.sdk.consumercheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layout rules of the design: small main files, and the SPI never leaning on internals. */
class LayoutTest {
  private static final int MAX_LINES = 300;
  private final Path root = RepositoryRoot.get();

  @Test
  void noMainSourceFileIsOver300Lines() throws IOException {
    List<String> tooLong =
        mainSources()
            .filter(p -> lines(p) > MAX_LINES)
            .map(p -> root.relativize(p) + " " + lines(p))
            .collect(Collectors.toList());
    assertThat(tooLong).isEmpty();
  }

  @Test
  void theSpiImportsNothingInternalSoTheyFormNoCycle() throws IOException {
    List<String> offending =
        mainSources()
            .filter(p -> p.toString().contains("/dev/webecr/sdk/spi/"))
            .filter(
                p ->
                    read(p)
                        .lines()
                        .anyMatch(
                            l ->
                                l.startsWith("import dev.webecr.sdk.internal")
                                    || l.startsWith("import static dev.webecr.sdk.internal")))
            .map(p -> root.relativize(p).toString())
            .collect(Collectors.toList());
    assertThat(mainSources().filter(p -> p.toString().contains("/sdk/spi/")).count())
        .isGreaterThan(10);
    assertThat(offending).isEmpty();
  }

  @Test
  void noModuleImportsAnotherModulesInternals() throws IOException {
    List<String> offending =
        mainSources()
            .filter(
                p -> {
                  String own = ownInternalPackage(p);
                  return read(p)
                      .lines()
                      .filter(l -> l.startsWith("import ") && l.contains(".internal."))
                      .anyMatch(l -> own == null || !l.contains(own));
                })
            .map(p -> root.relativize(p).toString())
            .collect(Collectors.toList());
    assertThat(offending).isEmpty();
  }

  @Test
  void theTestkitsRoomsLeanOnlyOnWhatTheyShare() throws IOException {
    // shared imports no room; a product's room imports no other product's; junit may use webecr's
    Path testkit = root.resolve("webecr-sdk-testkit/src/main/java/dev/webecr/sdk/testkit");
    List<String> offending =
        mainSources()
            .filter(p -> p.startsWith(testkit))
            .flatMap(
                p -> {
                  Path rel = testkit.relativize(p);
                  String room = rel.getNameCount() == 1 ? "" : rel.getName(0).toString();
                  return read(p)
                      .lines()
                      .filter(
                          l ->
                              l.matches(
                                  "import (static )?dev\\.webecr\\.sdk\\.testkit\\.[a-z]+\\..*"))
                      .map(
                          l ->
                              l.replaceFirst(
                                  "import (static )?dev\\.webecr\\.sdk\\.testkit\\.", ""))
                      .map(l -> l.substring(0, l.indexOf('.')))
                      .filter(used -> !used.equals(room))
                      .filter(used -> !(room.equals("junit") && used.equals("webecr")))
                      .map(used -> rel + " imports testkit." + used);
                })
            .collect(Collectors.toList());
    assertThat(mainSources().filter(p -> p.startsWith(testkit.resolve("webecr"))).count())
        .isGreaterThan(20);
    assertThat(offending).isEmpty();
  }

  @Test
  void theApiPackageHoldsNoEngineTypes() throws IOException {
    Path api = root.resolve("webecr-sdk-core/src/main/java/dev/webecr/sdk");
    List<String> frontDoors =
        List.of("PosClient.java", "PosClientBuilder.java", "Journals.java", "JournalLines.java");
    List<String> leaningOnTheEngine;
    List<String> engineLike;
    try (Stream<Path> files = Files.list(api)) {
      List<Path> apiFiles =
          files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
      leaningOnTheEngine =
          apiFiles.stream()
              .filter(p -> read(p).contains("import dev.webecr.sdk.internal."))
              .map(p -> p.getFileName().toString())
              .filter(name -> !frontDoors.contains(name))
              .collect(Collectors.toList());
      // a package-private class that talks to a provider or a journal is engine, not API
      engineLike =
          apiFiles.stream()
              .filter(p -> read(p).lines().noneMatch(l -> l.startsWith("public ")))
              .filter(
                  p ->
                      read(p).contains("import dev.webecr.sdk.spi.PosProvider;")
                          || read(p).contains("import dev.webecr.sdk.spi.IntentJournal;"))
              .map(p -> p.getFileName().toString())
              .collect(Collectors.toList());
    }
    assertThat(leaningOnTheEngine).isEmpty();
    assertThat(engineLike).isEmpty();
  }

  /** The internal package of the module {@code p} belongs to ("dev.webecr.sdk.jdbc.internal."). */
  private String ownInternalPackage(Path p) {
    String module = root.relativize(p).getName(0).toString();
    switch (module) {
      case "webecr-sdk-core":
        return "dev.webecr.sdk.internal.";
      case "webecr-sdk-mellon":
        return "dev.webecr.sdk.mellon.internal.";
      case "webecr-sdk-rrpay":
        return "dev.webecr.sdk.rrpay.internal.";
      case "webecr-sdk-jdbc":
        return "dev.webecr.sdk.jdbc.internal.";
      case "webecr-sdk-viva":
        return "dev.webecr.sdk.viva.internal.";
      default:
        return null; // testkit, samples, benchmarks have no internals of their own
    }
  }

  private Stream<Path> mainSources() throws IOException {
    List<Path> all;
    try (Stream<Path> walk = Files.walk(root)) {
      all =
          walk.filter(p -> p.toString().endsWith(".java"))
              .filter(p -> p.toString().contains("/src/main/java/"))
              .filter(p -> !p.toString().contains("/target/"))
              .collect(Collectors.toList());
    }
    return all.stream();
  }

  private static long lines(Path p) {
    return read(p).lines().count();
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
