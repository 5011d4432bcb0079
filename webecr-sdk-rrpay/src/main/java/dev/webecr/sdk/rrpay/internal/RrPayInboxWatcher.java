package dev.webecr.sdk.rrpay.internal;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes RRPay's answers as they arrive: a daemon thread woken by the file system's watch service,
 * and by the poll interval in any case (a watch service may miss events, or not exist).
 */
final class RrPayInboxWatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RrPayInboxWatcher.class);
  private final RrPayInbox inbox;
  private final WatchService watch;
  private final Duration interval;
  private final Thread thread;
  private volatile boolean open = true;

  private RrPayInboxWatcher(Path folder, RrPayInbox inbox, Duration interval) {
    this.inbox = inbox;
    this.interval = interval;
    WatchService w;
    try {
      w = FileSystems.getDefault().newWatchService();
      folder.register(
          w, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
    } catch (IOException | UnsupportedOperationException e) {
      w = null; // the polling fallback alone
    }
    this.watch = w;
    this.thread = new Thread(this::run, "rrpay-inbox");
    thread.setDaemon(true);
  }

  static RrPayInboxWatcher start(Path folder, RrPayInbox inbox, Duration interval) {
    RrPayInboxWatcher w = new RrPayInboxWatcher(folder, inbox, interval);
    w.thread.start();
    return w;
  }

  private void run() {
    while (open) {
      try {
        WatchKey key =
            watch == null ? null : watch.poll(interval.toMillis(), TimeUnit.MILLISECONDS);
        if (watch == null) {
          TimeUnit.MILLISECONDS.sleep(interval.toMillis());
        }
        inbox.drain();
        if (key != null) {
          key.pollEvents();
          key.reset();
        }
      } catch (InterruptedException | ClosedWatchServiceException e) {
        return;
      } catch (RuntimeException e) {
        log.warn("RRPay inbox scan failed; retrying", e);
      }
    }
  }

  @Override
  public void close() {
    open = false;
    thread.interrupt();
    try {
      if (watch != null) {
        watch.close();
      }
    } catch (IOException e) {
      // closing
    }
  }
}
