// SIGKILL at over a hundred points of a sync round (pull and push), hub on SQLite — then the round again:
// nothing lost, nothing duplicated, the cursor never ahead of the data, integrity_check ok. Each point is a test
// of its own. The same suite on PostgreSQL is sync-kill-pg.test.ts (its own file, so the two run side by side).
import { afterAll, describe, expect, it } from 'vitest';
import { killPoints, killSuite, runKillPoint } from '../../helpers/kill-points.js';

const suite = await killSuite('sqlite');
const points = killPoints(suite.requests);

describe.concurrent('sync killed with SIGKILL, hub on sqlite', () => {
  afterAll(async () => suite.close());
  it('has at least 100 kill points', () => expect(points.length).toBeGreaterThanOrEqual(100));
  it.each(points.map((p, i) => [p.name, p, i] as const))('killed at %s', async (_name, p, i) => runKillPoint(suite, p, i), 120_000);
});
