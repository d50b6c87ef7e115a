// `greendesk hub …` and `greendesk sync …` as real processes: exit codes, --json documents, errors as JSON on
// stderr with their codes (PRODUCT.md), against a real hub on loopback.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_MODEL } from '../../shared/scoring/default-model.js';
import { generateDemoSnapshot } from '../../src-main/services/demo/generate.js';
import { runGreendesk } from '../helpers/cli.js';
import { startHubProcess, makeHubTarget, type HubTarget } from '../helpers/hub.js';
import { project, snapshot } from '../helpers/projects.js';
import { useTempDir } from '../helpers/tmp.js';

const tempDir = useTempDir();
const json = (s: string) => JSON.parse(s) as Record<string, unknown>;
const err = (s: string) => (JSON.parse(s.trim().split('\n').pop()!) as { error: { code: string; path?: string } }).error;

describe('greendesk hub and greendesk sync', () => {
  let target: HubTarget;
  afterEach(async () => target?.dispose());

  it('publish, enroll, stats, export; a bad snapshot exits 2 listing its rows and changes nothing', async () => {
    target = await makeHubTarget('sqlite');
    const dir = tempDir();
    const hub = target.cliArgs;
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(snapshot(3, [project(1), project(2, { district: '广州市' as '新会区' })])));
    const refused = runGreendesk(['hub', 'publish', bad, ...hub, '--json']);
    expect(refused.code).toBe(2);
    expect(err(refused.stderr).code).toBe('INVALID_ROWS');
    expect(json(runGreendesk(['hub', 'stats', ...hub, '--json']).stdout)).toMatchObject({ projects: 0 });
    const skipped = runGreendesk(['hub', 'publish', bad, ...hub, '--skip-invalid', '--json']);
    expect(skipped.code).toBe(0);
    expect(json(skipped.stdout)).toMatchObject({ version: 3, inserted: 1, rejected: [{ row: 2, field: 'district', code: 'UNKNOWN_DISTRICT' }] });
    const older = join(dir, 'older.json');
    writeFileSync(older, JSON.stringify(snapshot(2, [project(1)])));
    expect(err(runGreendesk(['hub', 'publish', older, ...hub, '--json']).stderr).code).toBe('SNAPSHOT_OLDER');

    const code = json(runGreendesk(['hub', 'enroll', '--branch', '江海支行', '--bank', '江门农商银行', ...hub, '--json']).stdout);
    expect(code).toMatchObject({ bank: '江门农商银行', branch: '江海支行' });
    expect(String(code.code)).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(err(runGreendesk(['hub', 'enroll', ...hub, '--json']).stderr)).toMatchObject({ code: 'MISSING_ARGUMENT', path: '--branch' });
    expect(err(runGreendesk(['hub', 'stats', '--json']).stderr)).toMatchObject({ code: 'MISSING_ARGUMENT', path: '--data' });
    expect(runGreendesk(['hub', 'frobnicate', ...hub]).code).toBe(2);

    const model = join(dir, 'model.json');
    writeFileSync(model, JSON.stringify({ ...DEFAULT_SCORING_MODEL, id: 'jm-green-2027.1' }));
    expect(json(runGreendesk(['hub', 'publish-model', model, ...hub, '--activate', '--json']).stdout)).toMatchObject({ id: 'jm-green-2027.1', kind: 'scoring', activate: true, unchanged: false });
    writeFileSync(model, JSON.stringify({ ...DEFAULT_SCORING_MODEL, id: 'jm-green-2027.1', name: '改过的' }));
    expect(err(runGreendesk(['hub', 'publish-model', model, ...hub, '--activate', '--json']).stderr).code).toBe('MODEL_ID_TAKEN');
    writeFileSync(model, JSON.stringify({ format: 'something-else' }));
    expect(err(runGreendesk(['hub', 'publish-model', model, ...hub, '--json']).stderr).code).toBe('MODEL_KIND_UNKNOWN');

    const out = join(dir, 'export.json');
    expect(json(runGreendesk(['hub', 'export', '--out', out, ...hub, '--json']).stdout)).toMatchObject({ version: 3, projects: 1 });
    expect(json(readFileSync(out, 'utf8'))).toMatchObject({ format: 'greendesk.library.v1', version: 3 });
  });

  it('sync enrols and runs a round; the offline file goes through `hub import` once; failures have their exit codes', async () => {
    target = await makeHubTarget('sqlite');
    const dir = tempDir();
    const hub = target.cliArgs;
    const snap = join(dir, 'v10.json');
    writeFileSync(snap, JSON.stringify(generateDemoSnapshot({ projects: 150, version: 10 })));
    expect(runGreendesk(['hub', 'publish', snap, ...hub]).code).toBe(0);
    const db = join(dir, 'branch.db');
    expect(runGreendesk(['demo', '--db', db, '--projects', '150']).code).toBe(0);
    expect(err(runGreendesk(['sync', '--db', db, '--json']).stderr)).toMatchObject({ code: 'MISSING_ARGUMENT', path: '--hub' });
    const server = await startHubProcess(target);
    try {
      const wrong = runGreendesk(['sync', '--db', db, '--hub', server.url, '--enroll', 'AAAA-BBBB-CCCC-DDDD', '--json']);
      expect(wrong.code).toBe(2);
      expect(err(wrong.stderr).code).toBe('ENROLL_CODE_INVALID');
      const { code } = json(runGreendesk(['hub', 'enroll', '--branch', '蓬江支行', ...hub, '--json']).stdout) as { code: string };
      const first = runGreendesk(['sync', '--db', db, '--hub', server.url, '--enroll', code, '--json']);
      expect(first.code, first.stderr).toBe(0);
      const report = json(first.stdout);
      expect(report).toMatchObject({ ok: true, library: { outcome: 'applied', to: 10 }, push: { rejected: 0, pending: 0 }, enrolled: { branch: '蓬江支行' } });

      // Offline work, carried to head office in a file.
      const score = join(dir, 'score.json');
      const p = generateDemoSnapshot({ projects: 150, version: 10 }).projects[3]!;
      writeFileSync(score, JSON.stringify({ asOf: '2026-11-22', applicant: { name: p.ownerName, uscc: p.ownerUscc, district: p.district, industryCode: p.industryCode }, loan: { amountYuan: 3000000, termMonths: 24, riskSpreadBps: 40, projectId: p.id }, envCredit: { rating: 'blue', year: 2025 } }));
      expect(runGreendesk(['score', score, '--db', db, '--save']).code).toBe(0);
      const file = join(dir, 'outbox.json');
      expect(json(runGreendesk(['sync', 'export', '--db', db, '--out', file, '--json']).stdout)).toMatchObject({ entries: 2 });
      const imported = runGreendesk(['hub', 'import', file, ...hub, '--json']);
      expect(imported.code, imported.stderr).toBe(0);
      expect(json(imported.stdout)).toMatchObject({ entries: 2, gap: null });
      const doc = json(readFileSync(file, 'utf8')) as { entries: { payload: { status?: string } }[] };
      doc.entries[0]!.payload.status = 'approved';
      writeFileSync(file, JSON.stringify(doc));
      expect(err(runGreendesk(['hub', 'import', file, ...hub, '--json']).stderr).code).toBe('SIGNATURE_INVALID');
      const again = json(runGreendesk(['sync', '--db', db, '--json']).stdout);
      expect(again).toMatchObject({ ok: true, push: { applied: 2, replays: 2 } });
    } finally {
      await server.stop();
    }
    // The hub gone: exit 1 with HUB_UNREACHABLE, the report on stdout all the same.
    const gone = runGreendesk(['sync', '--db', db, '--json'], { GREENDESK_SYNC_ATTEMPTS: '1' });
    expect(gone.code).toBe(1);
    expect(err(gone.stderr).code).toBe('HUB_UNREACHABLE');
    expect(json(gone.stdout)).toMatchObject({ ok: false, error: { code: 'HUB_UNREACHABLE' } });
  });
});
