import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DISTRICTS, GREEN_CATEGORIES } from '../../shared/domain/jiangmen.js';
import type { SnapshotProject } from '../../shared/domain/snapshot.js';
import { openDatabase, type AppDb } from '../../src-main/db/open.js';
import {
  MAX_EXPANSION_RARE, RANK_ALL_LIMIT, queryTerms, searchProjects, type SearchFilter,
} from '../../src-main/db/queries/library-search.js';
import { generateDemoSnapshot } from '../../src-main/services/demo/generate.js';
import { createRng } from '../../src-main/services/demo/random.js';
import { applyLibrarySnapshot, pageProjects } from '../../src-main/services/library.js';
import { project, snapshot, uscc } from '../helpers/projects.js';
import { useTempDir } from '../helpers/tmp.js';

const tempDir = useTempDir();

// ---------------------------------------------------------------------------------------------------------------
// A reference implementation of what the search must find, over the snapshot in memory.

const fold = (s: string) => s.toLowerCase();

function matches(p: SnapshotProject, f: SearchFilter): boolean {
  if (f.library && p.library !== f.library) return false;
  if (f.district && p.district !== f.district) return false;
  if (f.category && p.category !== f.category) return false;
  if (f.status && p.status !== f.status) return false;
  if (f.industryPrefix && !p.industryCode.startsWith(f.industryPrefix.toUpperCase())) return false;
  return queryTerms(f.q).every((t) => [p.id, p.name, p.ownerName, p.ownerUscc].some((v) => fold(v).includes(fold(t))));
}

/** The tier a project falls in for a query (0 exact id/credit code … 4 part of the id or credit code). */
function tier(p: SnapshotProject, q: string): number {
  const terms = queryTerms(q).map(fold);
  const [first] = terms;
  const name = fold(p.name);
  if (terms.length === 1 && (fold(p.id) === first || fold(p.ownerUscc) === first)) return 0;
  if (name.startsWith(first!) && terms.every((t) => name.includes(t))) return 1;
  if (terms.every((t) => name.includes(t))) return 2;
  if (terms.every((t) => fold(p.ownerName).includes(t))) return 3;
  return 4;
}

/** `length`-character substrings cut from real names. */
function cuts(names: string[], length: number, count: number, seed: number): string[] {
  const rng = createRng(seed);
  const out = new Set<string>();
  while (out.size < count) {
    const chars = [...rng.pick(names)];
    if (chars.length < length) continue;
    const at = rng.int(0, chars.length - length);
    out.add(chars.slice(at, at + length).join(''));
  }
  return [...out];
}

// ---------------------------------------------------------------------------------------------------------------

