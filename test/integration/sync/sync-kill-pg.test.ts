// The kill-point suite of sync-kill.test.ts with the hub on PostgreSQL (GREENDESK_TEST_PG; .ci/run starts one).
import { afterAll, describe, expect, it } from 'vitest';
import { PG_URL } from '../../helpers/hub.js';
import { killPoints, killSuite, runKillPoint, type KillSuite } from '../../helpers/kill-points.js';

const suite: KillSuite | null = PG_URL ? await killSuite('pg') : null;
const points = suite ? killPoints(suite.requests) : [];

describe.runIf(suite !== null).concurrent('sync killed with SIGKILL, hub on pg', () => {
  afterAll(async () => suite?.close());
  it('has at least 100 kill points', () => expect(points.length).toBeGreaterThanOrEqual(100));
  it.each(points.map((p, i) => [p.name, p, i] as const))('killed at %s', async (_name, p, i) => runKillPoint(suite!, p, i), 120_000);
});
