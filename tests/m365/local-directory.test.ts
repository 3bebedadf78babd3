import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LocalDirectory } from '../../src/identity/local-directory.js';
import { GraphDirectory } from '../../src/m365/graph-directory.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { DomainError } from '../../src/platform/errors.js';
import { createDirectory } from '../../src/server/adapters.js';
import { loadConfig } from '../../src/server/config.js';
import { DEMO_STAFF, DEMO_TENANT_ID } from '../../src/server/seed/demo-data.js';
import { createTestDatabase, TEST_ENGINE } from '../helpers/test-db.js';
import { HOME_TENANT, POLICE_TENANT, startM365Fixture } from './m365-fixture.js';

let database: DatabaseHandle;
let directory: LocalDirectory;

beforeAll(async () => {
  database = await createTestDatabase({ seed: true });
  directory = new LocalDirectory(database.db, [DEMO_TENANT_ID]);
});
afterAll(async () => {
  await database.close();
});

const names = (result: { users: { displayName: string }[] }) => result.users.map((user) => user.displayName);

describe(`LocalDirectory on ${TEST_ENGINE}`, () => {
  it('finds demo staff by part of the name, ignoring case', async () => {
    expect(names(await directory.searchUsers('TERP'))).toEqual(['Anouk Terpstra']);
    expect(names(await directory.searchUsers('kaya-DE'))).toEqual(['Mehmet Kaya-de Bruin']);
    expect(names(await directory.searchUsers('  amrani  '))).toEqual(['Joris Amrani']);
  });

  it('returns the directory fields of the seeded row', async () => {
    const staff = DEMO_STAFF.find((candidate) => candidate.displayName === 'Sanne Verhoef');
    expect(await directory.searchUsers('verhoef')).toEqual({
      users: [
        {
          objectId: staff?.objectId,
          tenantId: DEMO_TENANT_ID,
          organisation: 'gemeente',
          displayName: 'Sanne Verhoef',
          mail: `${staff?.key}@example.org`,
          jobTitle: staff?.jobTitle,
          phone: staff?.phone,
        },
      ],
      unsearched: [],
    });
    // The police's demo staff carry their organisation too.
    expect((await directory.searchUsers('amrani')).users).toMatchObject([{ organisation: 'politie' }]);
  });

  it('orders by name and honours the limit', async () => {
    const all = names(await directory.searchUsers('an', 25));
    expect(all).toEqual(
      DEMO_STAFF.map((staff) => staff.displayName)
        .filter((name) => name.toLowerCase().includes('an'))
        .sort((a, b) => (a < b ? -1 : 1)),
    );
    expect(all.length).toBeGreaterThan(2);
    expect(names(await directory.searchUsers('an', 2))).toEqual(all.slice(0, 2));
  });

  it('treats LIKE wildcards in the query as plain characters', async () => {
    expect(names(await directory.searchUsers('%%'))).toEqual([]);
    expect(names(await directory.searchUsers('_n'))).toEqual([]);
    expect(names(await directory.searchUsers('\\%'))).toEqual([]);
  });

  it('validates the query like every directory does', async () => {
    const error = await directory.searchUsers(' x ').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'validation-failed', errors: [{ field: 'query' }] });
  });

  it('reads one user by tenant and object id, and null for an unknown one or another tenant', async () => {
    const staff = DEMO_STAFF[2];
    expect(await directory.getUser(DEMO_TENANT_ID, staff?.objectId.toUpperCase() ?? '')).toMatchObject({
      objectId: staff?.objectId,
      displayName: staff?.displayName,
    });
    expect(await directory.getUser(DEMO_TENANT_ID, '00000000-0000-4000-8000-00000000beef')).toBeNull();
    expect(await directory.getUser('44444444-4444-4444-8444-444444444444', staff?.objectId ?? '')).toBeNull();
  });
});

describe('createDirectory', () => {
  it('uses the local table when sign-in is local', async () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    const local = createDirectory({ config, db: database.db });
    expect(local).toBeInstanceOf(LocalDirectory);
    expect(names(await local.searchUsers('lindeboom'))).toEqual(['Petra Lindeboom']);
  });

  it('uses Graph with an app-only token for the home tenant in Entra mode', async () => {
    const m365 = await startM365Fixture();
    try {
      const graphDirectory = createDirectory({ config: m365.config, db: database.db }, m365.newTokens());
      expect(graphDirectory).toBeInstanceOf(GraphDirectory);
      expect((await graphDirectory.searchUsers('mehmet')).users).toMatchObject([
        { displayName: 'Mehmet Kaya-de Bruin', tenantId: HOME_TENANT },
      ]);
      // Each allowed tenant is asked with its own app-only token.
      for (const request of m365.graph.requests) {
        const bearer = request.headers.authorization?.replace('Bearer ', '') ?? '';
        expect(await m365.entra.verifyAccessToken(bearer, m365.graph.origin)).toMatchObject({
          idtyp: 'app',
          tid: request.tenantId,
        });
      }
      expect(m365.graph.requests.map((request) => request.tenantId).sort()).toEqual(
        [HOME_TENANT, POLICE_TENANT].sort(),
      );
    } finally {
      await m365.close();
    }
  });
});
