import type { Migration } from './types.js';

/**
 * Users and roles; applications with their immutable scores and their audited transitions. Scores and
 * transitions can never be changed or deleted (triggers); rescoring adds a row.
 */
export const migration004: Migration = {
  version: 4,
  name: 'applications',
  sql: `
    CREATE TABLE user (
      id INTEGER PRIMARY KEY,
      username TEXT NOT NULL UNIQUE COLLATE NOCASE,
      display_name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('loan_officer', 'approver', 'compliance', 'admin', 'system')),
      password_hash TEXT NOT NULL,
      disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
      created_at TEXT NOT NULL
    ) STRICT;
    INSERT INTO user (id, username, display_name, role, password_hash, disabled, created_at)
      VALUES (0, 'system', '系统', 'system', '!', 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

    CREATE TABLE application (
      id TEXT PRIMARY KEY,
      status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'rejected', 'disbursed', 'closed')),
      applicant_name TEXT NOT NULL,
      applicant_uscc TEXT NOT NULL,
      district TEXT NOT NULL,
      industry_code TEXT NOT NULL,
      amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
      term_months INTEGER NOT NULL,
      project_id TEXT,
      project_version INTEGER,
      input TEXT NOT NULL,
      latest_score_id INTEGER,
      created_by INTEGER NOT NULL REFERENCES user (id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX application_status_idx ON application (status, updated_at);
    CREATE INDEX application_uscc_idx ON application (applicant_uscc);

    CREATE TABLE score (
      id INTEGER PRIMARY KEY,
      application_id TEXT NOT NULL REFERENCES application (id),
      model_id TEXT NOT NULL,
      input TEXT NOT NULL,
      input_hash TEXT NOT NULL,
      result TEXT NOT NULL,
      score REAL NOT NULL,
      band TEXT NOT NULL,
      eligible INTEGER NOT NULL,
      final_rate_bps INTEGER,
      project_id TEXT,
      project_version INTEGER,
      created_by INTEGER NOT NULL REFERENCES user (id),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX score_application_idx ON score (application_id, id);
    CREATE TRIGGER score_no_update BEFORE UPDATE ON score BEGIN SELECT RAISE(ABORT, 'a saved score is immutable'); END;
    CREATE TRIGGER score_no_delete BEFORE DELETE ON score BEGIN SELECT RAISE(ABORT, 'a saved score is immutable'); END;

    CREATE TABLE application_transition (
      id INTEGER PRIMARY KEY,
      application_id TEXT NOT NULL REFERENCES application (id),
      action TEXT NOT NULL,
      from_status TEXT,
      to_status TEXT NOT NULL,
      actor_id INTEGER NOT NULL REFERENCES user (id),
      reason TEXT NOT NULL DEFAULT '',
      at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX application_transition_idx ON application_transition (application_id, id);
    CREATE TRIGGER transition_no_update BEFORE UPDATE ON application_transition BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    CREATE TRIGGER transition_no_delete BEFORE DELETE ON application_transition BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

    CREATE TABLE model_document (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('scoring', 'postloan')),
      document TEXT NOT NULL,
      added_at TEXT NOT NULL
    ) STRICT;
  `,
};
