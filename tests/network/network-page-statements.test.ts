import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { NetworkPageCache } from '../../src/network/page/network-page-cache.js';
import { getNetworkCoverage, getNetworkPageJson } from '../../src/network/page/network-service.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { countingStatements } from '../helpers/counting-db.js';
import { createTestDatabase } from '../helpers/test-db.js';

/*
 * The network page is the most visited read after the overview; issue 21 collapsed its twelve statements
 * (eleven for a wijk network) into six, then two, then one: one statement reads the whole page and appends the
 * audit row (a data-modifying `with`). A count, not a timing: it pins the number of statements sent to the
 * database so that a new read cannot silently add a round trip, and shows that the audit row stays.
 */

let handle: DatabaseHandle;
let networks: { id: string; name: string; kind: 'district' | 'neighbourhood' }[];

beforeAll(async () => {
  handle = await createTestDatabase({ seed: true });
  // The demo's networks are stadsdeel networks; add a wijk network, whose frame reads its own wijk.
  const wijk = await handle.db
    .selectFrom('areas')
    .select(['id', 'municipality_id'])
    .where('kind', '=', 'neighbourhood')
    .orderBy('name')
    .executeTakeFirstOrThrow();
  await handle.db
    .insertInto('networks')
    .values({
      municipality_id: wijk.municipality_id,
      area_id: wijk.id,
      name: 'Wijknetwerk',
      created_at: new Date(),
    })
    .execute();
  const areas = await handle.db.selectFrom('areas').select(['id', 'kind']).execute();
  const kindOf = new Map(areas.map((area) => [area.id, area.kind]));
  networks = (await handle.db.selectFrom('networks').select(['id', 'name', 'area_id']).execute()).map(
    (n) => ({
      id: n.id,
      name: n.name,
      kind: kindOf.get(n.area_id) as 'district' | 'neighbourhood',
    }),
  );
});
afterAll(async () => {
  await handle.close();
});

/** Runs `read` on a database handle that counts the statements sent (one result per statement). */
async function statementsOf(read: (db: DatabaseHandle['db']) => Promise<unknown>): Promise<number> {
  const counted = countingStatements(handle.db);
  await read(counted.db);
  return counted.count();
}

const origin = {
  actorUserId: '00000000-0000-4000-8000-0000000000a1',
  channel: 'tab',
  clientAddress: '192.0.2.7',
  requestId: 'network-page-statements',
} as const;

describe('the network page’s statements', () => {
  it('reads a network page in one statement, district or wijk network alike, and audits the read', async () => {
    expect(networks.length).toBeGreaterThanOrEqual(3);
    const now = new Date();
    for (const network of networks) {
      // One read (network, wijken, communities, relevance, the people with communities, mobile or not and
      // farewells, the staff, their absences, newcomers not introduced) with the audit row; an empty cache, as
      // on a server's first view of the page.
      const statements = await statementsOf((db) =>
        getNetworkPageJson(db, origin, network.id, 'coordinator', now, new NetworkPageCache()),
      );
      expect({ network: network.name, statements }).toEqual({ network: network.name, statements: 1 });
    }
    await sealAuditJournal(handle.db);
    const audited = await handle.db
      .selectFrom('audit_events')
      .select([
        'object_id',
        'object_type',
        'actor_user_id',
        'channel',
        'client_address',
        'request_id',
        'result',
        'occurred_at',
      ])
      .where('action', '=', 'network.read')
      .execute();
    // Exactly one row per view, with who read it, through which door and when.
    expect(audited.map((row) => row.object_id).sort()).toEqual(networks.map((n) => n.id).sort());
    for (const row of audited)
      expect({ ...row, object_id: null, occurred_at: new Date(row.occurred_at).getTime() }).toEqual({
        object_id: null,
        object_type: 'network',
        actor_user_id: origin.actorUserId,
        channel: 'tab',
        client_address: '192.0.2.7',
        request_id: 'network-page-statements',
        result: 'success',
        occurred_at: now.getTime(),
      });
  });

  it('covers both kinds of network', () => {
    expect(new Set(networks.map((n) => n.kind))).toEqual(new Set(['district', 'neighbourhood']));
  });

  it('reads the coverage matrix in one statement and an unknown network in one, without an audit row', async () => {
    for (const network of networks)
      expect(await statementsOf((db) => getNetworkCoverage(db, network.id))).toBe(1);
    const unknown = '00000000-0000-4000-8000-00000000dead';
    let thrown: unknown;
    const statements = await statementsOf((db) =>
      getNetworkPageJson(db, origin, unknown, null, new Date(), new NetworkPageCache()).catch(
        (error: unknown) => {
          thrown = error;
        },
      ),
    );
    expect(thrown).toMatchObject({ code: 'not-found' });
    expect(statements).toBe(1);
    await sealAuditJournal(handle.db);
    const audited = await handle.db
      .selectFrom('audit_events')
      .select('seq')
      .where('object_id', '=', unknown)
      .execute();
    expect(audited).toEqual([]);
  });
});
