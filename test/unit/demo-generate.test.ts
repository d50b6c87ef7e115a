import { describe, it, expect } from 'vitest';
import {
  DEMO_DEFAULT_ISSUED_AT,
  DEMO_DEFAULT_SEED,
  DEMO_ISSUER,
  companyShortName,
  generateDemoSnapshot,
  generateDemoSnapshotNext,
} from '../../src-main/services/demo/generate.js';
import { DISTRICT_ADMIN_CODES, HIGH_CARBON_PREFIXES, PROJECT_TEMPLATES, SECTORS } from '../../src-main/services/demo/names.js';
import { createRng } from '../../src-main/services/demo/random.js';
import {
  DISTRICTS,
  GREEN_CATEGORIES,
  LIBRARIES,
  PROJECT_STATUSES,
  WASTE_FREE_CATEGORIES,
} from '../../shared/domain/jiangmen.js';
import { yuanToFen } from '../../shared/domain/money.js';
import { SNAPSHOT_FORMAT, librarySnapshotSchema, type LibrarySnapshot, type SnapshotProject } from '../../shared/domain/snapshot.js';
import { isValidUscc } from '../../shared/domain/uscc.js';

const ID = /^JM-(GP|WF|TR)-(\d{4})-(\d{5,})$/;
const PREFIX = { green: 'GP', waste_free: 'WF', transition: 'TR' } as const;

const lib = generateDemoSnapshot({ projects: 2000 });
const P = lib.projects;

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = m.get(k);
    if (list) list.push(t);
    else m.set(k, [t]);
  }
  return m;
}

const isHighCarbon = (code: string) => HIGH_CARBON_PREFIXES.some((p) => code.startsWith(p));

