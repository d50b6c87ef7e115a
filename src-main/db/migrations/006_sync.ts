import type { Migration } from './types.js';

/**
 * Sync with the hub. The outbox: one entry per local write of an application, a loan or a check, written in the
 * same transaction as the write, numbered by the device's own sequence (1, 2, 3 …, the primary key, so no gaps),
 * carrying the record's whole state; its state says where it stands (pending → sent, or rejected with the hub's
 * reason; a rejected entry that was fixed and sent again is `resent`). Entries are never deleted: a hub restored
 * from a backup can be given them again.
 *
 * A library pull in progress: the target version and the cursor in one row, the pages received so far in a
 * staging table, both written in the same transaction per page; the local library changes only when the last
 * page is in, in one transaction with the clean-up. A round of sync is logged in sync_log.
 */
export const migration006: Migration = {
  version: 6,
  name: 'sync',
  sql: `
    CREATE TABLE outbox (
      seq INTEGER PRIMARY KEY CHECK (seq > 0),
      kind TEXT NOT NULL CHECK (kind IN ('application', 'loan', 'check')),
      entity_id TEXT NOT NULL,
      payload TEXT NOT NULL,
      hash TEXT NOT NULL,
      created_at TEXT NOT NULL,
      state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'rejected', 'resent')),
      attempts INTEGER NOT NULL DEFAULT 0,
      last_error TEXT,
      last_attempt_at TEXT,
      next_attempt_at TEXT,
      sent_at TEXT,
      hub_seq INTEGER,
      reject_code TEXT,
      reject_message TEXT,
      reject_path TEXT,
      resent_as INTEGER
    ) STRICT;
    CREATE INDEX outbox_state_idx ON outbox (state, seq);
    CREATE INDEX outbox_entity_idx ON outbox (kind, entity_id, seq);

    CREATE TABLE library_pull (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      mode TEXT NOT NULL CHECK (mode IN ('delta', 'replace')),
      base_version INTEGER,
      from_version INTEGER NOT NULL,
      to_version INTEGER NOT NULL,
      issuer TEXT NOT NULL,
      issued_at TEXT NOT NULL,
      cursor TEXT NOT NULL DEFAULT '',
      done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
      total INTEGER,
      received INTEGER NOT NULL DEFAULT 0,
      started_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE library_pull_project (project_id TEXT PRIMARY KEY, data TEXT NOT NULL) STRICT;

    CREATE TABLE sync_log (
      id INTEGER PRIMARY KEY,
      started_at TEXT NOT NULL,
      finished_at TEXT NOT NULL,
      trigger TEXT NOT NULL,
      ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
      report TEXT NOT NULL,
      error_code TEXT,
      error_message TEXT
    ) STRICT;
  `,
};
