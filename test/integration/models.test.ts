// Model versions a bank adds itself: `greendesk model add|list|activate` as processes, and what follows — new scores
// use the version in use, saved ones keep the model they were made with; a changed document under a taken id is
// refused.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_MODEL } from '../../shared/scoring/default-model.js';
import { openDatabase } from '../../src-main/db/open.js';
import { getApplication } from '../../src-main/services/applications.js';
import { scoreApplication } from '../../src-main/services/applications.js';
import { runGreendesk } from '../helpers/cli.js';
import { newApplication, user } from '../helpers/device.js';
import { useTempDir } from '../helpers/tmp.js';

const tempDir = useTempDir();
const json = (s: string) => JSON.parse(s) as Record<string, unknown>;
const errorOf = (s: string) => (JSON.parse(s.trim().split('\n').pop()!) as { error: { code: string; path?: string } }).error;

describe('model versions', () => {
  it('add, list and activate from the command line; new scores use the version in use, old ones keep theirs', async () => {
    const dir = tempDir();
    const db = join(dir, 'm.db');
    expect(runGreendesk(['demo', '--db', db, '--projects', '80']).code).toBe(0);
    const doc = { ...structuredClone(DEFAULT_SCORING_MODEL), id: 'jmrcb-2027.1', name: '某农商行绿色定价模型 2027.1', effectiveFrom: '2027-01-01' };
    doc.pricing.bandAdjustmentBps.A = -50;
    const file = join(dir, 'model.json');
    writeFileSync(file, JSON.stringify(doc));

    // An application scored before the change.
    let conn = openDatabase(db);
    const id = newApplication(conn, 2);
    await conn.close();

    const listed = json(runGreendesk(['model', 'list', '--db', db, '--json']).stdout) as { items: { id: string; active: boolean; builtIn: boolean }[] };
    expect(listed.items.map((m) => [m.id, m.active, m.builtIn])).toEqual([['jm-green-2026.1', true, true], ['jm-postloan-2026.1', true, true]]);
    expect(json(runGreendesk(['model', 'add', file, '--db', db, '--json']).stdout)).toEqual({ id: 'jmrcb-2027.1', kind: 'scoring', added: true, active: false });
    expect(json(runGreendesk(['model', 'add', file, '--db', db, '--json']).stdout)).toMatchObject({ added: false });
    writeFileSync(join(dir, 'changed.json'), JSON.stringify({ ...doc, name: '改过的' }));
    expect(errorOf(runGreendesk(['model', 'add', join(dir, 'changed.json'), '--db', db, '--json']).stderr).code).toBe('MODEL_ID_TAKEN');
    writeFileSync(join(dir, 'default.json'), JSON.stringify({ ...DEFAULT_SCORING_MODEL, name: '冒用默认编号' }));
    expect(errorOf(runGreendesk(['model', 'add', join(dir, 'default.json'), '--db', db, '--json']).stderr).code).toBe('MODEL_ID_TAKEN');
    writeFileSync(join(dir, 'broken.json'), JSON.stringify({ ...doc, id: 'x-1', pricing: 'none' }));
    expect(errorOf(runGreendesk(['model', 'add', join(dir, 'broken.json'), '--db', db, '--json']).stderr)).toMatchObject({ code: 'MODEL_INVALID', path: 'pricing' });
    expect(errorOf(runGreendesk(['model', 'activate', 'nope-1', '--db', db, '--json']).stderr).code).toBe('NOT_FOUND');
    expect(json(runGreendesk(['model', 'activate', 'jmrcb-2027.1', '--db', db, '--json']).stdout)).toEqual({ id: 'jmrcb-2027.1', kind: 'scoring' });

    conn = openDatabase(db);
    const officer = user(conn, 'zhangwei');
    const rescored = scoreApplication(conn, officer, id);
    expect(rescored.modelId).toBe('jmrcb-2027.1');
    const app = getApplication(conn, officer, id);
    expect(app.scores.map((s) => s.modelId)).toEqual(['jmrcb-2027.1', 'jm-green-2026.1']);
    await conn.close();
  });
});
