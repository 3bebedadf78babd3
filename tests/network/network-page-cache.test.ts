import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import { NetworkPageCache } from '../../src/network/page/network-page-cache.js';
import { getNetworkPageJson } from '../../src/network/page/network-service.js';
import { networkDetailSchema } from '../../src/network/schemas.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { addDays, localDate, startOfLocalDate } from '../../src/platform/time.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { createTestDatabase } from '../helpers/test-db.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/*
 * The network page cache (issue 21, migration 0051): a server reuses a network's shaped page while one statement
 * finds its change stamps unchanged. Each test below first proves the entry is warm (the view was a hit), then
 * writes one table the page reads, and expects the very next view to show the write and to be byte for byte the
 * page read without any cache. Without the trigger of that table, the view would be the stale hit and fail.
 */

let database: DatabaseHandle;
let server: TestServer;
let cache: NetworkPageCache;
let admin: string;
let adminId: string;
let networkId: string;
/** The session of a coordinator of the network (the writes through the API are theirs). */
let coordinator: string;

beforeAll(async () => {
  database = await createTestDatabase({ seed: true });
  server = await startTestServer({ database });
  const own = server.deps.networkPageCache;
  if (!own) throw new Error('the server has no network page cache');
  cache = own;
  admin = await signInAs(server.url, 'Anouk Terpstra');
  adminId = (
    await database.db
      .selectFrom('users')
      .select('id')
      .where('display_name', '=', 'Anouk Terpstra')
      .executeTakeFirstOrThrow()
  ).id;
  networkId = (
    await database.db
      .selectFrom('networks')
      .select('id')
      .where('name', '=', 'Bondgenoten Haven')
      .executeTakeFirstOrThrow()
  ).id;
  const { display_name: name } = await database.db
    .selectFrom('network_roles')
    .innerJoin('users', 'users.id', 'network_roles.user_id')
    .select('users.display_name')
    .where('network_roles.network_id', '=', networkId)
    .where('network_roles.role', '=', 'coordinator')
    .orderBy('users.display_name')
    .executeTakeFirstOrThrow();
  coordinator = await signInAs(server.url, name as never);
}, 180_000);
afterAll(async () => {
  await server?.close();
  await database?.close();
});

/** The page as the server sends it (the body's bytes). */
async function view(id: string): Promise<string> {
  const response = await fetch(`${server.url}/api/v1/networks/${id}`, {
    headers: { cookie: admin, 'x-bondgenoten-client': 'tab' },
  });
  const text = await response.text();
  expect(response.status).toBe(200);
  return text;
}

/**
 * The page read afresh (through an empty cache, as a server's first view of it), as `viewer` (the administrator
 * unless named) sees it; its text is checked to be what the route's schema makes of the whole page.
 */
async function uncached(id: string, viewer = adminId): Promise<string> {
  const role = await database.db
    .selectFrom('network_roles')
    .select('role')
    .where('network_id', '=', id)
    .where('user_id', '=', viewer)
    .executeTakeFirst();
  const { text } = await getNetworkPageJson(
    database.db,
    { actorUserId: viewer, channel: 'tab', clientAddress: null, requestId: 'uncached' },
    id,
    role?.role ?? null,
    new Date(),
    new NetworkPageCache(),
  );
  // The router sends this text as it is: it must be the route's schema's parse of the whole page, stringified.
  expect(JSON.stringify(networkDetailSchema.parse(JSON.parse(text)))).toBe(text);
  return text;
}

/**
 * The audit rows of views of this network, sealed or not: in one statement (one snapshot), since the server's
 * sealer moves rows from the journal to the chain meanwhile, and two counts could see a row in both.
 */
async function auditedViews(id: string): Promise<number> {
  const { rows } = await sql<{ n: string | number }>`
    select
      (select count(*) from audit_journal
        where action = 'network.read' and object_id = ${id} and request_id != 'uncached')
      + (select count(*) from audit_events
        where action = 'network.read' and object_id = ${id} and request_id != 'uncached') as n`.execute(
    database.db,
  );
  return Number(rows[0]?.n);
}

/** Views until one is answered from the cache; returns that view. */
async function warmView(id: string): Promise<string> {
  await view(id);
  const hits = cache.counts.hits;
  const body = await view(id);
  expect(cache.counts.hits).toBe(hits + 1);
  return body;
}

