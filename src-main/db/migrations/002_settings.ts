import type { Migration } from './types.js';

/** Device-local settings (language, device id, hub address …) as a key-value table. */
export const migration002: Migration = {
  version: 2,
  name: 'settings',
  sql: `
    CREATE TABLE setting (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ) STRICT;
  `,
};
