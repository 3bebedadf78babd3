import { describe, expect, it } from '@jest/globals';
import {
  applyAllowList,
  declaredTables,
  findViolations,
  folderCycles,
  foreignTables,
  noForeignStore,
  nothingImportsServer,
  onlyTeamsImportsBotbuilder,
  platformImportsNoCapability,
  sqlOutsideStores,
  tabImportsOwnTabShellConstants,
} from '../../scripts/boundaries/rules.js';

const edge = (from: string, to: string) => ({ from, to });

describe('platform imports no capability', () => {
  it('refuses platform importing a capability, src/server or src/teams', () => {
    expect(
      platformImportsNoCapability(edge('src/platform/http/api-router.ts', 'src/identity/access.ts')),
    ).toBe(false);
    expect(platformImportsNoCapability(edge('src/platform/http/api-router.ts', 'src/server/deps.ts'))).toBe(
      false,
    );
    expect(platformImportsNoCapability(edge('src/platform/db/database.ts', 'src/teams/index.ts'))).toBe(
      false,
    );
  });
  it('lets platform import platform and packages, and the schema compose capability tables', () => {
    expect(
      platformImportsNoCapability(edge('src/platform/http/api-router.ts', 'src/platform/errors.ts')),
    ).toBe(true);
    expect(platformImportsNoCapability(edge('src/platform/http/api-router.ts', 'express'))).toBe(true);
    expect(
      platformImportsNoCapability(edge('src/platform/db/schema.ts', 'src/meetings/bot/db-schema.ts')),
    ).toBe(true);
  });
  it('lets only the schema file compose, and only db-schema files', () => {
    expect(
      platformImportsNoCapability(edge('src/platform/db/database.ts', 'src/meetings/db-schema.ts')),
    ).toBe(false);
    expect(
      platformImportsNoCapability(edge('src/platform/db/schema.ts', 'src/meetings/meeting-store.ts')),
    ).toBe(false);
  });
});

describe('nothing imports src/server', () => {
  it('refuses a capability, teams or m365 importing the server', () => {
    expect(nothingImportsServer(edge('src/network/routes.ts', 'src/server/deps.ts'))).toBe(false);
    expect(nothingImportsServer(edge('src/teams/index.ts', 'src/server/deps.ts'))).toBe(false);
  });
  it('lets the server and command-line entry points read it', () => {
    expect(nothingImportsServer(edge('src/server/app.ts', 'src/server/deps.ts'))).toBe(true);
    expect(nothingImportsServer(edge('src/audit/audit-verify-cli.ts', 'src/server/config.ts'))).toBe(true);
  });
});

describe("a capability's tab imports its own tab, the shell and constants", () => {
  const from = 'src/meetings/tab/pages/meetings-network-page.tsx';
  it('allows its own tab code, the shell and any capability constants', () => {
    expect(tabImportsOwnTabShellConstants(edge(from, 'src/meetings/tab/components/meeting-ui.tsx'))).toBe(
      true,
    );
    expect(tabImportsOwnTabShellConstants(edge(from, 'src/tab/components/page.tsx'))).toBe(true);
    expect(tabImportsOwnTabShellConstants(edge(from, 'src/call-outs/constants.ts'))).toBe(true);
    expect(tabImportsOwnTabShellConstants(edge(from, 'react'))).toBe(true);
  });
  it("refuses another capability's tab code and server-side code", () => {
    expect(tabImportsOwnTabShellConstants(edge(from, 'src/call-outs/tab/components/follow-ups.tsx'))).toBe(
      false,
    );
    expect(tabImportsOwnTabShellConstants(edge(from, 'src/meetings/meeting-service.ts'))).toBe(false);
  });
  it("lets only the API client read its own capability's operation schemas", () => {
    const client = 'src/meetings/tab/meeting-endpoints.ts';
    expect(tabImportsOwnTabShellConstants(edge(client, 'src/meetings/schemas.ts'))).toBe(true);
    expect(tabImportsOwnTabShellConstants(edge(client, 'src/network/schemas.ts'))).toBe(false);
    expect(tabImportsOwnTabShellConstants(edge(from, 'src/meetings/schemas.ts'))).toBe(false);
  });
  it('does not apply to the tab shell', () => {
    expect(tabImportsOwnTabShellConstants(edge('src/tab/routing/routes.ts', 'src/meetings/tab/x.tsx'))).toBe(
      true,
    );
  });
});

