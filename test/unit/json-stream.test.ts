// The streaming snapshot reader against JSON.parse of the whole file: escapes of every kind, strings and values
// that straddle the 64 KiB chunks, and backslashes placed to test how their positions are remembered per chunk.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanJsonSnapshot } from '../../src-node/library-files/json-stream.js';
import { useTempDir } from '../helpers/tmp.js';

const tempDir = useTempDir();

async function scanAll(text: string) {
  const file = join(tempDir(), 's.json');
  writeFileSync(file, text);
  const scan = scanJsonSnapshot(file, 16, () => undefined);
  const out: unknown[] = [];
  for await (const p of scan.elements) out.push(p);
  return { fields: scan.fields, projects: out };
}

describe('the streaming snapshot reader', () => {
  it('reads what JSON.parse reads, across chunk boundaries, with escapes anywhere', async () => {
    // Real quotes, backslashes and tabs (JSON.stringify escapes them), and a marker that becomes a \uXXXX escape.
    const names = ['江门"新会"\\项目', 'a\\"b', '@U@门', 'tab\there', 'end\\', '"', '普通项目'];
    const projects = Array.from({ length: 3000 }, (_, i) => ({
      id: `P-${i}`,
      name: names[i % names.length]!.repeat(1 + (i % 5)),
      n: i % 3 === 0 ? -1.5e3 : i,
      ok: i % 2 === 0,
      none: null,
      nested: { list: [1, [2, { deep: 'x' }], 'y'], s: 'q\\' },
    }));
    const text = JSON.stringify({ format: 'greendesk.library.v1', version: 7, projects, issuer: '江门市金融工作局', issuedAt: '2026-11-01' }).replace(/@U@/g, '\\u6c5f');
    expect(text.length).toBeGreaterThan(64 * 1024 * 4);
    const whole = JSON.parse(text) as { projects: unknown[]; version: number; issuer: string };
    const got = await scanAll(text);
    expect(got.projects).toEqual(whole.projects);
    expect(got.fields).toMatchObject({ format: 'greendesk.library.v1', version: 7, issuer: '江门市金融工作局', issuedAt: '2026-11-01' });
  });

  it('a value that is a bare scalar at a chunk edge, and whitespace everywhere', async () => {
    const pad = ' '.repeat(64 * 1024 - 30);
    const text = `{ "version" :${pad} 12345 , "format":"greendesk.library.v1",\n "projects" : [ {"id":"a","v":true} ,\n {"id":"b","v":false}\n ] }`;
    const got = await scanAll(text);
    expect(got.fields).toMatchObject({ version: 12345 });
    expect(got.projects).toEqual([{ id: 'a', v: true }, { id: 'b', v: false }]);
  });
});
