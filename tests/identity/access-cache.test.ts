import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Kysely, sql, type Transaction } from 'kysely';
import { loadAccessProfile } from '../../src/identity/access.js';
import { AccessCache, accessOf, type CallerRead, callerReadOf } from '../../src/identity/access-cache.js';
import { readAccessVersion, readAccessVersions } from '../../src/identity/access-version-store.js';
import {
  type Credentials,
  LOCAL_SESSION_COOKIE,
  localAuthenticator,
} from '../../src/identity/authenticate.js';
import { hashSessionToken, insertLocalSession } from '../../src/identity/local-session-store.js';
import type { Principal } from '../../src/identity/principal.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { openDatabase } from '../../src/platform/db/database.js';
import type { Database } from '../../src/platform/db/schema.js';
import { countingStatements } from '../helpers/counting-db.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { createTestDatabase, TEST_ENGINE } from '../helpers/test-db.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/**
 * The access cache (issue 21): each instance keeps a caller's session and access profile in memory, and every
 * request checks the user's access version in the database. Two instances share one database (on PostgreSQL
 * each with its own pool, on PGlite the same engine), each with its own cache, kept long (300 s) so that the
 * cache is provably warm: a change made behind the version triggers' back is not seen. Then a change through
 * the API on one instance is refused on the very next request on both.
 */
let database: DatabaseHandle;
let second: DatabaseHandle;
let a: TestServer;
let b: TestServer;
let havenId: string;
let admin: string;

const LONG_CACHE = { ACCESS_CACHE_SECONDS: '300' };

/** A second pool on the same PostgreSQL database, or the same PGlite engine. */
async function secondHandle(): Promise<DatabaseHandle> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (TEST_ENGINE !== 'postgres' || !adminUrl) return database;
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(database.db);
  const url = new URL(adminUrl);
  url.pathname = `/${rows[0]?.name}`;
  return openDatabase({ kind: 'postgres', url: url.toString() });
}

/** Runs `work` with triggers off (replica mode), so the change bumps no access version: no cache can see it. */
async function behindTheTriggers(work: (tx: Transaction<Database>) => Promise<unknown>): Promise<void> {
  await database.db.transaction().execute(async (tx) => {
    await sql`set local session_replication_role = replica`.execute(tx);
    await work(tx);
  });
}

async function userIdOf(db: Kysely<Database>, displayName: string): Promise<string> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('display_name', '=', displayName)
    .executeTakeFirstOrThrow();
  return row.id;
}

function tokenOf(cookie: string): string {
  return decodeURIComponent(cookie.replace(/^bg_session=/, ''));
}

/**
 * Proves `server`'s cache holds this caller's role: the role row taken away behind the triggers' back is not
 * noticed (the request still passes), then put back as it was.
 */
async function expectCachedRole(server: TestServer, cookie: string, userId: string, path: string) {
  const row = await database.db
    .selectFrom('network_roles')
    .selectAll()
    .where('network_id', '=', havenId)
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  await behindTheTriggers((tx) =>
    tx.deleteFrom('network_roles').where('network_id', '=', havenId).where('user_id', '=', userId).execute(),
  );
  expect((await callApi(server.url, cookie, 'GET', path)).status).toBe(200);
  await behindTheTriggers((tx) => tx.insertInto('network_roles').values(row).execute());
}

beforeAll(async () => {
  database = await createTestDatabase({ seed: true });
  second = await secondHandle();
  a = await startTestServer({ database, env: LONG_CACHE });
  b = await startTestServer({ database: second, env: LONG_CACHE });
  havenId = (
    await database.db
      .selectFrom('networks')
      .select('id')
      .where('name', '=', 'Bondgenoten Haven')
      .executeTakeFirstOrThrow()
  ).id;
  admin = await signInAs(a.url, 'Anouk Terpstra');
  // Two servers on a seeded database: generous for a busy shared machine.
}, 180_000);
afterAll(async () => {
  await a?.close();
  await b?.close();
  if (second && second !== database) await second.close();
  await database?.close();
});

