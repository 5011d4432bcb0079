package dev.webecr.sdk.jdbc.internal;

/**
 * Every table, column and statement of the JDBC store, in one place, for one table prefix.
 * PostgreSQL dialect ({@code ON CONFLICT}, {@code FOR SHARE}, partial index).
 */
public final class Sql {
  /** Schema scripts in the jar, in order; version = position + 1. */
  static final String[] SCRIPTS = {
    "V1__journal_and_lease.sql", "V2__watched_attempts.sql", "V3__attempts_by_original.sql"
  };

  final String attempt;
  final String lease;
  final String version;

  /** Statements for tables named with {@code prefix} (already validated). */
  public Sql(String prefix) {
    this.attempt = prefix + "attempt";
    this.lease = prefix + "terminal_lease";
    this.version = prefix + "schema_version";
  }

  String createVersionTable() {
    return "CREATE TABLE IF NOT EXISTS "
        + version
        + " (version INTEGER NOT NULL PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)";
  }

  /**
   * Serialises schema changes of nodes starting together, until the transaction ends (two
   * concurrent {@code CREATE TABLE IF NOT EXISTS} of one table collide in PostgreSQL's catalogue).
   */
  String lockSchemaChanges() {
    return "SELECT pg_advisory_xact_lock(hashtext('" + version + "'))";
  }

  String appliedVersion() {
    return "SELECT COALESCE(MAX(version), 0) FROM " + version;
  }

  String recordVersion() {
    return "INSERT INTO " + version + " (version, applied_at) VALUES (?, now())";
  }

  /**
   * Writes an attempt's latest entry unless the terminal's lease says another node holds it, in one
   * statement (one round trip, its own transaction): the lease row is locked (shared) until it
   * commits, so a takeover waits for the write. Parameters: the terminal key; the twelve columns;
   * then this node's token (null when it holds none), this node, now, the token again. Returns a
   * row when written, none when refused.
   */
  String fencedUpsertAttempt() {
    return "WITH lease AS (SELECT holder, token, expires_at FROM "
        + lease
        + " WHERE terminal_key = ? FOR SHARE)"
        + " INSERT INTO "
        + attempt
        + " (provider_reference, reference, attempt, terminal_key,"
        + " in_flight, recorded_at, entry, written_by, lease_token, watched,"
        + " original_intent_id, original_transaction_id)"
        + " SELECT CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS INTEGER),"
        + " CAST(? AS VARCHAR), CAST(? AS BOOLEAN), CAST(? AS TIMESTAMPTZ), CAST(? AS TEXT),"
        + " CAST(? AS VARCHAR), CAST(? AS BIGINT), CAST(? AS BOOLEAN), CAST(? AS VARCHAR),"
        + " CAST(? AS VARCHAR)"
        + " WHERE NOT EXISTS (SELECT 1 FROM lease WHERE CASE WHEN CAST(? AS BIGINT) IS NULL"
        + " THEN holder <> ? AND expires_at > CAST(? AS TIMESTAMPTZ)"
        + " ELSE token <> CAST(? AS BIGINT) END)"
        + " ON CONFLICT (provider_reference) DO UPDATE SET in_flight = EXCLUDED.in_flight,"
        + " watched = EXCLUDED.watched, original_intent_id = EXCLUDED.original_intent_id,"
        + " original_transaction_id = EXCLUDED.original_transaction_id,"
        + " recorded_at = EXCLUDED.recorded_at, entry = EXCLUDED.entry,"
        + " written_by = EXCLUDED.written_by, lease_token = EXCLUDED.lease_token"
        + " RETURNING 1";
  }

  /** Who holds a terminal's lease (to name them when a write is refused). */
  String leaseHolder() {
    return "SELECT holder FROM " + lease + " WHERE terminal_key = ?";
  }

  String latest() {
    return "SELECT entry FROM " + attempt + " WHERE provider_reference = ?";
  }

  String byReference() {
    return "SELECT entry FROM " + attempt + " WHERE reference = ? ORDER BY attempt";
  }

  String all() {
    return "SELECT entry FROM " + attempt + " ORDER BY seq";
  }

  String inFlight() {
    return "SELECT entry FROM " + attempt + " WHERE in_flight ORDER BY seq";
  }

  /** Watched attempts recorded at or after a time (recorded is never before created). */
  String watched() {
    return "SELECT entry FROM " + attempt + " WHERE watched AND recorded_at >= ? ORDER BY seq";
  }

  /** Attempts naming an original by intent id or transaction id (a null never matches). */
  String byOriginal() {
    return "SELECT entry FROM "
        + attempt
        + " WHERE original_intent_id = ? OR original_transaction_id = ? ORDER BY seq";
  }

  /**
   * Takes a lease that is free, expired or already this holder's; the token grows by one on every
   * change of holder or expiry, so a write carrying an older token is refused.
   */
  String takeLease() {
    return "INSERT INTO "
        + lease
        + " AS l (terminal_key, holder, token, expires_at)"
        + " VALUES (?, ?, 1, ?)"
        + " ON CONFLICT (terminal_key) DO UPDATE SET holder = EXCLUDED.holder,"
        + " token = l.token + 1, expires_at = EXCLUDED.expires_at"
        + " WHERE l.expires_at <= ? OR l.holder = ?"
        + " RETURNING token";
  }

  /**
   * Moves the expiry of a lease still held with this token: later to renew it, now to give it back
   * (the row and its token stay, for fencing).
   */
  String setLeaseExpiry() {
    return "UPDATE " + lease + " SET expires_at = ? WHERE terminal_key = ? AND token = ?";
  }
}
