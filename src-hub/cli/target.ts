/** `--data DIR` or `--pg URL`: which database a hub command works on (exactly one of the two). */
import { AppError } from '../../shared/errors.js';
import type { Parsed } from '../../src-node/cli/args.js';
import { openHubDb, type HubDb } from '../db/open.js';

export const TARGET_OPTIONS = { data: { type: 'string' }, pg: { type: 'string' } } as const;

export async function openTarget(args: Parsed): Promise<HubDb> {
  const data = args.values.data;
  const pg = args.values.pg;
  if (typeof data === 'string' && typeof pg === 'string') throw new AppError('USAGE', { path: '--pg', params: { detail: '--data or --pg, not both' } });
  if (typeof pg === 'string') {
    if (!/^postgres(ql)?:\/\//.test(pg)) throw new AppError('BAD_ARGUMENT', { path: '--pg', params: { name: '--pg', value: 'postgresql://…' } });
    return openHubDb({ pgUrl: pg });
  }
  if (typeof data === 'string' && data.trim() !== '') return openHubDb({ dataDir: data });
  throw new AppError('MISSING_ARGUMENT', { path: '--data', params: { name: '--data | --pg' } });
}

/** Opens the target, runs `fn`, closes it. */
export async function withHub<T>(args: Parsed, fn: (hub: HubDb) => Promise<T>): Promise<T> {
  const hub = await openTarget(args);
  try {
    return await fn(hub);
  } finally {
    await hub.close();
  }
}
