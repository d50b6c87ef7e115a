// Where Electron's binary is, or why there is none — without require('electron'), which starts a download when
// the binary is missing. Used by npm start, pack:dir, rebuild:electron and the _electron e2e test.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** @param {string} root the project folder @returns {{ path: string, distDir: string } | { reason: string }} */
export function findElectronBinary(root) {
  let dir;
  try {
    dir = dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  const pathFile = join(dir, 'path.txt');
  const rel = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const p = join(override, rel || 'electron');
    return existsSync(p) ? { path: p, distDir: override } : { reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${p} does not exist` };
  }
  if (!rel) return { reason: `${pathFile} is missing: the binary is downloaded lazily and never was` };
  const p = join(dir, 'dist', rel);
  return existsSync(p) ? { path: p, distDir: join(dir, 'dist') } : { reason: `${p} does not exist` };
}
