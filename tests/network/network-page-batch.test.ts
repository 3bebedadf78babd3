import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import type { AuditOrigin } from '../../src/audit/audit-origin.js';
import { NetworkPageCache } from '../../src/network/page/network-page-cache.js';
import { getNetworkPageJson } from '../../src/network/page/network-service.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { countingStatements } from '../helpers/counting-db.js';
import { createTestDatabase } from '../helpers/test-db.js';

/*
 * The stamp checks of concurrent network page views go to the database as one statement (issue 21): the views
 * asked during one event-loop round wait for its end and are checked together, each view's own audit row appended
 * by that statement. These tests start several views without awaiting them, so they are asked in one round, as
 * the requests of one round of ready connections are, and count the statements sent.
 */

let handle: DatabaseHandle;
let db: DatabaseHandle['db'];
/** The demo's networks (at least three). */
let networkIds: string[];
/** Two demo staff members, the viewers. */
let viewers: [string, string];
/** The statements sent through `db` so far (one result per statement). */
let statements: () => number;

beforeAll(async () => {
  handle = await createTestDatabase({ seed: true });
  ({ db, count: statements } = countingStatements(handle.db));
  networkIds = (await handle.db.selectFrom('networks').select('id').orderBy('name').execute()).map(
    (n) => n.id,
  );
  const users = await handle.db.selectFrom('users').select('id').orderBy('display_name').limit(2).execute();
  viewers = [users[0]?.id ?? '', users[1]?.id ?? ''];
}, 180_000);
afterAll(async () => {
  await handle?.close();
});

let requests = 0;
/** A view's own origin: its viewer and a request id no other view has. */
function originOf(actorUserId: string, channel: AuditOrigin['channel'] = 'tab'): AuditOrigin {
  requests += 1;
  return { actorUserId, channel, clientAddress: '192.0.2.9', requestId: `batch-${requests}` };
}

/** A view through `cache`, as the route makes it; its answer's text. */
async function view(cache: NetworkPageCache, networkId: string, origin: AuditOrigin): Promise<string> {
  return (await getNetworkPageJson(db, origin, networkId, null, new Date(), cache)).text;
}

/** The page read afresh through an empty cache (no batch: it is read by its own statement). */
async function uncached(networkId: string): Promise<string> {
  return view(new NetworkPageCache(), networkId, originOf(viewers[0], 'job'));
}

/** The audit rows of these requests, sealed or not (one statement: one snapshot), as request id → actor, object. */
async function auditRowsOf(origins: AuditOrigin[]) {
  const ids = origins.map((o) => o.requestId ?? '');
  const { rows } = await sql<{
    request_id: string;
    actor_user_id: string;
    object_id: string;
    action: string;
  }>`
    select request_id, actor_user_id, object_id, action from audit_journal where request_id = any(${ids})
    union all
    select request_id, actor_user_id, object_id, action from audit_events where request_id = any(${ids})`.execute(
    handle.db,
  );
  return rows.sort((a, b) => a.request_id.localeCompare(b.request_id));
}

/** A cache holding every one of these networks' pages (each read once, through it). */
async function warmCache(ids: string[]): Promise<NetworkPageCache> {
  const cache = new NetworkPageCache();
  for (const id of ids) await view(cache, id, originOf(viewers[0]));
  return cache;
}

