import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { runGreendesk } from '../helpers/cli.js';
import { writeJson } from '../helpers/library-files.js';
import { project, snapshot, uscc } from '../helpers/projects.js';
import { useTempDir } from '../helpers/tmp.js';

const tempDir = useTempDir();

function setup() {
  const dir = tempDir();
  const db = join(dir, 's.db');
  expect(runGreendesk(['init', '--db', db]).code).toBe(0);
  const lib = writeJson(dir, 'lib.json', snapshot(3, [project(12, { id: 'JM-WF-2024-00012', library: 'waste_free' })]));
  const imported = runGreendesk(['library', 'import', lib, '--db', db, '--json']);
  expect(imported.code, imported.stderr).toBe(0);
  const input = {
    asOf: '2026-11-22',
    applicant: { name: '江门市测试环保科技有限公司', uscc: uscc(12), district: '新会区', industryCode: 'C3071' },
    loan: { amountYuan: 50_000_000, termMonths: 36, riskSpreadBps: 45, greenCategory: 'resource_recycling', projectId: 'JM-WF-2024-00012' },
    carbon: { intensity: 0.9, industryAverage: 1.1, previousIntensity: 1.0, dataQuality: 2, annualEmissionsT: 12000, verifiedReductionT: 3000 },
    waste: { generatedT: 1000, utilizedT: 920, stockpileUtilizedT: 0, intensity: 0.05, previousIntensity: 0.06, hazardous: { generatedT: 20, licensedDisposal: true, manifestsComplete: true, ledgerComplete: true } },
    envCredit: { rating: 'blue', year: 2025 },
    violations: [{ date: '2026-03-01', kind: 'fine', amountYuan: 60000 }],
    transitionPlan: { kpis: [{ name: '单位产值碳排放下降', target: '-8%', due: '2027-12-31' }] },
  };
  return { dir, db, input };
}

describe('greendesk score', () => {
  it('scores PRODUCT.md’s example applicant, resolving the project in the local library', () => {
    const { dir, db, input } = setup();
    const r = runGreendesk(['score', writeJson(dir, 'in.json', input), '--db', db, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ model: 'jm-green-2026.1', eligible: false, band: 'E', blocks: ['RECENT_SERIOUS_VIOLATION'], pricing: null });
    expect(out.dimensions).toEqual({ carbon: 24, waste: 25, envCredit: 18, projectMatch: 15 });
    const clean = runGreendesk(['score', writeJson(dir, 'in2.json', { ...input, violations: [] }), '--db', db, '--json']);
    expect(JSON.parse(clean.stdout)).toMatchObject({ score: 82, band: 'B', eligible: true, caps: [], pricing: { lprBps: 300, riskSpreadBps: 45, bandAdjustmentBps: -25, libraryAdjustmentBps: -10, floorApplied: false, finalRateBps: 310 }, creditLineFactor: 1.1, cerf: { eligible: false, annualReductionT: null } });
  });

  it('--save keeps a draft application with its score, recorded as the system user', () => {
    const { dir, db, input } = setup();
    const r = runGreendesk(['score', writeJson(dir, 'in.json', { ...input, violations: [] }), '--db', db, '--save', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.applicationId).toMatch(/^GA-/);
    const raw = new BetterSqlite3(db, { readonly: true });
    expect(raw.prepare('SELECT status, created_by FROM application').get()).toEqual({ status: 'draft', created_by: 0 });
    expect(raw.prepare('SELECT model_id, input_hash, project_version FROM score').get()).toEqual({ model_id: 'jm-green-2026.1', input_hash: out.inputHash, project_version: 3 });
    raw.close();
  });

  it('bad input exits 2 naming the field; a missing file or database too', () => {
    const { dir, db, input } = setup();
    const bad = runGreendesk(['score', writeJson(dir, 'bad.json', { ...input, applicant: { ...input.applicant, district: '广州市' } }), '--db', db]);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stderr).error).toMatchObject({ code: 'VALIDATION', path: 'applicant.district' });
    const f = join(dir, 'notjson.json');
    writeFileSync(f, '{');
    expect(JSON.parse(runGreendesk(['score', f, '--db', db]).stderr).error.code).toBe('NOT_JSON');
    expect(JSON.parse(runGreendesk(['score', join(dir, 'none.json'), '--db', db]).stderr).error.code).toBe('FILE_NOT_FOUND');
    const nodb = runGreendesk(['score', writeJson(dir, 'ok.json', input), '--db', join(dir, 'none.db')]);
    expect([nodb.code, JSON.parse(nodb.stderr).error.code]).toEqual([2, 'DB_NOT_FOUND']);
  });
});