describe('random', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const sa = Array.from({ length: 20 }, () => a.next());
    const sb = Array.from({ length: 20 }, () => b.next());
    const sc = Array.from({ length: 20 }, () => c.next());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
    for (const x of sa) expect(x >= 0 && x < 1).toBe(true);
  });

  it('int, pick, weighted and shuffle stay in range', () => {
    const r = createRng(7);
    const ints = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = r.int(-2, 3);
      expect(Number.isInteger(v) && v >= -2 && v <= 3).toBe(true);
      ints.add(v);
    }
    expect(ints.size).toBe(6);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 3000; i++) counts[r.weighted([['a', 1], ['b', 0], ['c', 3]] as const)]++;
    expect(counts.b).toBe(0);
    expect(counts.c).toBeGreaterThan(counts.a * 2);
    expect(() => r.weighted([['x', 0]] as const)).toThrow();
    expect(() => r.pick([])).toThrow();
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = r.shuffle(items);
    expect([...shuffled].sort((x, y) => x - y)).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('generateDemoSnapshot', () => {
  it('is deterministic: same options give identical JSON, another seed a different library', () => {
    const a = JSON.stringify(generateDemoSnapshot({ projects: 500 }));
    const b = JSON.stringify(generateDemoSnapshot({ projects: 500, seed: DEMO_DEFAULT_SEED }));
    const c = JSON.stringify(generateDemoSnapshot({ projects: 500, seed: 1 }));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(JSON.stringify(generateDemoSnapshot({ projects: 2000 }))).toBe(JSON.stringify(lib));
  });

  it('writes the header: format, version, issue date and issuer', () => {
    expect(lib.format).toBe(SNAPSHOT_FORMAT);
    expect(lib.version).toBe(1);
    expect(lib.issuedAt).toBe(DEMO_DEFAULT_ISSUED_AT);
    expect(lib.issuedAt).toBe('2026-11-01T00:00:00+08:00');
    expect(lib.issuer).toBe(DEMO_ISSUER);
    expect(lib.issuer).toBe('江门市金融工作局');
    const custom = generateDemoSnapshot({ projects: 3, version: 7, issuedAt: '2026-12-15T09:30:00+08:00' });
    expect(custom.version).toBe(7);
    expect(custom.issuedAt).toBe('2026-12-15T09:30:00+08:00');
    expect(custom.projects).toHaveLength(3);
  });

  it('passes the snapshot schema', () => {
    expect(P).toHaveLength(2000);
    expect(() => librarySnapshotSchema.parse(lib)).not.toThrow();
    const parsed = librarySnapshotSchema.parse(lib);
    expect(JSON.stringify(parsed)).toBe(JSON.stringify(lib));
    expect(librarySnapshotSchema.parse(generateDemoSnapshot({ projects: 0 })).projects).toEqual([]);
  });

  it('rejects a bad project count', () => {
    expect(() => generateDemoSnapshot({ projects: -1 })).toThrow(RangeError);
    expect(() => generateDemoSnapshot({ projects: 1.5 })).toThrow(RangeError);
  });

  it('gives every owner a valid 统一社会信用代码 registered in its district', () => {
    for (const p of P) {
      expect(isValidUscc(p.ownerUscc), p.ownerUscc).toBe(true);
      expect(p.ownerUscc.slice(0, 2)).toBe('91');
      expect(p.ownerUscc.slice(2, 8)).toBe(DISTRICT_ADMIN_CODES[p.district]);
    }
    expect(DISTRICT_ADMIN_CODES).toEqual({
      蓬江区: '440703',
      江海区: '440704',
      新会区: '440705',
      台山市: '440781',
      开平市: '440783',
      鹤山市: '440784',
      恩平市: '440785',
    });
  });

  it('covers all districts, categories, libraries and statuses', () => {
    const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();
    expect(sorted(P.map((p) => p.district))).toEqual([...DISTRICTS].sort());
    expect(sorted(P.map((p) => p.category))).toEqual([...GREEN_CATEGORIES].sort());
    expect(sorted(P.map((p) => p.library))).toEqual([...LIBRARIES].sort());
    expect(sorted(P.map((p) => p.status))).toEqual([...PROJECT_STATUSES].sort());
    // Every library/status pair is well represented, not just present.
    for (const d of DISTRICTS) expect(P.filter((p) => p.district === d).length).toBeGreaterThan(50);
    for (const c of GREEN_CATEGORIES) expect(P.filter((p) => p.category === c).length).toBeGreaterThan(20);
    for (const l of LIBRARIES) expect(P.filter((p) => p.library === l).length).toBeGreaterThan(200);
  });

  it('covers everything even in a small demo', () => {
    const small = generateDemoSnapshot({ projects: 40, seed: 99 }).projects;
    expect(new Set(small.map((p) => p.district)).size).toBe(DISTRICTS.length);
    expect(new Set(small.map((p) => p.category)).size).toBe(GREEN_CATEGORIES.length);
    expect(new Set(small.map((p) => p.library)).size).toBe(LIBRARIES.length);
    expect(new Set(small.map((p) => p.status)).size).toBe(PROJECT_STATUSES.length);
  });

  it('has unique ids numbered per library and listing year', () => {
    expect(new Set(P.map((p) => p.id)).size).toBe(P.length);
    for (const p of P) {
      const m = ID.exec(p.id);
      expect(m, p.id).not.toBeNull();
      expect(m![1]).toBe(PREFIX[p.library]);
      expect(m![2]).toBe(p.listedAt.slice(0, 4));
    }
    // Sequences run 1..n without gaps, in listing order.
    for (const [, group] of groupBy(P, (p) => p.id.slice(0, 10))) {
      const seqs = group.map((p) => Number(p.id.slice(11)));
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      const dates = group.map((p) => p.listedAt);
      expect(dates).toEqual([...dates].sort());
    }
  });

  it('keeps money plausible: yuan with at most two decimals, need ≤ total, skewed to small projects', () => {
    for (const p of P) {
      expect(yuanToFen(p.totalInvestmentYuan), p.id).not.toBeNull();
      expect(yuanToFen(p.financingNeedYuan), p.id).not.toBeNull();
      expect(p.totalInvestmentYuan).toBeGreaterThanOrEqual(2_000_000);
      expect(p.totalInvestmentYuan).toBeLessThanOrEqual(2_000_000_000);
      expect(p.financingNeedYuan).toBeGreaterThanOrEqual(0);
      expect(p.financingNeedYuan).toBeLessThanOrEqual(p.totalInvestmentYuan);
    }
    const totals = P.map((p) => p.totalInvestmentYuan).sort((a, b) => a - b);
    expect(totals[Math.floor(totals.length / 2)]!).toBeLessThan(50_000_000);
    expect(totals[totals.length - 1]!).toBeGreaterThan(500_000_000);
    // Some amounts carry decimals (as real sheets in 万元 do), most are whole.
    const withDecimals = P.filter((p) => !Number.isInteger(p.totalInvestmentYuan) || !Number.isInteger(p.financingNeedYuan));
    expect(withDecimals.length).toBeGreaterThan(0);
    expect(withDecimals.length).toBeLessThan(P.length / 10);
  });

  it('keeps dates in range: listed 2023-01-01..2026-10-31, listedAt ≤ updatedAt ≤ 2026-10-31', () => {
    for (const p of P) {
      expect(p.listedAt >= '2023-01-01' && p.listedAt <= '2026-10-31', p.id).toBe(true);
      expect(p.updatedAt >= p.listedAt && p.updatedAt <= '2026-10-31', p.id).toBe(true);
      expect(Number.isNaN(Date.parse(p.listedAt))).toBe(false);
      expect(Number.isNaN(Date.parse(p.updatedAt))).toBe(false);
    }
    expect(new Set(P.map((p) => p.listedAt.slice(0, 4)))).toEqual(new Set(['2023', '2024', '2025', '2026']));
  });

  it('writes filled-in Chinese names within the length limit', () => {
    for (const p of P) {
      expect(p.name.length).toBeGreaterThan(4);
      expect(p.name.length).toBeLessThanOrEqual(200);
      expect(p.name).not.toMatch(/[{}]/);
      expect(p.name).toMatch(/(项目|工程)(（[^（）]*）)?$/);
      expect(p.ownerName).toMatch(/(有限公司|有限责任公司)$/);
      expect(p.ownerName.length).toBeLessThanOrEqual(200);
      expect(p.sourceDept).toMatch(/局$/);
    }
    expect(new Set(P.map((p) => p.name)).size).toBeGreaterThan(P.length / 2);
  });

  it('lets a company hold one to three projects under one name, code and district', () => {
    const byUscc = groupBy(P, (p) => p.ownerUscc);
    for (const [, group] of byUscc) {
      expect(group.length).toBeGreaterThanOrEqual(1);
      expect(group.length).toBeLessThanOrEqual(3);
      expect(new Set(group.map((p) => p.ownerName)).size).toBe(1);
      expect(new Set(group.map((p) => p.district)).size).toBe(1);
      expect(new Set(group.map((p) => p.industryCode)).size).toBe(1);
    }
    for (const [, group] of groupBy(P, (p) => p.ownerName)) expect(new Set(group.map((p) => p.ownerUscc)).size).toBe(1);
    const shared = [...byUscc.values()].filter((g) => g.length > 1).length;
    expect(shared).toBeGreaterThan(byUscc.size / 10);
    expect(byUscc.size).toBeLessThan(P.length);
  });

  it('uses real GB/T 4754-2017 classes and fits libraries to their purpose', () => {
    for (const p of P) {
      expect(SECTORS[p.industryCode], p.industryCode).toBeDefined();
      expect(p.industryCode).toMatch(/^[A-T]\d{4}$/);
    }
    const wasteFree = P.filter((p) => p.library === 'waste_free');
    const wfShare = wasteFree.filter((p) => WASTE_FREE_CATEGORIES.includes(p.category)).length / wasteFree.length;
    expect(wfShare).toBeGreaterThan(0.75);
    const transition = P.filter((p) => p.library === 'transition');
    const trShare = transition.filter((p) => isHighCarbon(p.industryCode)).length / transition.length;
    expect(trShare).toBeGreaterThan(0.75);
    const withdrawn = P.filter((p) => p.status === 'withdrawn').length / P.length;
    expect(withdrawn).toBeGreaterThan(0.015);
    expect(withdrawn).toBeLessThan(0.05);
  });

  it('estimates benefits per category, with zeros where they do not apply', () => {
    for (const p of P) {
      const b = p.expectedBenefits;
      for (const v of Object.values(b)) expect(Number.isInteger(v) && v >= 0).toBe(true);
      if (p.category === 'ecological_protection') {
        expect(b.energySavedTce + b.wasteUtilizedT + b.hazardousDisposedT).toBe(0);
      }
      if (p.category === 'green_services' || p.category === 'green_trade' || p.category === 'energy_transition') {
        expect(b.hazardousDisposedT).toBe(0);
      }
      if (p.category === 'energy_transition' && /\d(MW|MWh)）$/.test(p.name)) {
        expect(b.carbonReductionT, p.name).toBeGreaterThan(0);
        expect(b.wasteUtilizedT).toBe(0);
      }
    }
    const recycling = P.filter((p) => p.category === 'resource_recycling');
    expect(recycling.filter((p) => p.expectedBenefits.wasteUtilizedT > 0).length / recycling.length).toBeGreaterThan(0.8);
    const saving = P.filter((p) => p.category === 'energy_saving_carbon_reduction');
    expect(saving.filter((p) => p.expectedBenefits.energySavedTce > 0).length / saving.length).toBeGreaterThan(0.8);
  });

  it('keeps USCCs and company names unique across a large library', () => {
    const large = generateDemoSnapshot({ projects: 10_000, seed: 5 }).projects;
    const byUscc = groupBy(large, (p) => p.ownerUscc);
    for (const [code, group] of byUscc) {
      expect(isValidUscc(code)).toBe(true);
      expect(new Set(group.map((p) => p.ownerName)).size).toBe(1);
    }
    expect(new Set(large.map((p) => p.ownerName)).size).toBe(byUscc.size);
    expect(new Set(large.map((p) => p.id)).size).toBe(large.length);
  });
});

