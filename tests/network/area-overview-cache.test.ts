import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { AreaOverviewCache } from '../../src/network/areas/area-overview-cache.js';
import { getAreaOverview } from '../../src/network/areas/area-service.js';
import { areaOverviewSchema } from '../../src/network/schemas.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import type { Database } from '../../src/platform/db/schema.js';
import { DEMO_STAFF } from '../../src/server/seed/demo-data.js';
import { admitAllyForTest } from '../helpers/admit-ally.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { createTestDatabase } from '../helpers/test-db.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/*
 * The area overview cache (issue 21): a server sends a caller's overview again while one statement finds the digest
 * of every change stamp (migration 0051) unchanged. Each write test first proves the caller's entry is warm (the
 * request was a hit), then writes, and expects the very next request to show the write and to be byte for byte
 * the overview read without any cache. Without the digest check, that request would be the stale hit and fail.
 */

type Persona = (typeof DEMO_STAFF)[number]['displayName'];

let database: DatabaseHandle;
let server: TestServer;
let cache: AreaOverviewCache;
let admin: string;
const sessions = new Map<string, string>();

beforeAll(async () => {
  database = await createTestDatabase({ seed: true });
  server = await startTestServer({ database });
  const own = server.deps.areaOverviewCache;
  if (!own) throw new Error('the server has no area overview cache');
  cache = own;
  admin = await session('Anouk Terpstra');
}, 180_000);
afterAll(async () => {
  await server?.close();
  await database?.close();
});

async function session(name: Persona): Promise<string> {
  let cookie = sessions.get(name);
  if (!cookie) {
    cookie = await signInAs(server.url, name);
    sessions.set(name, cookie);
  }
  return cookie;
}

async function userIdOf(db: Kysely<Database>, name: string): Promise<string> {
  return (
    await db.selectFrom('users').select('id').where('display_name', '=', name).executeTakeFirstOrThrow()
  ).id;
}

