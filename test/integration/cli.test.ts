import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_VERSION } from '../../src-main/db/migrations/index.js';
import { runGreendesk, startServe } from '../helpers/cli.js';
import { useTempDir } from '../helpers/tmp.js';

const tempDir = useTempDir();

describe('greendesk CLI', () => {
  it('exits 2 with a JSON error on stderr for an unknown command', () => {
    const r = runGreendesk(['nosuchcommand']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(JSON.parse(r.stderr)).toEqual({
      error: { code: 'UNKNOWN_COMMAND', message: '未知命令：nosuchcommand（使用 --help 查看可用命令）', path: 'nosuchcommand' },
    });
    expect(JSON.parse(runGreendesk(['nosuchcommand', '--lang', 'en']).stderr).error.message).toMatch(/^Unknown command/);
  });

  it('prints help in Chinese by default and in English with --lang en', () => {
    const zh = runGreendesk(['--help']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('绿色金融工作台');
    expect(zh.stdout).toContain('serve --db');
    const en = runGreendesk(['--help', '--lang', 'en']);
    expect(en.stdout).toContain('Usage: greendesk');
  });

  it('reports missing and unknown options with exit 2 and the option as path', () => {
    const missing = runGreendesk(['init']);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stderr).error).toMatchObject({ code: 'MISSING_ARGUMENT', path: '--db' });
    const unknown = runGreendesk(['init', '--db', 'x.db', '--frobnicate']);
    expect(JSON.parse(unknown.stderr).error).toMatchObject({ code: 'UNKNOWN_OPTION', path: '--frobnicate' });
    const badNumber = runGreendesk(['demo', '--db', join(tempDir(), 'x.db'), '--projects', '-5']);
    expect(badNumber.code).toBe(2);
  });

  it('init creates an empty, migrated database and prints exactly one JSON document', () => {
    const file = join(tempDir(), 'new', 'app.db');
    const r = runGreendesk(['init', '--db', file, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ db: file, created: true, schemaVersion: SCHEMA_VERSION });
    expect(JSON.parse(runGreendesk(['init', '--db', file, '--json']).stdout).created).toBe(false);
  });

  it('demo builds a library and refuses to write over an existing one', () => {
    const file = join(tempDir(), 'demo.db');
    const r = runGreendesk(['demo', '--db', file, '--projects', '120', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ db: file, projects: 120, version: 1 });
    const again = runGreendesk(['demo', '--db', file, '--json']);
    expect(again.code).toBe(2);
    expect(JSON.parse(again.stderr).error.code).toBe('LIBRARY_NOT_EMPTY');
  });

  it('serve refuses when the renderer is not built (exit 1) and serves when it is', async () => {
    const dir = tempDir();
    const file = join(dir, 'serve.db');
    const noRenderer = runGreendesk(['serve', '--db', file], { GREENDESK_RENDERER_DIR: join(dir, 'nothing') });
    expect(noRenderer.code).toBe(1);
    expect(JSON.parse(noRenderer.stderr).error.code).toBe('RENDERER_NOT_BUILT');
    expect(existsSync(file)).toBe(false);

    const renderer = join(dir, 'renderer');
    mkdirSync(renderer);
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>GreenDesk</title>');
    const serve = startServe(['--db', file], { GREENDESK_RENDERER_DIR: renderer });
    try {
      const { url, port } = await serve.ready;
      expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/\\?token=[\\w-]{32,}$`));
      const token = new URL(url).searchParams.get('token')!;
      const denied = await fetch(`http://127.0.0.1:${port}/rpc/app.info`, { method: 'POST', body: '{}' });
      expect(denied.status).toBe(401);
      const ok = await fetch(`http://127.0.0.1:${port}/rpc/app.info`, { method: 'POST', body: '{}', headers: { 'x-greendesk-token': token } });
      expect(await ok.json()).toMatchObject({ ok: true, value: { dbFile: 'serve.db' } });
    } finally {
      expect(await serve.stop()).toBe(0);
    }
  });
});