describe('the network page cache', () => {
  it('answers every demo network byte for byte as the uncached read, one audit row per view', async () => {
    const networks = await database.db.selectFrom('networks').select('id').execute();
    expect(networks.length).toBeGreaterThanOrEqual(3);
    for (const { id } of networks) {
      const before = await auditedViews(id);
      const hits = cache.counts.hits;
      const first = await view(id);
      const second = await view(id);
      const third = await view(id);
      expect(cache.counts.hits).toBeGreaterThanOrEqual(hits + 2);
      const fresh = await uncached(id);
      expect(first).toBe(fresh);
      expect(second).toBe(fresh);
      expect(third).toBe(fresh);
      expect(await auditedViews(id)).toBe(before + 3);
    }
  });

  it('joins each viewer’s own role into the validated page (a coordinator, then the administrator)', async () => {
    const { id: coordinatorId } = await database.db
      .selectFrom('network_roles')
      .innerJoin('users', 'users.id', 'network_roles.user_id')
      .select('users.id')
      .where('network_roles.network_id', '=', networkId)
      .where('network_roles.role', '=', 'coordinator')
      .orderBy('users.display_name')
      .executeTakeFirstOrThrow();
    await warmView(networkId);
    const hits = cache.counts.hits;
    const asCoordinator = await callApi(server.url, coordinator, 'GET', `/api/v1/networks/${networkId}`);
    expect(asCoordinator.status).toBe(200);
    expect(asCoordinator.headers.get('cache-control')).toBe('no-store');
    expect(asCoordinator.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(asCoordinator.body.myRole).toBe('coordinator');
    const coordinatorBytes = await (
      await fetch(`${server.url}/api/v1/networks/${networkId}`, { headers: { cookie: coordinator } })
    ).text();
    expect(cache.counts.hits).toBe(hits + 2);
    expect(coordinatorBytes).toBe(await uncached(networkId, coordinatorId));
    expect(await view(networkId)).toBe(await uncached(networkId));
  });

  it('answers an unknown network 404 and audits the refusal, not a view', async () => {
    const unknown = '00000000-0000-4000-8000-00000000dead';
    const response = await callApi(server.url, admin, 'GET', `/api/v1/networks/${unknown}`);
    expect(response.status).toBe(404);
    expect(await auditedViews(unknown)).toBe(0);
  });

  it('does not reuse a page read on another day (absences and introductions are per day)', async () => {
    // An absence of tomorrow only, and two views a second either side of the coming Amsterdam midnight: the
    // entry of the first is seconds old, but its day shows nobody absent and the second's shows this member.
    const [member] = await staffOf();
    if (!member) throw new Error('the network has no staff');
    const tomorrow = addDays(localDate(new Date()), 1);
    const midnight = new Date(startOfLocalDate(tomorrow)).getTime();
    const lateToday = new Date(midnight - 1000);
    const earlyTomorrow = new Date(midnight + 1000);
    const absence = await database.db
      .insertInto('staff_absences')
      .values({ user_id: member.id, starts_on: tomorrow, ends_on: tomorrow })
      .returning('id')
      .executeTakeFirstOrThrow();
    const origin = {
      actorUserId: adminId,
      channel: 'tab',
      clientAddress: null,
      requestId: 'midnight',
    } as const;
    const own = new NetworkPageCache();
    const read = (now: Date, from: NetworkPageCache) =>
      getNetworkPageJson(database.db, origin, networkId, null, now, from);
    const absentUntil = (text: string) =>
      networkDetailSchema.parse(JSON.parse(text)).staff.find((s) => s.userId === member.id)?.absentUntil;
    try {
      const today = await read(lateToday, own);
      expect((await read(lateToday, own)).text).toBe(today.text);
      expect(own.counts).toMatchObject({ hits: 1, misses: 1 });
      expect(absentUntil(today.text)).toBeNull();
      const next = await read(earlyTomorrow, own);
      expect(own.counts).toMatchObject({ hits: 1, misses: 2 });
      expect(next.text).toBe((await read(earlyTomorrow, new NetworkPageCache())).text);
      expect(absentUntil(next.text)).toBe(tomorrow);
    } finally {
      await database.db.deleteFrom('staff_absences').where('id', '=', absence.id).execute();
    }
  });

  /** Each write below changes what the page shows; the view right after it must show it. */
  async function expectNextViewShows(write: () => Promise<unknown>): Promise<void> {
    const stale = await warmView(networkId);
    const misses = cache.counts.misses;
    await write();
    const next = await view(networkId);
    expect(cache.counts.misses).toBe(misses + 1);
    expect(next).not.toBe(stale);
    expect(next).toBe(await uncached(networkId));
  }

  async function personOf(kind: 'ally' | 'key_figure' | 'former_ally') {
    return database.db
      .selectFrom('network_people')
      .innerJoin('people', 'people.id', 'network_people.person_id')
      .select(['people.id', 'people.display_name', 'people.neighbourhood_id'])
      .where('network_people.network_id', '=', networkId)
      .where('people.kind', '=', kind)
      .orderBy('people.display_name')
      .executeTakeFirstOrThrow();
  }

  async function staffOf() {
    return database.db
      .selectFrom('network_roles')
      .innerJoin('users', 'users.id', 'network_roles.user_id')
      .select(['users.id', 'users.display_name', 'network_roles.backup_user_id', 'network_roles.role'])
      .where('network_roles.network_id', '=', networkId)
      .orderBy('users.display_name')
      .execute();
  }

  it('people: a name changed through PATCH /people/{id}', async () => {
    const person = await personOf('ally');
    const detail = await callApi(server.url, coordinator, 'GET', `/api/v1/people/${person.id}`);
    await expectNextViewShows(async () => {
      const changed = await callApi(server.url, coordinator, 'PATCH', `/api/v1/people/${person.id}`, {
        version: detail.body.version,
        displayName: `${person.display_name} (gewijzigd)`,
      });
      expect(changed.status).toBe(200);
    });
  });

  it('network_people and people: a key figure added through POST /networks/{id}/people', async () => {
    await expectNextViewShows(async () => {
      const created = await callApi(server.url, coordinator, 'POST', `/api/v1/networks/${networkId}/people`, {
        displayName: 'Fictieve Sleutelfiguur',
        kind: 'key_figure',
        legalBasis: 'public_task',
      });
      expect(created.status).toBe(201);
    });
  });

  it('network_roles: a back-up named through PUT /networks/{id}/roles/{userId}/backup', async () => {
    const [first, second] = await staffOf();
    if (!first || !second) throw new Error('the network needs two staff members');
    const backupUserId = first.backup_user_id === second.id ? null : second.id;
    await expectNextViewShows(async () => {
      const named = await callApi(
        server.url,
        coordinator,
        'PUT',
        `/api/v1/networks/${networkId}/roles/${first.id}/backup`,
        { backupUserId },
      );
      expect(named.status).toBe(200);
    });
  });

  it('neighbourhood_communities: relevance marked through PUT /networks/{id}/coverage/relevance', async () => {
    const coverage = await callApi(server.url, admin, 'GET', `/api/v1/networks/${networkId}/coverage`);
    expect(coverage.status).toBe(200);
    const neighbourhoods = await database.db
      .selectFrom('areas')
      .innerJoin('networks', 'networks.area_id', 'areas.parent_id')
      .select('areas.id')
      .where('networks.id', '=', networkId)
      .orderBy('areas.name')
      .execute();
    const communities = await database.db
      .selectFrom('communities')
      .innerJoin('networks', 'networks.municipality_id', 'communities.municipality_id')
      .select('communities.id')
      .where('networks.id', '=', networkId)
      .where('communities.archived', '=', false)
      .execute();
    const neighbourhood = neighbourhoods[0];
    if (!neighbourhood) throw new Error('the network has no wijken');
    // Every community marked relevant in the first wijk: the coverage gaps (a warning's count) change.
    await expectNextViewShows(async () => {
      const marked = await callApi(
        server.url,
        coordinator,
        'PUT',
        `/api/v1/networks/${networkId}/coverage/relevance`,
        { neighbourhoodId: neighbourhood.id, communityIds: communities.map((c) => c.id) },
      );
      expect(marked.status).toBe(200);
    });
  });

  // The tables below are written with plain statements: the triggers, not the write path, keep the stamps.
  it('person_communities: a community linked to a person', async () => {
    const person = await personOf('key_figure');
    const linked = await database.db
      .selectFrom('person_communities')
      .select('community_id')
      .where('person_id', '=', person.id)
      .execute();
    const community = await database.db
      .selectFrom('communities')
      .innerJoin('networks', 'networks.municipality_id', 'communities.municipality_id')
      .select('communities.id')
      .where('networks.id', '=', networkId)
      .where('communities.archived', '=', false)
      .where(
        'communities.id',
        'not in',
        linked.length > 0 ? linked.map((l) => l.community_id) : ['00000000-0000-4000-8000-000000000000'],
      )
      .executeTakeFirstOrThrow();
    await expectNextViewShows(() =>
      database.db
        .insertInto('person_communities')
        .values({ person_id: person.id, community_id: community.id })
        .execute(),
    );
  });

  it('person_farewells: the reason of a farewell corrected', async () => {
    const person = await personOf('key_figure');
    await database.db
      .updateTable('people')
      .set({ kind: 'former_key_figure' })
      .where('id', '=', person.id)
      .execute();
    await expectNextViewShows(() =>
      database.db
        .insertInto('person_farewells')
        .values({
          person_id: person.id,
          kind_before: 'key_figure',
          ended_on: '2020-01-01',
          reason: 'moved',
          thanked: true,
        })
        .execute(),
    );
  });

  it('networks: the network renamed', async () => {
    await expectNextViewShows(() =>
      database.db
        .updateTable('networks')
        .set({ name: 'Bondgenoten Haven (nieuw)' })
        .where('id', '=', networkId)
        .execute(),
    );
  });

  it('users: a staff member’s name changed (a sign-in that changes nothing shown keeps the entry)', async () => {
    const [member] = await staffOf();
    if (!member) throw new Error('the network has no staff');
    await warmView(networkId);
    await database.db
      .updateTable('users')
      .set({ email: 'fictief@example.org' })
      .where('id', '=', member.id)
      .execute();
    const hits = cache.counts.hits;
    await view(networkId);
    expect(cache.counts.hits).toBe(hits + 1);
    await expectNextViewShows(() =>
      database.db
        .updateTable('users')
        .set({ display_name: `${member.display_name} Jr.` })
        .where('id', '=', member.id)
        .execute(),
    );
  });

  it('staff_absences: a staff member absent today', async () => {
    const [member] = await staffOf();
    if (!member) throw new Error('the network has no staff');
    const today = localDate(new Date());
    await expectNextViewShows(() =>
      database.db
        .insertInto('staff_absences')
        .values({ user_id: member.id, starts_on: today, ends_on: today })
        .execute(),
    );
  });

  it('introductions and introduction_items: a newcomer long overdue, then introduced', async () => {
    const members = await staffOf();
    const member = members[members.length - 1];
    if (!member) throw new Error('the network has no staff');
    await database.db
      .deleteFrom('introductions')
      .where('network_id', '=', networkId)
      .where('user_id', '=', member.id)
      .execute();
    await expectNextViewShows(() =>
      database.db
        .insertInto('introductions')
        .values({ network_id: networkId, user_id: member.id, started_on: '2020-01-01' })
        .execute(),
    );
    await expectNextViewShows(() =>
      database.db
        .insertInto('introduction_items')
        .values({ network_id: networkId, user_id: member.id, item_key: 'meeting', done_on: '2020-02-01' })
        .execute(),
    );
  });

  it('areas, municipalities and communities: reference data changed', async () => {
    const wijk = await database.db
      .selectFrom('networks')
      .select(['area_id', 'municipality_id'])
      .where('id', '=', networkId)
      .executeTakeFirstOrThrow();
    await expectNextViewShows(() =>
      database.db
        .updateTable('areas')
        .set({ name: 'Stadsdeel Fictief' })
        .where('id', '=', wijk.area_id)
        .execute(),
    );
    await expectNextViewShows(() =>
      database.db
        .updateTable('municipalities')
        .set((eb) => ({ ally_soft_limit: eb('ally_soft_limit', '+', 1) }))
        .where('id', '=', wijk.municipality_id)
        .execute(),
    );
    const community = await database.db
      .selectFrom('person_communities')
      .select('community_id')
      .innerJoin('network_people', 'network_people.person_id', 'person_communities.person_id')
      .where('network_people.network_id', '=', networkId)
      .executeTakeFirstOrThrow();
    await expectNextViewShows(() =>
      database.db
        .updateTable('communities')
        .set({ name: 'Fictieve gemeenschap' })
        .where('id', '=', community.community_id)
        .execute(),
    );
  });

  it('a truncate of a table the page reads makes every entry stale', async () => {
    await expectNextViewShows(() => sql`truncate staff_absences`.execute(database.db));
  });

  it('never bypasses the access check: a revoked role is refused on the very next view', async () => {
    const member = (await staffOf()).find((s) => s.role !== 'coordinator');
    if (!member) throw new Error('the network has no staff');
    const staffCookie = await signInAs(server.url, member.display_name as never);
    const path = `/api/v1/networks/${networkId}`;
    expect((await callApi(server.url, staffCookie, 'GET', path)).status).toBe(200);
    const hits = cache.counts.hits;
    expect((await callApi(server.url, staffCookie, 'GET', path)).status).toBe(200);
    expect(cache.counts.hits).toBe(hits + 1);
    await database.db
      .deleteFrom('network_roles')
      .where('network_id', '=', networkId)
      .where('user_id', '=', member.id)
      .execute();
    expect((await callApi(server.url, staffCookie, 'GET', path)).status).toBe(403);
  });
});
