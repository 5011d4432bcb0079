package dev.webecr.sdk.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Making a rename durable: the directory that holds the file is forced too. */
final class Directories {
  private Directories() {}

  /** Forces {@code dir} (null: nothing) where the platform lets a directory be opened. */
  static void fsync(Path dir) {
    if (dir == null) {
      return;
    }
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | RuntimeException e) {
      // Not every platform can open a directory; the rename itself is still atomic.
    }
  }
}
