/**
 * Staged files: what the user picks or drops in the window arrives in chunks (over IPC or HTTP alike) and is
 * written under <dataDir>/staging/<id>.part, then sealed as <id>.bin with its SHA-256. Ids are random; no caller
 * ever names a path. Staged files older than a day are removed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, createReadStream } from 'node:fs';
import { join } from 'node:path';
import { MAX_STAGED_BYTES } from '../../shared/contract/methods/files.js';
import { AppError } from '../../shared/errors.js';

interface StagedMeta {
  name: string;
  size: number;
  createdAt: number;
  sha256?: string;
}

export interface StagedFile {
  id: string;
  name: string;
  size: number;
  path: string;
}

const ID_RE = /^[a-f0-9]{32}$/;
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

export class Staging {
  readonly dir: string;
  constructor(dataDir: string) {
    this.dir = join(dataDir, 'staging');
  }

  private paths(id: string) {
    if (!ID_RE.test(id)) throw new AppError('NOT_FOUND', { path: 'stagedId', params: { what: id.slice(0, 40) } });
    return { part: join(this.dir, `${id}.part`), bin: join(this.dir, `${id}.bin`), meta: join(this.dir, `${id}.json`) };
  }

  private meta(id: string): StagedMeta {
    const { meta } = this.paths(id);
    if (!existsSync(meta)) throw new AppError('NOT_FOUND', { path: 'stagedId', params: { what: id } });
    return JSON.parse(readFileSync(meta, 'utf8')) as StagedMeta;
  }

  begin(name: string, size: number): string {
    if (size > MAX_STAGED_BYTES) throw new AppError('FILE_TOO_LARGE', { path: 'size', params: { max: MAX_STAGED_BYTES / 1024 / 1024 } });
    mkdirSync(this.dir, { recursive: true });
    this.prune();
    const id = randomBytes(16).toString('hex');
    const p = this.paths(id);
    writeFileSync(p.part, Buffer.alloc(0));
    writeFileSync(p.meta, JSON.stringify({ name: name.replace(/[/\\]/g, '_'), size, createdAt: Date.now() } satisfies StagedMeta));
    return id;
  }

  /** Appends a chunk; chunks must come in order (offset = bytes received so far). */
  chunk(id: string, offset: number, data: Buffer): number {
    const m = this.meta(id);
    const p = this.paths(id);
    if (!existsSync(p.part)) throw new AppError('STAGING_STATE', { path: 'stagedId' });
    const have = statSync(p.part).size;
    if (offset !== have) throw new AppError('STAGING_OFFSET', { path: 'offset', params: { expected: have, got: offset } });
    if (have + data.length > m.size) throw new AppError('STAGING_OVERFLOW', { path: 'dataBase64', params: { size: m.size } });
    appendFileSync(p.part, data);
    return have + data.length;
  }

  async end(id: string): Promise<{ name: string; size: number; sha256: string }> {
    const m = this.meta(id);
    const p = this.paths(id);
    if (!existsSync(p.part)) throw new AppError('STAGING_STATE', { path: 'stagedId' });
    const have = statSync(p.part).size;
    if (have !== m.size) throw new AppError('STAGING_INCOMPLETE', { path: 'stagedId', params: { expected: m.size, got: have } });
    const hash = createHash('sha256');
    for await (const c of createReadStream(p.part)) hash.update(c as Buffer);
    m.sha256 = hash.digest('hex');
    renameSync(p.part, p.bin);
    writeFileSync(p.meta, JSON.stringify(m));
    return { name: m.name, size: m.size, sha256: m.sha256 };
  }

  /** A sealed staged file. */
  get(id: string): StagedFile {
    const m = this.meta(id);
    const p = this.paths(id);
    if (!existsSync(p.bin)) throw new AppError('STAGING_STATE', { path: 'stagedId' });
    return { id, name: m.name, size: m.size, path: p.bin };
  }

  remove(id: string): void {
    const p = this.paths(id);
    for (const f of [p.part, p.bin, p.meta]) rmSync(f, { force: true });
  }

  private prune(): void {
    const now = Date.now();
    for (const f of readdirSync(this.dir)) {
      const full = join(this.dir, f);
      try {
        if (now - statSync(full).mtimeMs > MAX_AGE_MS) rmSync(full, { force: true });
      } catch {
        // raced with another removal
      }
    }
  }
}