describe('a role removed through the API', () => {
  it('is refused on the very next request on the same instance, though the cache was warm', async () => {
    const joris = await signInAs(a.url, 'Joris Amrani');
    const jorisId = await userIdOf(database.db, 'Joris Amrani');
    const roles = `/api/v1/networks/${havenId}/roles`;
    expect((await callApi(a.url, joris, 'GET', roles)).status).toBe(200);
    await expectCachedRole(a, joris, jorisId, roles);

    // Joris is Haven's last politie staff member: he leaves for a successor of the police (issue 19).
    const mehmetId = await userIdOf(database.db, 'Mehmet Kaya-de Bruin');
    const removed = await callApi(a.url, admin, 'DELETE', `${roles}/${jorisId}?successorUserId=${mehmetId}`);
    expect(removed.status).toBe(204);
    const refused = await callApi(a.url, joris, 'GET', roles);
    expect(refused.status).toBe(403);
    expect(refused.body.type).toBe('urn:bondgenoten:problem:forbidden');
  });

  it('is refused on the very next request on another instance, whose cache was warm', async () => {
    const petra = await signInAs(a.url, 'Petra Lindeboom');
    const petraId = await userIdOf(database.db, 'Petra Lindeboom');
    const network = `/api/v1/networks/${havenId}`;
    expect((await callApi(b.url, petra, 'GET', network)).status).toBe(200);
    await expectCachedRole(b, petra, petraId, network);

    expect((await callApi(a.url, admin, 'DELETE', `${network}/roles/${petraId}`)).status).toBe(204);
    expect((await callApi(b.url, petra, 'GET', network)).status).toBe(403);
    expect((await callApi(a.url, petra, 'GET', network)).status).toBe(403);
  });

  it('a role granted through the API holds on the very next request on both instances', async () => {
    const petra = await signInAs(a.url, 'Petra Lindeboom');
    const petraId = await userIdOf(database.db, 'Petra Lindeboom');
    const network = `/api/v1/networks/${havenId}`;
    expect((await callApi(b.url, petra, 'GET', network)).status).toBe(403);
    const grant = await callApi(a.url, admin, 'PUT', `${network}/roles/${petraId}`, { role: 'secretary' });
    expect(grant.status).toBe(200);
    expect((await callApi(b.url, petra, 'GET', network)).status).toBe(200);
  });
});