describe('names data', () => {
  it('templates have known tokens and industries that exist', () => {
    for (const t of PROJECT_TEMPLATES) {
      for (const [, token] of t.name.matchAll(/\{(\w+)\}/g)) {
        expect(['town', 'park', 'district', 'pvMW', 'windMW', 'storMWh', 'capT', 'hazT', 'tpd', 'wwTpd', 'areaM2', 'km', 'mu', 'piles', 'buses', 'steamTph', 'wanUnits']).toContain(token);
      }
      for (const prefix of t.sectors ?? []) {
        expect(Object.keys(SECTORS).some((code) => code.startsWith(prefix)), `${t.name}: ${prefix}`).toBe(true);
      }
    }
  });

  it('shortens company names for project names', () => {
    expect(companyShortName('江门市新会区鸿威环保科技有限公司')).toBe('鸿威环保科技');
    expect(companyShortName('华润（台山）热电有限公司')).toBe('华润热电');
    expect(companyShortName('广东粤海新材料股份有限公司')).toBe('粤海新材料');
  });
});

describe('generateDemoSnapshotNext', () => {
  const before = JSON.stringify(lib);
  const next = generateDemoSnapshotNext(lib);
  const prevById = new Map(P.map((p) => [p.id, p]));
  const nextById = new Map(next.projects.map((p) => [p.id, p]));
  const dropped = P.filter((p) => !nextById.has(p.id));
  const added = next.projects.filter((p) => !prevById.has(p.id));
  const changed = next.projects.filter((p) => prevById.has(p.id) && JSON.stringify(p) !== JSON.stringify(prevById.get(p.id)));

  it('does not modify the previous snapshot and is deterministic', () => {
    expect(JSON.stringify(lib)).toBe(before);
    expect(JSON.stringify(generateDemoSnapshotNext(lib))).toBe(JSON.stringify(next));
    expect(JSON.stringify(generateDemoSnapshotNext(lib, { seed: 1 }))).not.toBe(JSON.stringify(next));
  });

  it('is the next version, a month later, and passes the schema', () => {
    expect(next.format).toBe(SNAPSHOT_FORMAT);
    expect(next.version).toBe(lib.version + 1);
    expect(next.issuer).toBe(lib.issuer);
    expect(next.issuedAt).toBe('2026-12-01T00:00:00+08:00');
    expect(() => librarySnapshotSchema.parse(next)).not.toThrow();
    expect(new Set(next.projects.map((p) => p.id)).size).toBe(next.projects.length);
    for (const p of next.projects) {
      expect(isValidUscc(p.ownerUscc)).toBe(true);
      expect(p.financingNeedYuan).toBeLessThanOrEqual(p.totalInvestmentYuan);
      expect(yuanToFen(p.financingNeedYuan)).not.toBeNull();
      expect(p.updatedAt >= p.listedAt).toBe(true);
    }
  });

  it('drops about 1% of the projects, none already withdrawn', () => {
    expect(dropped.length).toBe(Math.round(P.length * 0.01));
    for (const p of dropped) expect(p.status).not.toBe('withdrawn');
  });

  it('changes about 2%: status moves on or the financing need is revised, dated in the new window', () => {
    expect(changed.length).toBe(Math.round(P.length * 0.02));
    const forward: Record<string, string[]> = {
      listed: ['listed', 'under_construction', 'withdrawn'],
      under_construction: ['under_construction', 'in_operation', 'withdrawn'],
      in_operation: ['in_operation', 'withdrawn'],
    };
    for (const p of changed) {
      const q = prevById.get(p.id)!;
      expect(p.status !== q.status || p.financingNeedYuan !== q.financingNeedYuan, p.id).toBe(true);
      expect(forward[q.status]).toContain(p.status);
      expect(p.updatedAt >= '2026-11-01' && p.updatedAt <= '2026-11-30', p.updatedAt).toBe(true);
      // Nothing else about the project changes.
      const strip = (x: SnapshotProject) => ({ ...x, status: '', financingNeedYuan: 0, updatedAt: '' });
      expect(strip(p)).toEqual(strip(q));
    }
    expect(changed.some((p) => p.status !== prevById.get(p.id)!.status)).toBe(true);
    expect(changed.some((p) => p.financingNeedYuan !== prevById.get(p.id)!.financingNeedYuan)).toBe(true);
  });

  it('keeps every other project exactly as it was', () => {
    const changedIds = new Set(changed.map((p) => p.id));
    for (const p of next.projects) {
      if (!prevById.has(p.id) || changedIds.has(p.id)) continue;
      expect(p).toEqual(prevById.get(p.id));
    }
    expect(next.projects.length).toBe(P.length - dropped.length + added.length);
  });

  it('lists a few new projects with fresh ids in the new window', () => {
    expect(added.length).toBeGreaterThanOrEqual(3);
    expect(added.length).toBeLessThan(P.length * 0.02);
    const maxSeq = new Map<string, number>();
    for (const p of P) {
      const key = p.id.slice(0, 10);
      maxSeq.set(key, Math.max(maxSeq.get(key) ?? 0, Number(p.id.slice(11))));
    }
    for (const p of added) {
      expect(p.status).toBe('listed');
      expect(p.listedAt >= '2026-11-01' && p.listedAt <= '2026-11-30').toBe(true);
      const m = ID.exec(p.id)!;
      expect(m[1]).toBe(PREFIX[p.library]);
      expect(m[2]).toBe('2026');
      expect(Number(m[3])).toBeGreaterThan(maxSeq.get(p.id.slice(0, 10)) ?? 0);
    }
    const perOwner = groupBy(next.projects, (p) => p.ownerUscc);
    for (const [, group] of perOwner) expect(group.length).toBeLessThanOrEqual(3);
  });

  it('chains: version 3 a month later again', () => {
    const third: LibrarySnapshot = generateDemoSnapshotNext(next);
    expect(third.version).toBe(3);
    expect(third.issuedAt).toBe('2027-01-01T00:00:00+08:00');
    expect(() => librarySnapshotSchema.parse(third)).not.toThrow();
    expect(new Set(third.projects.map((p) => p.id)).size).toBe(third.projects.length);
    for (const p of third.projects.filter((x) => !nextById.has(x.id))) {
      expect(p.listedAt >= '2026-12-01' && p.listedAt <= '2026-12-31').toBe(true);
    }
  });
});
