/**
 * Model versions published by head office: scoring models (greendesk.scoring-model.v1) and post-loan rules
 * (greendesk.postloan-rules.v1), validated exactly as the app loads them, immutable once published under an id,
 * for every bank or for one. Devices pull them in publication order, seeing only what their bank may use.
 */
import type { Kysely } from 'kysely';
import { canonicalJson } from '../../shared/canonical-json.js';
import { AppError } from '../../shared/errors.js';
import { readModelDocument } from '../../shared/model-document.js';
import { DEFAULT_POSTLOAN_RULES } from '../../shared/postloan/default-rules.js';
import { DEFAULT_SCORING_MODEL } from '../../shared/scoring/default-model.js';
import type { ModelsPage } from '../../shared/sync/protocol.js';
import type { HubDatabase } from '../db/schema.js';


export interface PublishedModel {
  seq: number;
  id: string;
  kind: 'scoring' | 'postloan';
  bank: string | null;
  activate: boolean;
  unchanged: boolean;
}

/** Publishes a model document; the same id again with the same content changes nothing, with other content is refused. */
export async function publishModel(db: Kysely<HubDatabase>, doc: unknown, o: { bank?: string | null; activate?: boolean } = {}, now = new Date()): Promise<PublishedModel> {
  const { kind, id, model } = readModelDocument(doc);
  const document = canonicalJson(doc);
  // The shipped defaults' ids are taken: a bank's changed copy needs an id of its own.
  const shipped = kind === 'scoring' ? DEFAULT_SCORING_MODEL : DEFAULT_POSTLOAN_RULES;
  if (id === shipped.id && canonicalJson(model) !== canonicalJson(shipped)) throw new AppError('MODEL_ID_TAKEN', { path: 'id', params: { id } });
  const bank = o.bank?.trim() || null;
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('hubModel').selectAll().where('id', '=', id).executeTakeFirst();
    if (existing) {
      if (existing.document !== document || existing.bank !== bank || (existing.activate === 1) !== Boolean(o.activate)) {
        throw new AppError('MODEL_ID_TAKEN', { path: 'id', params: { id } });
      }
      return { seq: existing.seq, id, kind, bank, activate: existing.activate === 1, unchanged: true };
    }
    const row = await trx
      .insertInto('hubModel')
      .values({ id, kind, bank, document, activate: o.activate ? 1 : 0, publishedAt: now.toISOString() })
      .returning('seq')
      .executeTakeFirstOrThrow();
    return { seq: row.seq, id, kind, bank, activate: Boolean(o.activate), unchanged: false };
  });
}

/** Models after a publication number that a device of `bank` may use. */
export async function modelsAfter(db: Kysely<HubDatabase>, bank: string, after: number, limit: number): Promise<ModelsPage> {
  const rows = await db
    .selectFrom('hubModel')
    .selectAll()
    .where('seq', '>', after)
    .where((eb) => eb.or([eb('bank', 'is', null), eb('bank', '=', bank)]))
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  return {
    models: page.map((r) => ({ seq: r.seq, id: r.id, kind: r.kind as 'scoring' | 'postloan', document: JSON.parse(r.document), activate: r.activate === 1, publishedAt: r.publishedAt })),
    next: rows.length > limit ? page[page.length - 1]!.seq : null,
  };
}

/** A scoring model the hub knows by id: the shipped default or one head office published. */
export async function hubModelDocument(db: Kysely<HubDatabase>, id: string): Promise<unknown | null> {
  const row = await db.selectFrom('hubModel').select('document').where('id', '=', id).executeTakeFirst();
  return row ? JSON.parse(row.document) : null;
}
