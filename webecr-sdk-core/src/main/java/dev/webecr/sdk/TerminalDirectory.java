package dev.webecr.sdk;

import java.util.Optional;

/**
 * Where {@link PosClient} finds a terminal's API key for payments it did not start in this process:
 * after a restart, {@link PosClient#recover()} resumes journaled payments, and the journal holds no
 * secrets.
 *
 * <p>The default remembers every terminal the client has seen since it started. An ERP that stores
 * its paired terminals implements this from its own database. Must be thread-safe.
 */
@FunctionalInterface
public interface TerminalDirectory {
  /** The terminal with this provider and call id, with its API key; empty when unknown. */
  Optional<Terminal> find(String providerId, String callId);
}