describe('library search over a demo library', () => {
  const dir = mkdtempSync(join(tmpdir(), 'greendesk-search-'));
  const demo = generateDemoSnapshot({ projects: 3000 });
  const byId = new Map(demo.projects.map((p) => [p.id, p]));
  const names = demo.projects.map((p) => p.name);
  let db: AppDb;

  beforeAll(() => {
    db = openDatabase(join(dir, 'demo.db'));
    applyLibrarySnapshot(db, demo, 'demo');
  });
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Checks a search against the reference: total, every item a match, tiers in order. */
  async function check(f: SearchFilter, limit = 50) {
    const r = await searchProjects(db.read, f, 0, limit);
    const expected = demo.projects.filter((p) => matches(p, f));
    expect(r.total, JSON.stringify(f)).toBe(expected.length);
    expect(r.items.length).toBe(Math.min(limit, expected.length));
    const tiers = r.items.map((i) => tier(byId.get(i.id)!, f.q ?? ''));
    for (const item of r.items) expect(matches(byId.get(item.id)!, f), `${item.id} for ${JSON.stringify(f)}`).toBe(true);
    expect(tiers, JSON.stringify(f)).toEqual([...tiers].sort((a, b) => a - b));
    // The best tier present among all matches comes first.
    if (expected.length > 0) expect(tiers[0]).toBe(Math.min(...expected.map((p) => tier(p, f.q ?? ''))));
    return r;
  }

  it('finds 1-, 2-, 3- and 6-character pieces of real names exactly as the reference does', async () => {
    for (const [length, count] of [[1, 25], [2, 40], [3, 40], [6, 30]] as const) {
      for (const q of cuts(names, length, count, 100 + length)) await check({ q });
    }
  });

  it('combines query text with every filter', async () => {
    const rng = createRng(5);
    for (const q of cuts(names, 2, 30, 77)) {
      await check({ q, district: rng.pick(DISTRICTS) });
      await check({ q, category: rng.pick(GREEN_CATEGORIES), status: 'listed' });
      await check({ q, library: 'green', industryPrefix: 'c' });
    }
    await check({ q: '项目', industryPrefix: 'D44' });
    await check({ industryPrefix: 'C30' });
  });

  it('finds projects by id and credit code, in any letter case, the exact one first', async () => {
    const p = demo.projects[1234]!;
    for (const q of [p.id, p.id.toLowerCase(), p.ownerUscc, p.ownerUscc.toLowerCase()]) {
      const r = await check({ q });
      expect(r.items[0]!.id === p.id || r.items[0]!.ownerUscc === p.ownerUscc).toBe(true);
    }
    // Part of an id and of a credit code.
    await check({ q: p.id.slice(3, 10).toLowerCase() });
    await check({ q: p.ownerUscc.slice(2, 8) });
    await check({ q: 'jm' });
    await check({ q: 'MW' });
  });

  it('ranks a search with many matches tier by tier, and pages through all of them without gaps or repeats', async () => {
    const f = { q: '项目' };
    const first = await check(f, 100);
    expect(first.total).toBeGreaterThan(RANK_ALL_LIMIT);
    const seen: string[] = [];
    let lastTier = 0;
    for (let page = 0; page * 700 < first.total; page++) {
      const r = await searchProjects(db.read, f, page * 700, 700);
      expect(r.total).toBe(first.total);
      for (const item of r.items) {
        const t = tier(byId.get(item.id)!, f.q);
        expect(t).toBeGreaterThanOrEqual(lastTier);
        lastTier = t;
        seen.push(item.id);
      }
    }
    expect(new Set(seen).size).toBe(first.total);
    expect(seen.length).toBe(first.total);
    expect((await searchProjects(db.read, f, first.total, 50)).items).toEqual([]);
  });

  it('orders the tiers of big result sets whose matches fall in several tiers, at any page', async () => {
    for (const q of ['有限', '公司', '有限公司', 'jm-', '20', '项', '市']) {
      const r = await check({ q }, 300);
      expect(r.total, q).toBeGreaterThan(RANK_ALL_LIMIT);
      // A page further on starts with the tier the reference puts there.
      const expected = demo.projects.filter((p) => matches(p, { q })).map((p) => tier(p, q)).sort((a, b) => a - b);
      for (const offset of [expected.length - 150, Math.floor(expected.length / 2)]) {
        const page = await searchProjects(db.read, { q }, offset, 100);
        expect(page.items.map((i) => tier(byId.get(i.id)!, q)), `${q} @${offset}`).toEqual(expected.slice(offset, offset + 100));
      }
    }
  });

  it('pages a small result set in a stable order', async () => {
    const f = { q: '光伏' };
    const all = await searchProjects(db.read, f, 0, 500);
    expect(all.total).toBeLessThanOrEqual(RANK_ALL_LIMIT);
    const paged = [];
    for (let off = 0; off < all.total; off += 7) paged.push(...(await searchProjects(db.read, f, off, 7)).items);
    expect(paged.map((p) => p.id)).toEqual(all.items.map((p) => p.id));
  });

  it('treats missing, empty and white-space query text as no query (the library order)', async () => {
    const plain = await pageProjects(db, { district: '新会区' }, 2, 20);
    for (const q of [undefined, '', '   ', '\u3000\t']) {
      const r = await pageProjects(db, { q, district: '新会区' }, 2, 20);
      expect(r).toEqual(plain);
    }
  });

  it('pageProjects searches when there is query text or an industry prefix', async () => {
    const r = await pageProjects(db, { q: '光伏', status: 'listed' }, 1, 5);
    expect(r).toMatchObject({ page: 1, pageSize: 5 });
    expect(r.total).toBe(demo.projects.filter((p) => matches(p, { q: '光伏', status: 'listed' })).length);
    const byIndustry = await pageProjects(db, { industryPrefix: 'c30' }, 1, 5);
    expect(byIndustry.total).toBe(demo.projects.filter((p) => p.industryCode.startsWith('C30')).length);
  });

  it('finds nothing for text that is nowhere, and for characters the library does not hold', async () => {
    expect(await searchProjects(db.read, { q: '不存在的项目名称' }, 0, 10)).toEqual({ total: 0, items: [] });
    expect(await searchProjects(db.read, { q: '龘' }, 0, 10)).toEqual({ total: 0, items: [] });
    expect(await searchProjects(db.read, { q: '龘龘' }, 0, 10)).toEqual({ total: 0, items: [] });
    expect(await searchProjects(db.read, { q: '项目', district: '广州市' }, 0, 10)).toEqual({ total: 0, items: [] });
  });
});