describe('the stamp checks of concurrent network page views', () => {
  it('checks the views of several networks by several viewers in one statement, one audit row per view with its own actor', async () => {
    const ids = networkIds.slice(0, 3);
    const cache = await warmCache(ids);
    const expected = await Promise.all(ids.map((id) => uncached(id)));
    const origins = ids.flatMap((id, i) => [
      { id, origin: originOf(viewers[i % 2] as string) },
      { id, origin: originOf(viewers[(i + 1) % 2] as string) },
    ]);
    const before = statements();
    const hits = cache.counts.hits;
    const pages = await Promise.all(origins.map(({ id, origin }) => view(cache, id, origin)));
    expect(statements() - before).toBe(1);
    expect(cache.counts.hits).toBe(hits + origins.length);
    expect(pages).toEqual(origins.map(({ id }) => expected[ids.indexOf(id)]));
    expect(await auditRowsOf(origins.map((o) => o.origin))).toEqual(
      origins
        .map(({ id, origin }) => ({
          request_id: origin.requestId,
          actor_user_id: origin.actorUserId,
          object_id: id,
          action: 'network.read',
        }))
        .sort((a, b) => (a.request_id ?? '').localeCompare(b.request_id ?? '')),
    );
  });

  it('reads a view afresh when its network changed, and only that one; never stale after a committed change', async () => {
    const [changed = '', other = ''] = networkIds;
    const cache = await warmCache([changed, other]);
    await handle.db
      .updateTable('networks')
      .set({ name: 'Fictief Netwerk Batch' })
      .where('id', '=', changed)
      .execute();
    const origins = [originOf(viewers[0]), originOf(viewers[1])];
    const hits = cache.counts.hits;
    const misses = cache.counts.misses;
    const [changedPage, otherPage] = await Promise.all([
      view(cache, changed, origins[0] as AuditOrigin),
      view(cache, other, origins[1] as AuditOrigin),
    ]);
    expect(JSON.parse(changedPage ?? '{}').name).toBe('Fictief Netwerk Batch');
    expect(changedPage).toBe(await uncached(changed));
    expect(otherPage).toBe(await uncached(other));
    expect([cache.counts.hits - hits, cache.counts.misses - misses]).toEqual([1, 1]);
    // One row each: the changed view's by its fresh read, the other's by the batch.
    expect((await auditRowsOf(origins)).map((row) => [row.actor_user_id, row.object_id])).toEqual([
      [viewers[0], changed],
      [viewers[1], other],
    ]);
  });

  it('checks a view asked while a statement is on its way in a statement of its own, sent after it', async () => {
    const [id = ''] = networkIds;
    const cache = await warmCache([id]);
    const origins = [originOf(viewers[0]), originOf(viewers[1])];
    const before = statements();
    const first = view(cache, id, origins[0] as AuditOrigin);
    // The end of this round: the first view's check is closed and sent (on PostgreSQL not answered yet).
    await new Promise((resolve) => setImmediate(resolve));
    // Joining the statement on its way would read a snapshot older than this view (a change committed just
    // before it could be missed); it waits for the next one instead.
    const second = view(cache, id, origins[1] as AuditOrigin);
    const expected = await uncached(id);
    expect(await Promise.all([first, second])).toEqual([expected, expected]);
    expect(statements() - before).toBe(3);
    expect((await auditRowsOf(origins)).map((row) => row.actor_user_id)).toEqual([viewers[0], viewers[1]]);
  });

  it('answers a network removed since it was cached 404 for that view only, and audits no view of it', async () => {
    const [kept = ''] = networkIds;
    const area = await handle.db
      .selectFrom('areas')
      .select(['id', 'municipality_id'])
      .where('kind', '=', 'neighbourhood')
      .executeTakeFirstOrThrow();
    const { id: removed } = await handle.db
      .insertInto('networks')
      .values({
        municipality_id: area.municipality_id,
        area_id: area.id,
        name: 'Weg',
        created_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const cache = await warmCache([kept, removed]);
    await handle.db.deleteFrom('networks').where('id', '=', removed).execute();
    const origins = [originOf(viewers[0]), originOf(viewers[1]), originOf(viewers[0])];
    const before = statements();
    const answers = await Promise.allSettled([
      view(cache, removed, origins[0] as AuditOrigin),
      view(cache, kept, origins[1] as AuditOrigin),
      view(cache, kept, origins[2] as AuditOrigin),
    ]);
    expect(statements() - before).toBe(1);
    expect(answers[0]).toMatchObject({ status: 'rejected', reason: { code: 'not-found' } });
    expect(answers.slice(1).map((a) => a.status)).toEqual(['fulfilled', 'fulfilled']);
    expect((await auditRowsOf(origins)).map((row) => [row.request_id, row.object_id])).toEqual([
      [origins[1]?.requestId, kept],
      [origins[2]?.requestId, kept],
    ]);
  });

  it('fails every view of a statement that fails, with none of their audit rows, and no view of the next one', async () => {
    const ids = networkIds.slice(0, 2);
    const cache = await warmCache(ids);
    // One view's audit row breaks the journal's channel check: the whole statement fails.
    const failing = [
      originOf(viewers[0]),
      originOf(viewers[1], 'nowhere' as AuditOrigin['channel']),
      originOf(viewers[1]),
    ];
    const answers = Promise.allSettled([
      view(cache, ids[0] ?? '', failing[0] as AuditOrigin),
      view(cache, ids[1] ?? '', failing[1] as AuditOrigin),
      view(cache, ids[0] ?? '', failing[2] as AuditOrigin),
    ]);
    await new Promise((resolve) => setImmediate(resolve));
    // Asked after that statement was sent: checked by the next one.
    const next = originOf(viewers[0]);
    const nextPage = await view(cache, ids[1] ?? '', next);
    expect((await answers).map((a) => a.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(nextPage).toBe(await uncached(ids[1] ?? ''));
    expect(await auditRowsOf(failing)).toEqual([]);
    expect((await auditRowsOf([next])).map((row) => [row.actor_user_id, row.object_id])).toEqual([
      [next.actorUserId, ids[1]],
    ]);
  });
});
