import type { Migration } from './types.js';

/**
 * Loans after approval and their post-loan checks: disbursements, payments (invoice numbers indexed across every
 * loan for DUPLICATE_INVOICE), attachments (copied into the data folder, hashed), milestones; checks saved
 * immutable with their rules version, input and result; measures taken, append-only.
 */
export const migration005: Migration = {
  version: 5,
  name: 'postloan',
  sql: `
    CREATE TABLE loan (
      id TEXT PRIMARY KEY,
      application_id TEXT REFERENCES application (id),
      borrower_name TEXT NOT NULL,
      borrower_uscc TEXT NOT NULL,
      amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
      agreed_purposes TEXT NOT NULL,
      green_category TEXT,
      cerf INTEGER NOT NULL DEFAULT 0 CHECK (cerf IN (0, 1)),
      third_party_verified INTEGER NOT NULL DEFAULT 0 CHECK (third_party_verified IN (0, 1)),
      related_party_usccs TEXT NOT NULL DEFAULT '[]',
      project_id TEXT,
      green_status TEXT NOT NULL DEFAULT 'green' CHECK (green_status IN ('green', 'removed')),
      status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
      created_by INTEGER NOT NULL REFERENCES user (id),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX loan_borrower_idx ON loan (borrower_uscc);

    CREATE TABLE disbursement (
      id INTEGER PRIMARY KEY,
      loan_id TEXT NOT NULL REFERENCES loan (id),
      date TEXT NOT NULL,
      amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
      created_by INTEGER NOT NULL REFERENCES user (id),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX disbursement_loan_idx ON disbursement (loan_id, date);

    CREATE TABLE payment (
      id INTEGER PRIMARY KEY,
      loan_id TEXT NOT NULL REFERENCES loan (id),
      ref TEXT NOT NULL,
      date TEXT NOT NULL,
      amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
      payee_name TEXT NOT NULL,
      payee_uscc TEXT,
      payee_account TEXT NOT NULL CHECK (payee_account IN ('corporate', 'personal')),
      purpose TEXT NOT NULL,
      invoice_no TEXT,
      invoice_key TEXT,
      attachments INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      UNIQUE (loan_id, ref)
    ) STRICT;
    CREATE INDEX payment_invoice_idx ON payment (invoice_key) WHERE invoice_key IS NOT NULL;

    CREATE TABLE attachment (
      id INTEGER PRIMARY KEY,
      loan_id TEXT NOT NULL REFERENCES loan (id),
      payment_ref TEXT,
      kind TEXT NOT NULL CHECK (kind IN ('invoice', 'contract', 'site_photo', 'meter_reading', 'other')),
      file_name TEXT NOT NULL,
      stored_name TEXT NOT NULL UNIQUE,
      size INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      mime TEXT NOT NULL,
      created_by INTEGER NOT NULL REFERENCES user (id),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX attachment_loan_idx ON attachment (loan_id);

    CREATE TABLE check_record (
      id INTEGER PRIMARY KEY,
      loan_id TEXT NOT NULL REFERENCES loan (id),
      rules_id TEXT NOT NULL,
      as_of TEXT NOT NULL,
      input TEXT NOT NULL,
      input_hash TEXT NOT NULL,
      result TEXT NOT NULL,
      verdict TEXT NOT NULL CHECK (verdict IN ('suspected_misuse', 'needs_rectification', 'compliant')),
      next_due TEXT NOT NULL,
      created_by INTEGER NOT NULL REFERENCES user (id),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX check_loan_idx ON check_record (loan_id, as_of);
    CREATE TRIGGER check_no_update BEFORE UPDATE ON check_record BEGIN SELECT RAISE(ABORT, 'a saved check is immutable'); END;
    CREATE TRIGGER check_no_delete BEFORE DELETE ON check_record BEGIN SELECT RAISE(ABORT, 'a saved check is immutable'); END;

    CREATE TABLE check_measure (
      id INTEGER PRIMARY KEY,
      check_id INTEGER NOT NULL REFERENCES check_record (id),
      measure TEXT NOT NULL CHECK (measure IN ('warning', 'rectification_deadline', 'disbursement_suspended', 'early_recall', 'green_label_removed', 'reported')),
      reason TEXT NOT NULL,
      deadline TEXT,
      created_by INTEGER NOT NULL REFERENCES user (id),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER measure_no_update BEFORE UPDATE ON check_measure BEGIN SELECT RAISE(ABORT, 'measures are append-only'); END;
    CREATE TRIGGER measure_no_delete BEFORE DELETE ON check_measure BEGIN SELECT RAISE(ABORT, 'measures are append-only'); END;
  `,
};