describe("no capability imports another's store", () => {
  it("refuses another capability's store and allows its own and its public API", () => {
    expect(noForeignStore(edge('src/call-outs/answers.ts', 'src/identity/user-store.ts'))).toBe(false);
    expect(noForeignStore(edge('src/call-outs/answers.ts', 'src/call-outs/call-out-store.ts'))).toBe(true);
    expect(noForeignStore(edge('src/network/page/network-service.ts', 'src/audit/index.ts'))).toBe(true);
  });
});

describe('only src/teams imports botbuilder', () => {
  it('refuses the Bot Framework SDK outside src/teams', () => {
    expect(onlyTeamsImportsBotbuilder(edge('src/meetings/bot/x.ts', 'botbuilder'))).toBe(false);
    expect(onlyTeamsImportsBotbuilder(edge('src/call-outs/bot/x.ts', 'botframework-connector'))).toBe(false);
    expect(onlyTeamsImportsBotbuilder(edge('src/teams/index.ts', 'botbuilder'))).toBe(true);
  });
});

describe('no cycles between folders', () => {
  it('reports each circle of folders once, naming its folders, and ignores acyclic imports', () => {
    const cycles = folderCycles([
      edge('src/meetings/a.ts', 'src/call-outs/b.ts'),
      edge('src/meetings/c.ts', 'src/call-outs/d.ts'),
      edge('src/call-outs/b.ts', 'src/meetings/c.ts'),
      edge('src/meetings/a.ts', 'src/platform/time.ts'),
    ]);
    expect(cycles).toEqual([
      {
        rule: 'no-folder-cycles',
        from: 'call-outs <-> meetings',
        to: 'src/call-outs/b.ts -> src/meetings/c.ts',
      },
    ]);
  });
  it('finds a circle through three folders', () => {
    const cycles = folderCycles([
      edge('src/a/x.ts', 'src/b/x.ts'),
      edge('src/b/x.ts', 'src/c/x.ts'),
      edge('src/c/x.ts', 'src/a/x.ts'),
    ]);
    expect(cycles.map((v) => v.from)).toEqual(['a <-> b <-> c']);
  });
  it('counts a capability tab apart from its capability, and the tab shell composing pages as no cycle', () => {
    expect(
      folderCycles([
        edge('src/meetings/tab/a.tsx', 'src/meetings/constants.ts'),
        edge('src/meetings/b.ts', 'src/platform/time.ts'),
        edge('src/tab/routing/routes.ts', 'src/meetings/tab/a.tsx'),
        edge('src/meetings/tab/a.tsx', 'src/tab/components/page.tsx'),
      ]),
    ).toEqual([]);
  });
  it('does not count an import again that already breaks another rule', () => {
    const violations = findViolations([
      edge('src/server/app.ts', 'src/network/routes.ts'),
      edge('src/network/routes.ts', 'src/server/deps.ts'),
    ]);
    expect(violations.map((v) => v.rule)).toEqual(['nothing-imports-server']);
  });
});

describe('the allow-list', () => {
  const violation = {
    rule: 'nothing-imports-server' as const,
    from: 'src/m365/graph-tokens.ts',
    to: 'src/server/config.ts',
  };
  it('covers violations by path prefix and reports entries that cover nothing', () => {
    const allowed = [
      { rule: 'nothing-imports-server' as const, from: 'src/m365/', to: 'src/server/', issue: '#14' },
      { rule: 'no-foreign-store' as const, from: 'src/m365/', to: 'src/server/', issue: '#14' },
    ];
    const { remaining, stale } = applyAllowList([violation], allowed);
    expect(remaining).toEqual([]);
    expect(stale).toEqual([allowed[1]]);
  });
  it('leaves violations it does not name', () => {
    expect(applyAllowList([violation], []).remaining).toEqual([violation]);
  });
  it('allows a circle of folders only as exactly the folders it names', () => {
    const allowed = [{ rule: 'no-folder-cycles' as const, from: 'audit <-> identity', to: '', issue: '#14' }];
    const circle = (from: string) => ({
      rule: 'no-folder-cycles' as const,
      from,
      to: 'src/a.ts -> src/b.ts',
    });
    expect(applyAllowList([circle('audit <-> identity')], allowed).remaining).toEqual([]);
    // One more folder joining the circle is a new violation, and the entry no longer covers anything.
    const grown = applyAllowList([circle('audit <-> identity <-> network')], allowed);
    expect(grown.remaining).toEqual([circle('audit <-> identity <-> network')]);
    expect(grown.stale).toEqual(allowed);
  });
});

