package dev.webecr.sdk.rrpay.internal;

import dev.webecr.sdk.InvalidRequestException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The exchange folders: {@code outbox/} (ERP to RRPay), {@code inbox/} (RRPay to ERP), {@code
 * done/}, {@code rejected/}, and our own {@code sent/} (a copy of every request, so a restarted ERP
 * knows its ids). Every file is written to a hidden temporary name, fsync'd, then renamed, so no
 * side ever reads half a file.
 */
public final class FolderExchange {
  final Path root;
  public final Path outbox;
  public final Path inbox;
  public final Path done;
  public final Path rejected;
  public final Path sent;

  private FolderExchange(Path root) {
    this.root = root;
    this.outbox = root.resolve("outbox");
    this.inbox = root.resolve("inbox");
    this.done = root.resolve("done");
    this.rejected = root.resolve("rejected");
    this.sent = root.resolve("sent");
  }

  /** Opens the exchange; the four shared folders must exist and be writable. */
  public static FolderExchange open(Path root) {
    FolderExchange x = new FolderExchange(root.toAbsolutePath());
    for (Path dir : List.of(x.outbox, x.inbox, x.done, x.rejected)) {
      if (!Files.isDirectory(dir)) {
        throw new InvalidRequestException(
            "exchangeRoot",
            "folder "
                + dir
                + " is missing: "
                + "create outbox/, inbox/, done/ and rejected/ (RRPay's setup does)");
      }
      if (!Files.isWritable(dir)) {
        throw new InvalidRequestException("exchangeRoot", "folder " + dir + " is not writable");
      }
    }
    try {
      Files.createDirectories(x.sent);
    } catch (IOException e) {
      throw new InvalidRequestException("exchangeRoot", "cannot create " + x.sent);
    }
    return x;
  }

  /** The root folder. */
  public Path root() {
    return root;
  }

  /** Writes {@code dir/name} atomically: temporary file, fsync, rename. */
  public void write(Path dir, String name, String content) {
    Path tmp = dir.resolve("." + name + ".tmp");
    try (FileChannel out =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ByteBuffer buf = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
      while (buf.hasRemaining()) {
        out.write(buf);
      }
      out.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    move(tmp, dir.resolve(name));
  }

  public Optional<String> read(Path file) {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Moves a file, atomically where the file system can. */
  public void move(Path from, Path to) {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      try {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e2) {
        throw new UncheckedIOException(e2);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a file; false when it was already gone (someone else took it). */
  public boolean withdraw(Path file) {
    try {
      return Files.deleteIfExists(file);
    } catch (IOException e) {
      return false;
    }
  }

  /** Moves a bad file to {@code rejected/} with a reason file beside it. */
  public void reject(Path file, String reason) {
    Path target = rejected.resolve(file.getFileName());
    move(file, target);
    write(rejected, file.getFileName() + ".reason.txt", reason + "\n");
  }

  /** The visible files of a folder, by name. */
  public List<Path> list(Path dir) {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        if (!f.getFileName().toString().startsWith(".") && Files.isRegularFile(f)) {
          out.add(f);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.sort(null);
    return out;
  }
}