describe('a session', () => {
  it('signed out on one instance is refused at once on both, though both caches were warm', async () => {
    const sanne = await signInAs(a.url, 'Sanne Verhoef');
    for (const server of [a, b])
      expect((await callApi(server.url, sanne, 'GET', '/api/v1/me')).status).toBe(200);
    // Both caches hold the session: removed behind the triggers' back, it still answers; then it is put back.
    const hash = hashSessionToken(tokenOf(sanne));
    const session = await database.db
      .selectFrom('local_sessions')
      .selectAll()
      .where('token_hash', '=', hash)
      .executeTakeFirstOrThrow();
    await behindTheTriggers((tx) => tx.deleteFrom('local_sessions').where('token_hash', '=', hash).execute());
    for (const server of [a, b])
      expect((await callApi(server.url, sanne, 'GET', '/api/v1/me')).status).toBe(200);
    await behindTheTriggers((tx) => tx.insertInto('local_sessions').values(session).execute());

    expect((await callApi(a.url, sanne, 'DELETE', '/api/v1/auth/local/session')).status).toBe(204);
    for (const server of [b, a]) {
      const refused = await callApi(server.url, sanne, 'GET', '/api/v1/me');
      expect(refused.status).toBe(401);
      expect(refused.body.type).toBe('urn:bondgenoten:problem:unauthenticated');
    }
  });

  it('that has expired (or been revoked in the database) is refused at once', async () => {
    const dewi = await signInAs(a.url, 'Dewi Sastromedjo');
    expect((await callApi(b.url, dewi, 'GET', '/api/v1/me')).status).toBe(200);
    await database.db
      .updateTable('local_sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('token_hash', '=', hashSessionToken(tokenOf(dewi)))
      .execute();
    expect((await callApi(b.url, dewi, 'GET', '/api/v1/me')).status).toBe(401);
  });

  it('signed out leaves the same user’s other sessions working', async () => {
    const first = await signInAs(a.url, 'Mehmet Kaya-de Bruin');
    const other = await signInAs(a.url, 'Mehmet Kaya-de Bruin');
    for (const cookie of [first, other])
      expect((await callApi(b.url, cookie, 'GET', '/api/v1/me')).status).toBe(200);
    expect((await callApi(a.url, first, 'DELETE', '/api/v1/auth/local/session')).status).toBe(204);
    expect((await callApi(b.url, first, 'GET', '/api/v1/me')).status).toBe(401);
    expect((await callApi(b.url, other, 'GET', '/api/v1/me')).status).toBe(200);
  });
});

describe('an administrator demoted', () => {
  it('is refused at once on both instances, though both caches were warm', async () => {
    const fleurId = await userIdOf(database.db, 'Fleur Oosterhout');
    expect((await callApi(a.url, admin, 'PUT', `/api/v1/administrators/${fleurId}`)).status).toBe(204);
    const fleur = await signInAs(a.url, 'Fleur Oosterhout');
    for (const server of [a, b])
      expect((await callApi(server.url, fleur, 'GET', '/api/v1/staff')).status).toBe(200);
    // Both caches hold the rights: revoked behind the triggers' back, they still answer; then put back.
    const grant = await database.db
      .selectFrom('administrators')
      .selectAll()
      .where('user_id', '=', fleurId)
      .executeTakeFirstOrThrow();
    await behindTheTriggers((tx) => tx.deleteFrom('administrators').where('user_id', '=', fleurId).execute());
    for (const server of [a, b])
      expect((await callApi(server.url, fleur, 'GET', '/api/v1/staff')).status).toBe(200);
    await behindTheTriggers((tx) => tx.insertInto('administrators').values(grant).execute());

    expect((await callApi(a.url, admin, 'DELETE', `/api/v1/administrators/${fleurId}`)).status).toBe(204);
    for (const server of [b, a]) {
      const refused = await callApi(server.url, fleur, 'GET', '/api/v1/staff');
      expect(refused.status).toBe(403);
    }
    expect((await callApi(b.url, fleur, 'GET', '/api/v1/me')).body.isAdministrator).toBe(false);
  });
});

describe('the access version', () => {
  it('changes with every role, administrator and session change, by trigger, and never returns to a value', async () => {
    const dewiId = await userIdOf(database.db, 'Dewi Sastromedjo');
    const versionOf = async () =>
      (
        await database.db
          .selectFrom('access_versions')
          .select((eb) => eb.cast<string>('version', 'text').as('version'))
          .where('user_id', '=', dewiId)
          .executeTakeFirst()
      )?.version ?? null;
    const seen = [await versionOf()];
    const changes = [
      () =>
        database.db
          .insertInto('network_roles')
          .values({ network_id: havenId, user_id: dewiId, role: 'viewer' }),
      () => database.db.updateTable('network_roles').set({ role: 'member' }).where('user_id', '=', dewiId),
      () => database.db.deleteFrom('network_roles').where('user_id', '=', dewiId),
      () => database.db.insertInto('administrators').values({ user_id: dewiId }),
      () => database.db.deleteFrom('administrators').where('user_id', '=', dewiId),
      () =>
        database.db
          .insertInto('local_sessions')
          .values({ token_hash: 'version-test', user_id: dewiId, expires_at: new Date(Date.now() + 60_000) }),
      () => database.db.deleteFrom('local_sessions').where('token_hash', '=', 'version-test'),
    ];
    for (const change of changes) {
      await change().execute();
      seen.push(await versionOf());
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(1)).not.toContain(null);
  });
});

describe('GET /me, whose own read is the check of a remembered caller (one statement)', () => {
  /** Proves `server`'s cache holds this session: removed behind the triggers' back, `/me` still answers. */
  async function expectCachedSession(server: TestServer, cookie: string) {
    const hash = hashSessionToken(tokenOf(cookie));
    const session = await database.db
      .selectFrom('local_sessions')
      .selectAll()
      .where('token_hash', '=', hash)
      .executeTakeFirstOrThrow();
    await behindTheTriggers((tx) => tx.deleteFrom('local_sessions').where('token_hash', '=', hash).execute());
    expect((await callApi(server.url, cookie, 'GET', '/api/v1/me')).status).toBe(200);
    await behindTheTriggers((tx) => tx.insertInto('local_sessions').values(session).execute());
  }

  const havenRoles = (body: { roles: { networkId: string; role: string }[] }) =>
    body.roles.filter((role) => role.networkId === havenId).map((role) => role.role);

  it('shows a role revoked through the API as gone on the very next request on both instances', async () => {
    const fleurId = await userIdOf(database.db, 'Fleur Oosterhout');
    const roles = `/api/v1/networks/${havenId}/roles`;
    expect((await callApi(a.url, admin, 'PUT', `${roles}/${fleurId}`, { role: 'viewer' })).status).toBe(200);
    const fleur = await signInAs(a.url, 'Fleur Oosterhout');
    for (const server of [a, b]) {
      const me = await callApi(server.url, fleur, 'GET', '/api/v1/me');
      expect(havenRoles(me.body)).toEqual(['viewer']);
      await expectCachedSession(server, fleur);
    }

    expect((await callApi(a.url, admin, 'DELETE', `${roles}/${fleurId}`)).status).toBe(204);
    for (const server of [b, a]) {
      const me = await callApi(server.url, fleur, 'GET', '/api/v1/me');
      expect(me.status).toBe(200);
      expect(havenRoles(me.body)).toEqual([]);
      expect((await callApi(server.url, fleur, 'GET', `/api/v1/networks/${havenId}`)).status).toBe(403);
    }
  });

  it('reads its user and network names afresh on every request, though the caller is remembered', async () => {
    const fleurId = await userIdOf(database.db, 'Fleur Oosterhout');
    const roles = `/api/v1/networks/${havenId}/roles`;
    expect((await callApi(a.url, admin, 'PUT', `${roles}/${fleurId}`, { role: 'member' })).status).toBe(200);
    const fleur = await signInAs(a.url, 'Fleur Oosterhout');
    expect((await callApi(b.url, fleur, 'GET', '/api/v1/me')).status).toBe(200);
    await expectCachedSession(b, fleur);
    // Neither change bumps an access version: only the read /me makes with its check can show them.
    await database.db
      .updateTable('users')
      .set({ job_title: 'Wijkregisseur' })
      .where('id', '=', fleurId)
      .execute();
    const { name } = await database.db
      .selectFrom('networks')
      .select('name')
      .where('id', '=', havenId)
      .executeTakeFirstOrThrow();
    await database.db
      .updateTable('networks')
      .set({ name: 'Bondgenoten Haven (hernoemd)' })
      .where('id', '=', havenId)
      .execute();
    try {
      const me = await callApi(b.url, fleur, 'GET', '/api/v1/me');
      expect(me.body.user.jobTitle).toBe('Wijkregisseur');
      expect(me.body.roles).toContainEqual({
        networkId: havenId,
        networkName: 'Bondgenoten Haven (hernoemd)',
        role: 'member',
      });
    } finally {
      await database.db.updateTable('networks').set({ name }).where('id', '=', havenId).execute();
    }
  });

  it('is refused on the very next request once the session is signed out on the other instance', async () => {
    const fleur = await signInAs(a.url, 'Fleur Oosterhout');
    expect((await callApi(b.url, fleur, 'GET', '/api/v1/me')).status).toBe(200);
    await expectCachedSession(b, fleur);
    expect((await callApi(a.url, fleur, 'DELETE', '/api/v1/auth/local/session')).status).toBe(204);
    const refused = await callApi(b.url, fleur, 'GET', '/api/v1/me');
    expect(refused.status).toBe(401);
    expect(refused.body.type).toBe('urn:bondgenoten:problem:unauthenticated');
  });
});

describe('the remembered callers of concurrent requests, checked together in one statement', () => {
  /** A version check that keeps the user ids of every statement it makes, and can ask more while one is sent. */
  function recordingRead(whileSent?: () => void): { read: CallerRead; statements: string[][] } {
    const statements: string[][] = [];
    const read: CallerRead = async (db, userIds) => {
      statements.push([...userIds]);
      if (statements.length === 1) whileSent?.();
      const versions = await readAccessVersions(db, userIds);
      return new Map([...versions].map(([id, version]) => [id, { version, value: id }]));
    };
    return { read, statements };
  }

  async function remembered(cache: AccessCache, names: string[]): Promise<string[]> {
    const now = new Date();
    const ids = await Promise.all(names.map((name) => userIdOf(database.db, name)));
    for (const id of ids) {
      const principal: Principal = {
        userId: id,
        tenantId: id,
        objectId: id,
        displayName: id,
        method: 'local',
      };
      const version = await readAccessVersion(database.db, id);
      const access = await loadAccessProfile(database.db, id);
      await cache.load(`test:${id}`, now, async () => ({
        principal,
        access,
        version,
        validUntil: new Date(now.getTime() + 60_000),
      }));
    }
    return ids;
  }

  it('are answered by one statement, each with its own answer; a check asked once it is sent waits for the next', async () => {
    const cache = new AccessCache(database.db, { ttlMs: 60_000, maxEntries: 100 });
    const [petra, joris, mehmet] = await remembered(cache, [
      'Petra Lindeboom',
      'Joris Amrani',
      'Mehmet Kaya-de Bruin',
    ]);
    let late: Promise<Principal | null> | undefined;
    const { read, statements } = recordingRead(() => {
      late = cache.current(`test:${mehmet}`, new Date(), read);
    });
    const together = await Promise.all(
      [petra, joris].map((id) => cache.current(`test:${id}`, new Date(), read)),
    );
    expect(statements[0]?.sort()).toEqual([petra, joris].sort());
    expect(together.map((principal) => principal?.userId)).toEqual([petra, joris]);
    expect(together.map((principal) => principal && callerReadOf(principal, read))).toEqual([petra, joris]);
    // Asked while the first statement was on its way: answered by a statement of its own, sent after it.
    expect((await late)?.userId).toBe(mehmet);
    expect(statements).toHaveLength(2);
    expect(statements[1]).toEqual([mehmet]);
  });

  it('refuse the one whose access changed and let the others through', async () => {
    const cache = new AccessCache(database.db, { ttlMs: 60_000, maxEntries: 100 });
    const [petra, joris] = await remembered(cache, ['Petra Lindeboom', 'Joris Amrani']);
    // Any change to Joris's access bumps his version (trigger): here a new session of his.
    await insertLocalSession(database.db, randomUUID(), joris as string, new Date(Date.now() + 60_000));
    const { read, statements } = recordingRead();
    const [kept, dropped] = await Promise.all(
      [petra, joris].map((id) => cache.current(`test:${id}`, new Date(), read)),
    );
    expect(statements).toHaveLength(1);
    expect(kept?.userId).toBe(petra);
    expect(dropped).toBeNull();
  });

  it('GET /me for several staff members at once: each gets their own user and roles', async () => {
    const names = ['Petra Lindeboom', 'Joris Amrani', 'Mehmet Kaya-de Bruin', 'Anouk Terpstra'] as const;
    const cookies = await Promise.all(names.map((name) => signInAs(b.url, name)));
    const alone = [];
    for (const cookie of cookies) alone.push((await callApi(b.url, cookie, 'GET', '/api/v1/me')).body);
    const together = await Promise.all(cookies.map((cookie) => callApi(b.url, cookie, 'GET', '/api/v1/me')));
    expect(together.map((me) => me.status)).toEqual(names.map(() => 200));
    expect(together.map((me) => me.body)).toEqual(alone);
    expect(alone.map((me) => me.user.displayName)).toEqual([...names]);
  });
});

describe('concurrent misses of one credential', () => {
  async function sessionOf(name: string): Promise<Credentials> {
    const token = randomUUID();
    await insertLocalSession(
      database.db,
      token,
      await userIdOf(database.db, name),
      new Date(Date.now() + 60_000),
    );
    return { authorization: undefined, cookies: { [LOCAL_SESSION_COOKIE]: token } };
  }

  it('share one load: five requests of a caller not remembered make the statements of one', async () => {
    const alone = countingStatements(database.db);
    const petra = await sessionOf('Petra Lindeboom');
    const first = await localAuthenticator(alone.db, () => new Date(), new AccessCache(alone.db))(petra);
    const oneLoad = alone.count();
    expect(oneLoad).toBeGreaterThan(0);

    const together = countingStatements(database.db);
    const authenticate = localAuthenticator(together.db, () => new Date(), new AccessCache(together.db));
    const principals = await Promise.all([1, 2, 3, 4, 5].map(() => authenticate(petra)));
    expect(together.count()).toBe(oneLoad);
    // Each request still gets its own principal object, with the same user and checked access profile.
    expect(new Set(principals).size).toBe(5);
    expect(principals.map((principal) => principal?.userId)).toEqual(principals.map(() => first?.userId));
    expect(principals.map((principal) => principal && accessOf(principal))).toEqual(
      principals.map(() => first && accessOf(first)),
    );
    // And the caller is remembered: the next request is one version check.
    const before = together.count();
    expect((await authenticate(petra))?.userId).toBe(first?.userId);
    expect(together.count() - before).toBe(1);
  });

  it('a miss once the load has started waits for the next load, read after it arrived', async () => {
    const cache = new AccessCache(database.db, { ttlMs: 60_000, maxEntries: 100 });
    const joris = await userIdOf(database.db, 'Joris Amrani');
    const principal: Principal = {
      userId: joris,
      tenantId: joris,
      objectId: joris,
      displayName: joris,
      method: 'local',
    };
    const starts: number[] = [];
    let late: Promise<Principal> | undefined;
    const loader = async () => {
      starts.push(starts.length);
      // The second request misses while the first load is running: it must not get this load's answer.
      if (starts.length === 1) late = cache.load('test:late', new Date(), loader);
      const access = await loadAccessProfile(database.db, joris);
      return { principal, access, version: null, validUntil: new Date(Date.now() + 60_000) };
    };
    const [a1, a2] = await Promise.all([
      cache.load('test:late', new Date(), loader),
      cache.load('test:late', new Date(), loader),
    ]);
    // The two asked together shared the first load.
    expect(a1?.userId).toBe(joris);
    expect(a2?.userId).toBe(joris);
    expect((await late)?.userId).toBe(joris);
    // The late one had a load of its own.
    expect(starts).toHaveLength(2);
  });

  it('fail together when their load fails, and the next miss loads afresh', async () => {
    const cache = new AccessCache(database.db, { ttlMs: 60_000, maxEntries: 100 });
    let calls = 0;
    const failing = async (): Promise<never> => {
      calls += 1;
      throw new Error('the session has ended');
    };
    const answers = await Promise.allSettled(
      [1, 2, 3].map(() => cache.load('test:fail', new Date(), failing)),
    );
    expect(answers.map((answer) => answer.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(calls).toBe(1);
    await expect(cache.load('test:fail', new Date(), failing)).rejects.toThrow('the session has ended');
    expect(calls).toBe(2);
    expect(await cache.current('test:fail', new Date())).toBeNull();
  });
});
