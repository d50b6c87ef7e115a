import type { Migration } from './types.js';

/**
 * Copy-on-write project history: the current state of a project lives only in its `project` row (which now also
 * says what changed in its version), and `project_version` keeps the states it replaced. A first import of a
 * library then writes each project once instead of twice. The rows that duplicated a current state move out of
 * the history; every earlier version stays where it was.
 */
export const migration007: Migration = {
  version: 7,
  name: 'history',
  sql: `
    ALTER TABLE project ADD COLUMN changed TEXT NOT NULL DEFAULT '[]';
    UPDATE project SET changed = coalesce(
      (SELECT v.changed FROM project_version v WHERE v.project_id = project.id AND v.library_version = project.library_version), '[]');
    DELETE FROM project_version WHERE EXISTS (
      SELECT 1 FROM project p WHERE p.id = project_version.project_id AND p.library_version = project_version.library_version);
  `,
};
