/** A JSON document named on the command line: a clear error for a missing, empty, too large or non-JSON file. */
import { readFileSync, statSync } from 'node:fs';
import { AppError } from '../../shared/errors.js';

export function readJsonFile(file: string, maxBytes = 1024 * 1024): unknown {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new AppError('FILE_NOT_FOUND', { path: file, params: { file } });
  }
  if (size === 0) throw new AppError('FILE_EMPTY', { path: file });
  if (size > maxBytes) throw new AppError('FILE_TOO_LARGE', { path: file, params: { max: Math.max(1, Math.round(maxBytes / 1024 / 1024)) } });
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new AppError('NOT_JSON', { path: file, params: { detail: (e as Error).message.slice(0, 120) } });
  }
}