describe('only stores speak SQL', () => {
  const query = "await db.selectFrom('users').select('id').execute();";
  it('refuses a query builder, a transaction or a value import of sql in a non-store file', () => {
    expect(sqlOutsideStores('src/network/people/people-service.ts', query).map((v) => v.to)).toEqual([
      '.selectFrom',
    ]);
    const text = [
      "import { type Kysely, sql } from 'kysely';",
      'await db.transaction().execute(async (tx) => tx.deleteFrom("x").execute());',
      "await tx.insertInto('x').values(row).execute(); await tx.updateTable('x').set(row).execute();",
    ].join('\n');
    expect(sqlOutsideStores('src/meetings/records/record-service.ts', text).map((v) => v.to)).toEqual([
      'kysely sql',
      '.transaction',
      '.deleteFrom',
      '.insertInto',
      '.updateTable',
    ]);
  });
  it('lets stores, the db platform and tests speak SQL, and type-only imports pass', () => {
    expect(sqlOutsideStores('src/network/people/people-store.ts', query)).toEqual([]);
    expect(sqlOutsideStores('src/platform/db/transaction.ts', 'db.transaction().execute(work)')).toEqual([]);
    expect(sqlOutsideStores('src/platform/db/migrations/0001-init.ts', query)).toEqual([]);
    expect(sqlOutsideStores('src/setup/setup-status.test.ts', query)).toEqual([]);
    expect(
      sqlOutsideStores(
        'src/network/people/people-service.ts',
        "import type { Kysely, Transaction } from 'kysely';",
      ),
    ).toEqual([]);
    expect(
      sqlOutsideStores('src/network/people/people-service.ts', "import { type Kysely } from 'kysely';"),
    ).toEqual([]);
  });
});

describe("a store queries only its own capability's tables", () => {
  const owners = new Map([
    ...declaredTables(
      'src/network/db-schema.ts',
      'export interface NetworkTables extends Other {\n  networks: NetworksTable;\n  network_people?: X;\n}',
    ),
    ...declaredTables('src/setup/db-schema.ts', 'export interface SetupTables {\n  areas: AreasTable;\n}'),
    ...declaredTables(
      'src/meetings/bot/db-schema.ts',
      'export interface MeetingBotTables { meeting_plan_actions: T }',
    ),
    ...declaredTables(
      'src/mail/db-schema.ts',
      'export type MailTables = {\n  mail_outbox: MailOutboxTable;\n};',
    ),
  ]);
  it("reads the owners from each db-schema.ts, by the file's top folder", () => {
    expect(Object.fromEntries(owners)).toEqual({
      networks: 'network',
      network_people: 'network',
      areas: 'setup',
      meeting_plan_actions: 'meetings',
      mail_outbox: 'mail',
    });
    expect(
      declaredTables('src/setup/db-schema.ts', 'export interface AreasTable {\n  id: string;\n}'),
    ).toEqual(new Map());
  });
  it("refuses a store naming another capability's table in a Kysely call or in raw SQL", () => {
    const text = [
      "db.selectFrom('networks as n').innerJoin('areas as a', 'a.id', 'n.area_id')",
      ".where((eb) => eb.exists(eb.selectFrom(['network_people', 'mail_outbox as m']).select('x')))",
      'sql`select 1 from meeting_plan_actions p join networks n on true`',
    ].join('\n');
    expect(foreignTables('src/network/page/network-store.ts', text, owners).map((v) => v.to)).toEqual([
      'areas',
      'mail_outbox',
      'meeting_plan_actions',
    ]);
    expect(foreignTables('src/setup/area-store.ts', 'sql`update   Networks set x = 1`', owners)).toEqual([
      { rule: 'tables-owned-by-stores', from: 'src/setup/area-store.ts', to: 'networks' },
    ]);
    expect(foreignTables('src/setup/area-store.ts', "tx.insertInto('network_people')", owners)).toHaveLength(
      1,
    );
    expect(
      foreignTables('src/setup/area-store.ts', "tx.deleteFrom('areas').updateTable('areas')", owners),
    ).toEqual([]);
  });
  it('lets a store use its own tables, ignores comments, unknown names and files that are not stores', () => {
    expect(
      foreignTables('src/meetings/meeting-store.ts', "db.selectFrom('meeting_plan_actions')", owners),
    ).toEqual([]);
    const prose =
      "/** Reads from networks. */\n// join areas later\ndb.selectFrom('cte').leftJoin('other', 'a', 'b')";
    expect(foreignTables('src/meetings/meeting-store.ts', prose, owners)).toEqual([]);
    expect(foreignTables('src/meetings/meeting-service.ts', "db.selectFrom('networks')", owners)).toEqual([]);
  });
});
