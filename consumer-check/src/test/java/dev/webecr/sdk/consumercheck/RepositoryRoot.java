package dev.webecr.sdk.consumercheck;

import java.nio.file.Files;
import java.nio.file.Path;

/** The clone these checks run in: the parent of this module's folder. */
final class RepositoryRoot {
  private RepositoryRoot() {}

  static Path get() {
    Path root = Path.of("").toAbsolutePath().getParent();
    if (!Files.exists(root.resolve("webecr-sdk-bom/pom.xml"))) {
      throw new IllegalStateException("not run from consumer-check inside the repository: " + root);
    }
    return root;
  }
}
