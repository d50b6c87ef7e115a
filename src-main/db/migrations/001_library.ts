import type { Migration } from './types.js';

/** The local copy of the city's project libraries: one state row, current projects, and every version of each. */
export const migration001: Migration = {
  version: 1,
  name: 'library',
  sql: `
    CREATE TABLE library_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      version INTEGER NOT NULL CHECK (version >= 0),
      issuer TEXT NOT NULL,
      issued_at TEXT NOT NULL,
      synced_at TEXT NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('import', 'hub', 'demo'))
    ) STRICT;

    CREATE TABLE project (
      id TEXT PRIMARY KEY,
      library TEXT NOT NULL CHECK (library IN ('green', 'waste_free', 'transition')),
      name TEXT NOT NULL,
      owner_name TEXT NOT NULL,
      owner_uscc TEXT NOT NULL,
      district TEXT NOT NULL,
      industry_code TEXT NOT NULL,
      category TEXT NOT NULL,
      total_investment_fen INTEGER NOT NULL CHECK (total_investment_fen >= 0),
      financing_need_fen INTEGER NOT NULL CHECK (financing_need_fen >= 0),
      carbon_reduction_t REAL NOT NULL,
      energy_saved_tce REAL NOT NULL,
      waste_utilized_t REAL NOT NULL,
      hazardous_disposed_t REAL NOT NULL,
      source_dept TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('listed', 'under_construction', 'in_operation', 'withdrawn')),
      listed_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      library_version INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX project_library_idx ON project (library, status);
    CREATE INDEX project_district_idx ON project (district);
    CREATE INDEX project_category_idx ON project (category);
    CREATE INDEX project_owner_uscc_idx ON project (owner_uscc);

    CREATE TABLE project_version (
      project_id TEXT NOT NULL REFERENCES project (id),
      library_version INTEGER NOT NULL,
      data TEXT NOT NULL,
      changed TEXT NOT NULL,
      PRIMARY KEY (project_id, library_version)
    ) STRICT;
  `,
};