/** The overview as the server sends it (status and the body's bytes). */
async function areas(cookie: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${server.url}/api/v1/areas`, {
    headers: { cookie, 'x-bondgenoten-client': 'tab' },
  });
  return { status: response.status, text: await response.text() };
}

/** The overview read afresh without any cache, as the route would send it for this caller. */
async function uncached(name: string): Promise<string> {
  const userId = await userIdOf(database.db, name);
  const administrator = await database.db
    .selectFrom('administrators')
    .select('user_id')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  const overview = await getAreaOverview(database.db, userId, administrator !== undefined, new Date());
  return JSON.stringify(areaOverviewSchema.parse(overview));
}

/** Requests until one is answered from the cache; returns that answer. */
async function warm(cookie: string): Promise<string> {
  expect((await areas(cookie)).status).toBe(200);
  const hits = cache.counts.hits;
  const { status, text } = await areas(cookie);
  expect(status).toBe(200);
  expect(cache.counts.hits).toBe(hits + 1);
  return text;
}

/** Runs `work` with triggers off (replica mode): no stamp moves, so no cache can see the change. */
async function behindTheTriggers(work: (tx: Transaction<Database>) => Promise<unknown>): Promise<void> {
  await database.db.transaction().execute(async (tx) => {
    await sql`set local session_replication_role = replica`.execute(tx);
    await work(tx);
  });
}

/** The caller's overview is warm, `write` runs, and the very next request shows the change and is the fresh read. */
async function expectNextRequestShows(
  name: Persona,
  write: () => Promise<void>,
  shows: (overview: ReturnType<typeof areaOverviewSchema.parse>) => boolean,
): Promise<void> {
  const cookie = await session(name);
  const before = await warm(cookie);
  expect(shows(JSON.parse(before))).toBe(false);
  await write();
  const after = await areas(cookie);
  expect(after.status).toBe(200);
  expect(shows(JSON.parse(after.text))).toBe(true);
  expect(after.text).toBe(await uncached(name));
}

function networksOf(overview: ReturnType<typeof areaOverviewSchema.parse>) {
  return overview.municipalities.flatMap((m) => m.districts.flatMap((d) => d.networks));
}

describe('the area overview cache', () => {
  it('answers every demo persona byte for byte as the uncached read, each from their own entry', async () => {
    const answers = new Map<string, string>();
    for (const { displayName } of DEMO_STAFF) {
      const cookie = await session(displayName);
      const first = await areas(cookie);
      if (first.status === 403) {
        // No role anywhere: refused before any cache is consulted, every time.
        expect((await areas(cookie)).status).toBe(403);
        continue;
      }
      expect(first.status).toBe(200);
      const hits = cache.counts.hits;
      const second = await areas(cookie);
      expect(cache.counts.hits).toBe(hits + 1);
      const fresh = await uncached(displayName);
      expect(first.text).toBe(fresh);
      expect(second.text).toBe(fresh);
      answers.set(displayName, fresh);
    }
    // The personas see different overviews (roles, ally counts, warnings): a shared entry would have shown.
    expect(answers.size).toBeGreaterThanOrEqual(4);
    expect(new Set(answers.values()).size).toBeGreaterThanOrEqual(3);
  });

  it('keeps an entry warm until a stamp moves: a change behind the triggers is not seen, the next bump is', async () => {
    const cookie = await session('Sanne Verhoef');
    const before = await warm(cookie);
    const network = networksOf(JSON.parse(before)).find((n) => n.myRole !== null);
    if (!network) throw new Error('Sanne holds no role');
    await behindTheTriggers((tx) =>
      tx
        .updateTable('networks')
        .set({ name: `${network.name} (stil)` })
        .where('id', '=', network.id)
        .execute(),
    );
    // The entry was warm: without a stamp moving, the change stays unseen (the proof that this test can fail).
    expect((await areas(cookie)).text).toBe(before);
    await database.db
      .updateTable('networks')
      .set({ name: network.name })
      .where('id', '=', network.id)
      .execute();
    const after = await areas(cookie);
    expect(after.text).toBe(await uncached('Sanne Verhoef'));
    expect(after.text).toBe(before);
  });

  it('networks: a new network through POST /networks shows on the administrator’s very next request', async () => {
    const area = await database.db
      .selectFrom('areas')
      .select('id')
      .where('kind', '=', 'district')
      .orderBy('name')
      .executeTakeFirstOrThrow();
    await expectNextRequestShows(
      'Anouk Terpstra',
      async () => {
        const created = await callApi(server.url, admin, 'POST', '/api/v1/networks', {
          name: 'Bondgenoten Fictief Nieuw',
          areaId: area.id,
        });
        expect(created.status).toBe(201);
      },
      (overview) => networksOf(overview).some((n) => n.name === 'Bondgenoten Fictief Nieuw'),
    );
  });

  it('areas: a district and a wijk through POST /municipalities/{id}/areas show on the very next request', async () => {
    const municipality = await database.db
      .selectFrom('municipalities')
      .select('id')
      .executeTakeFirstOrThrow();
    /** Adds an area through the API as the administrator; its id. */
    const createArea = async (area: Record<string, string>): Promise<string> => {
      const created = await callApi(
        server.url,
        admin,
        'POST',
        `/api/v1/municipalities/${municipality.id}/areas`,
        area,
      );
      expect(created.status).toBe(201);
      return created.body.id;
    };
    let districtId = '';
    await expectNextRequestShows(
      'Sanne Verhoef',
      async () => {
        districtId = await createArea({ kind: 'district', name: 'Fictief Stadsdeel' });
      },
      (overview) =>
        overview.municipalities.some((m) => m.districts.some((d) => d.name === 'Fictief Stadsdeel')),
    );
    await expectNextRequestShows(
      'Sanne Verhoef',
      async () => {
        await createArea({ kind: 'neighbourhood', name: 'Fictieve Wijk', parentId: districtId });
      },
      (overview) =>
        overview.municipalities.some((m) =>
          m.districts.some((d) => d.neighbourhoods.some((h) => h.name === 'Fictieve Wijk')),
        ),
    );
  });

  it('people: an ally added through POST /networks/{id}/people changes the ally count at once', async () => {
    const cookie = await session('Sanne Verhoef');
    const network = networksOf(JSON.parse(await warm(cookie))).find((n) => n.myRole === 'coordinator');
    if (!network || network.allyCount === null) throw new Error('Sanne coordinates no network');
    const count = network.allyCount;
    await expectNextRequestShows(
      'Sanne Verhoef',
      async () => {
        // Allies are admitted by selection (issue 16), as the network map's test admits one.
        await admitAllyForTest(database.db, network.id, { person: { displayName: 'Fictieve Bondgenoot' } });
      },
      (overview) => networksOf(overview).find((n) => n.id === network.id)?.allyCount === count + 1,
    );
  });

  it('network_roles: a role granted shows, and a role revoked is gone or refused, on the very next request', async () => {
    const petraId = await userIdOf(database.db, 'Petra Lindeboom');
    const petra = await session('Petra Lindeboom');
    const before = await areas(petra);
    // A network where Petra holds no role.
    const all = networksOf(JSON.parse((await areas(admin)).text));
    const mine =
      before.status === 200
        ? new Set(
            networksOf(JSON.parse(before.text))
              .filter((n) => n.myRole)
              .map((n) => n.id),
          )
        : new Set();
    const target = all.find((n) => !mine.has(n.id));
    if (!target) throw new Error('Petra holds a role everywhere');
    // A gemeente colleague there first, so Petra is not its last gemeente staff member (that removal would need a
    // successor, issue 19).
    const fleurId = await userIdOf(database.db, 'Fleur Oosterhout');
    const colleague = await callApi(
      server.url,
      admin,
      'PUT',
      `/api/v1/networks/${target.id}/roles/${fleurId}`,
      {
        role: 'viewer',
      },
    );
    expect(colleague.status).toBe(200);
    const roles = `/api/v1/networks/${target.id}/roles/${petraId}`;
    const grant = async () => {
      expect((await callApi(server.url, admin, 'PUT', roles, { role: 'viewer' })).status).toBe(200);
    };
    const hasRole = (overview: ReturnType<typeof areaOverviewSchema.parse>) =>
      networksOf(overview).find((n) => n.id === target.id)?.myRole === 'viewer';
    if (before.status === 200) await expectNextRequestShows('Petra Lindeboom', grant, hasRole);
    else {
      await grant();
      const after = await areas(petra);
      expect(after.status).toBe(200);
      expect(hasRole(JSON.parse(after.text))).toBe(true);
    }
    // Warm again, then revoked: the very next request no longer shows the role (or is refused without any role).
    await warm(petra);
    expect((await callApi(server.url, admin, 'DELETE', roles)).status).toBe(204);
    const revoked = await areas(petra);
    if (mine.size === 0) expect(revoked.status).toBe(403);
    else {
      expect(revoked.status).toBe(200);
      expect(hasRole(JSON.parse(revoked.text))).toBe(false);
      expect(revoked.text).toBe(await uncached('Petra Lindeboom'));
    }
  });

  it('a demoted administrator gets the staff view on the very next request, never the administrator’s entry', async () => {
    const fleurId = await userIdOf(database.db, 'Fleur Oosterhout');
    const fleur = await session('Fleur Oosterhout');
    const wasAdministrator =
      (await database.db
        .selectFrom('administrators')
        .select('user_id')
        .where('user_id', '=', fleurId)
        .executeTakeFirst()) !== undefined;
    if (!wasAdministrator) {
      const made = await callApi(server.url, admin, 'PUT', `/api/v1/administrators/${fleurId}`);
      expect([200, 201, 204]).toContain(made.status);
    }
    const asAdministrator = await warm(fleur);
    expect(asAdministrator).toBe(await uncached('Fleur Oosterhout'));
    expect((await callApi(server.url, admin, 'DELETE', `/api/v1/administrators/${fleurId}`)).status).toBe(
      204,
    );
    const after = await areas(fleur);
    if (after.status === 200) {
      expect(after.text).toBe(await uncached('Fleur Oosterhout'));
      expect(after.text).not.toBe(asAdministrator);
    } else expect(after.status).toBe(403);
    if (wasAdministrator) {
      const back = await callApi(server.url, admin, 'PUT', `/api/v1/administrators/${fleurId}`);
      expect([200, 201, 204]).toContain(back.status);
    }
  });
});