describe('library search over hand-made projects', () => {
  async function library(projects: SnapshotProject[]): Promise<AppDb> {
    const db = openDatabase(join(tempDir(), 'hand.db'));
    applyLibrarySnapshot(db, snapshot(1, projects), 'import');
    return db;
  }
  const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id);

  it('ranks the exact id or credit code, then name prefix, name, owner, then the rest; ties by id', async () => {
    const db = await library([
      project(1, { id: 'P-OWNER', name: '污水处理项目', ownerName: '江门市硅能源科技有限公司' }),
      project(2, { id: 'P-CONTAINS-B', name: '江门市硅能源光伏项目' }),
      project(3, { id: 'P-CONTAINS-A', name: '鹤山硅能源储能项目' }),
      project(4, { id: 'P-PREFIX', name: '硅能源电池回收项目' }),
      project(5, { id: 'GNY-1', name: '其他项目' }),
      project(6, { id: 'P-NONE', name: '无关项目' }),
    ]);
    expect(ids(await searchProjects(db.read, { q: '硅能源' }, 0, 10))).toEqual(['P-PREFIX', 'P-CONTAINS-A', 'P-CONTAINS-B', 'P-OWNER']);
    expect(ids(await searchProjects(db.read, { q: '硅能' }, 0, 10))).toEqual(['P-PREFIX', 'P-CONTAINS-A', 'P-CONTAINS-B', 'P-OWNER']);
    expect(ids(await searchProjects(db.read, { q: 'gny-1' }, 0, 10))).toEqual(['GNY-1']);
    // Exact credit code first (two projects of one owner), then projects whose id merely contains the text.
    const withUscc = await library([
      project(10, { id: `X-${uscc(11)}` }),
      project(11, { id: 'B-OWNED' }),
      project(12, { id: 'A-OWNED', ownerUscc: uscc(11) }),
    ]);
    expect(ids(await searchProjects(withUscc.read, { q: uscc(11).toLowerCase() }, 0, 10))).toEqual(['A-OWNED', 'B-OWNED', `X-${uscc(11)}`]);
    await db.close();
    await withUscc.close();
  });

  it('takes special characters literally, never as FTS5 or LIKE syntax', async () => {
    const names = ['回收率100%项目', 'A_B型设备改造', '"无废工厂"改造', '一期(扩建)工程', 'NEAR零碳园区', '星号*测试', "单引号'测试", '反斜杠\\测试', 'AND OR NOT 项目'];
    const db = await library(names.map((name, i) => project(i + 1, { name })));
    const find = async (q: string) => (await searchProjects(db.read, { q }, 0, 20)).items.map((i) => i.name);
    expect(await find('%')).toEqual(['回收率100%项目']);
    expect(await find('100%')).toEqual(['回收率100%项目']);
    expect(await find('_')).toEqual(['A_B型设备改造']);
    expect(await find('A_B')).toEqual(['A_B型设备改造']);
    expect(await find('"')).toEqual(['"无废工厂"改造']);
    expect(await find('"无废')).toEqual(['"无废工厂"改造']);
    expect(await find('(扩建)')).toEqual(['一期(扩建)工程']);
    expect(await find('(')).toEqual(['一期(扩建)工程']);
    expect(await find('NEAR')).toEqual(['NEAR零碳园区']);
    expect(await find('near(')).toEqual([]);
    expect(await find('*')).toEqual(['星号*测试']);
    expect(await find('号*')).toEqual(['星号*测试']);
    expect(await find("'")).toEqual(["单引号'测试"]);
    expect(await find('\\')).toEqual(['反斜杠\\测试']);
    expect(await find('AND OR')).toEqual(['AND OR NOT 项目']);
    expect(await find('NOT')).toEqual(['AND OR NOT 项目']);
    expect(await find('%%')).toEqual([]);
    expect(await find('\u0000\u001f')).toEqual(await find(''));
    await db.close();
  });

  it('requires every white-space separated term', async () => {
    const db = await library([
      project(1, { name: '屋顶光伏发电项目', ownerName: '台山市某公司' }),
      project(2, { name: '光伏组件出口项目', ownerName: '新会区某公司' }),
      project(3, { name: '风电项目', ownerName: '台山市风电公司' }),
    ]);
    const find = async (q: string) => ids(await searchProjects(db.read, { q }, 0, 20));
    expect(await find('光伏 台山')).toEqual(['JM-GP-2024-00001']);
    expect(await find('  光伏\u3000项目 ')).toEqual(['JM-GP-2024-00002', 'JM-GP-2024-00001']);
    expect(await find('台山 风电 公司')).toEqual(['JM-GP-2024-00003']);
    expect(await find('光伏 风电')).toEqual([]);
    await db.close();
  });

  it('scans the projects for a character that starts too many trigrams for the index, with the same results', async () => {
    // MAX_EXPANSION_RARE + 1 names each starting "Q" + a different pair of characters.
    const n = MAX_EXPANSION_RARE + 1;
    const projects = Array.from({ length: n }, (_, i) =>
      project(i + 1, { name: `Q${String.fromCodePoint(0x4e00 + (i % 500), 0x4e00 + Math.floor(i / 500))}项目`, ownerName: '某公司' }),
    );
    projects.push(project(n + 1, { name: '无关项目', ownerName: 'q开头的公司' }));
    const db = await library(projects);
    const r = await searchProjects(db.read, { q: 'q' }, 0, 5);
    expect(r.total).toBe(n + 1);
    expect(ids(r)).toEqual(['JM-GP-2024-00001', 'JM-GP-2024-00002', 'JM-GP-2024-00003', 'JM-GP-2024-00004', 'JM-GP-2024-00005']);
    const last = await searchProjects(db.read, { q: 'Q', district: '新会区' }, n, 5);
    expect(ids(last)).toEqual([`JM-GP-2024-${String(n + 1).padStart(5, '0')}`]);
    await db.close();
  });
});
