/**
 * The model versions this database knows — the shipped defaults and the documents a bank added (from the hub,
 * or by hand with `greendesk model add`) — and which one of each kind new work uses. A model document is
 * immutable under its id; old scores and checks keep the model they were made with.
 */
import { canonicalJson } from '../../shared/canonical-json.js';
import { AppError } from '../../shared/errors.js';
import { readModelDocument } from '../../shared/model-document.js';
import { DEFAULT_POSTLOAN_RULES } from '../../shared/postloan/default-rules.js';
import { DEFAULT_SCORING_MODEL } from '../../shared/scoring/default-model.js';
import type { AppDb } from '../db/open.js';
import { putSettingIn } from '../db/mutations/settings.js';
import { settingOf } from '../db/queries/settings.js';

export const ACTIVE_SETTING = { scoring: 'scoring.activeModel', postloan: 'postloan.activeRules' } as const;
const DEFAULTS = { scoring: DEFAULT_SCORING_MODEL, postloan: DEFAULT_POSTLOAN_RULES } as const;

export interface ModelVersion {
  id: string;
  kind: 'scoring' | 'postloan';
  name: string;
  effectiveFrom: string;
  active: boolean;
  builtIn: boolean;
  addedAt: string | null;
}

export function listModelVersions(db: AppDb): ModelVersion[] {
  const rows = db.rawRead.prepare('SELECT id, kind, document, added_at FROM model_document ORDER BY added_at, id').all() as { id: string; kind: 'scoring' | 'postloan'; document: string; added_at: string }[];
  const active = (kind: 'scoring' | 'postloan') => {
    const chosen = settingOf(db.rawRead, ACTIVE_SETTING[kind]);
    return chosen && (chosen === DEFAULTS[kind].id || rows.some((r) => r.kind === kind && r.id === chosen)) ? chosen : DEFAULTS[kind].id;
  };
  const out: ModelVersion[] = [];
  for (const kind of ['scoring', 'postloan'] as const) {
    const d = DEFAULTS[kind];
    out.push({ id: d.id, kind, name: d.name, effectiveFrom: d.effectiveFrom, active: active(kind) === d.id, builtIn: true, addedAt: null });
    for (const r of rows.filter((x) => x.kind === kind)) {
      const doc = JSON.parse(r.document) as { name?: string; effectiveFrom?: string };
      out.push({ id: r.id, kind, name: doc.name ?? r.id, effectiveFrom: doc.effectiveFrom ?? '', active: active(kind) === r.id, builtIn: false, addedAt: r.added_at });
    }
  }
  return out;
}

/** Adds a model document (validated as the app loads it); the same id with other content is refused. */
export function addModelVersion(db: AppDb, doc: unknown, o: { activate?: boolean } = {}, now = new Date()): { id: string; kind: 'scoring' | 'postloan'; added: boolean; active: boolean } {
  const { kind, id } = readModelDocument(doc);
  const text = canonicalJson(doc);
  return db.rawWrite
    .transaction(() => {
      if (id === DEFAULTS[kind].id && canonicalJson(DEFAULTS[kind]) !== canonicalJson(readModelDocument(doc).model)) throw new AppError('MODEL_ID_TAKEN', { path: 'id', params: { id } });
      const existing = db.rawWrite.prepare('SELECT document FROM model_document WHERE id = ?').pluck().get(id) as string | undefined;
      if (existing !== undefined && canonicalJson(JSON.parse(existing)) !== text) throw new AppError('MODEL_ID_TAKEN', { path: 'id', params: { id } });
      const added = existing === undefined && id !== DEFAULTS[kind].id;
      if (added) db.rawWrite.prepare('INSERT INTO model_document (id, kind, document, added_at) VALUES (?, ?, ?, ?)').run(id, kind, text, now.toISOString());
      if (o.activate) putSettingIn(db.rawWrite, ACTIVE_SETTING[kind], id);
      return { id, kind, added, active: o.activate === true };
    })
    .immediate();
}

/** Makes a known model the one new work of its kind uses. */
export function activateModelVersion(db: AppDb, id: string): { id: string; kind: 'scoring' | 'postloan' } {
  const version = listModelVersions(db).find((m) => m.id === id);
  if (!version) throw new AppError('NOT_FOUND', { path: 'id', params: { what: id } });
  db.rawWrite.transaction(() => putSettingIn(db.rawWrite, ACTIVE_SETTING[version.kind], id)).immediate();
  return { id, kind: version.kind };
}
