/**
 * The app's database in the user's data folder. On first run it is built aside (…db.creating), filled with the
 * demo library and only then renamed into place, so a crash during first run never leaves a half-made database.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../db/open.js';
import { seedDemo } from './demo-seed.js';
import { DB_FILE_NAME } from './paths.js';

export async function ensureAppDatabase(dataDir: string): Promise<string> {
  const file = join(dataDir, DB_FILE_NAME);
  if (existsSync(file)) return file;
  mkdirSync(dataDir, { recursive: true });
  const temp = `${file}.creating`;
  for (const f of [temp, `${temp}-wal`, `${temp}-shm`]) rmSync(f, { force: true });
  const db = openDatabase(temp);
  try {
    await seedDemo(db);
  } finally {
    await db.close();
  }
  renameSync(temp, file);
  return file;
}
