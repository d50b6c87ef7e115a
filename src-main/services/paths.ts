/** Where things are on disk: the package root (source tree or installed package) and the user's data folder. */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;

/** The folder holding GreenDesk's package.json, found by walking up from this module. */
export function packageRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'greendesk') return (cachedRoot = dir);
      } catch {
        // not ours; keep walking
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('GreenDesk package root not found');
    dir = up;
  }
}

export function rendererDir(): string {
  return join(packageRoot(), 'out', 'renderer');
}

/**
 * The per-user data folder, the same one Electron's app.getPath('userData') gives for productName "GreenDesk",
 * so browser mode and the desktop app share one database. GREENDESK_DATA_DIR overrides it.
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.GREENDESK_DATA_DIR) return env.GREENDESK_DATA_DIR;
  const home = homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'GreenDesk');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'GreenDesk');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'GreenDesk');
}

export const DB_FILE_NAME = 'greendesk.db';
