import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Kysely } from 'kysely';
import { claimDeliveries } from '../../src/call-outs/delivery/delivery-store.js';
import { DeliveryWorker } from '../../src/call-outs/delivery/delivery-worker.js';
import {
  createAppInstaller,
  createAppInstallers,
  GraphAppInstaller,
} from '../../src/m365/graph-app-install.js';
import { createGraphClient } from '../../src/m365/graph-client.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import type { Database } from '../../src/platform/db/schema.js';
import { ConfigError, loadConfig } from '../../src/server/config.js';
import { createConnectorCardSender } from '../../src/teams/outbox/card-sender.js';
import { createTestDatabase } from '../helpers/test-db.js';
import { type BotConnectorStandIn, startBotConnectorStandIn } from '../stand-ins/bot-connector.js';
import { type GraphAppInstallStandIn, startGraphAppInstallStandIn } from '../stand-ins/graph-app-install.js';
import {
  addLargeNetwork,
  deliveryStates,
  renderTestCard,
  settled,
  startIncident,
  TENANT,
  waitFor,
} from './fixtures.js';

/**
 * Recipients without a conversation reference: the worker installs the app for them through the Graph
 * stand-in, stores the 1:1 chat as their reference and sends the card there through the connector stand-in;
 * a refusal makes them unreachable at once with the reason, and everyone else still gets their card.
 */
const TOKEN = 'app-install-token';
const POLICE_TOKEN = 'police-app-install-token';
const CATALOG_APP_ID = randomUUID();
const BOT_APP_ID = randomUUID();

let database: DatabaseHandle;
let db: Kysely<Database>;
let connector: BotConnectorStandIn;
let graph: GraphAppInstallStandIn;
const workers: DeliveryWorker[] = [];

function installer(tenantId = TENANT): GraphAppInstaller {
  const client = createGraphClient({
    graphBaseUrl: graph.baseUrl,
    tokens: { appOnly: async () => TOKEN, onBehalfOf: async () => TOKEN },
    credential: { kind: 'app' },
    retry: { maxRetries: 3, maxRetryAfterSeconds: 5, delaySeconds: 0 },
  });
  return new GraphAppInstaller(client, {
    catalogAppId: CATALOG_APP_ID,
    graphBaseUrl: graph.baseUrl,
    tenantId,
  });
}

function worker(
  options: { installer?: GraphAppInstaller | GraphAppInstaller[] | null } = {},
): DeliveryWorker {
  const created = new DeliveryWorker({
    db,
    sender: createConnectorCardSender(async () => 'stand-in-token'),
    renderCard: renderTestCard,
    botId: `28:${BOT_APP_ID}`,
    installer: options.installer === undefined ? installer() : options.installer,
    idleMs: 20,
    random: () => 0,
  });
  workers.push(created);
  return created;
}

async function aadOf(userId: string): Promise<string> {
  const row = await db
    .selectFrom('users')
    .select('aad_object_id')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return row.aad_object_id;
}

/** A network of `count` staff in which the members at `without` have no conversation reference yet. */
async function networkWithout(count: number, without: number[]) {
  const net = await addLargeNetwork(db, count, connector.url);
  const missing: string[] = [];
  for (const index of without) {
    const aad = await aadOf(net.userIds[index] as string);
    await db.deleteFrom('conversation_references').where('aad_object_id', '=', aad).execute();
    graph.users.add(aad);
    missing.push(aad);
  }
  return { net, missing };
}

async function eventKinds(callOutId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('call_out_events')
    .select('kind')
    .where('call_out_id', '=', callOutId)
    .execute();
  return rows.map((row) => row.kind);
}

const count = (kinds: string[], kind: string) => kinds.filter((k) => k === kind).length;
const installationId = (aad: string) => Buffer.from(`${aad}##${CATALOG_APP_ID}`).toString('base64');
const graphCalls = (aad: string) =>
  graph.requests
    .filter((r) => r.path.startsWith(`/v1.0/users/${aad}/`))
    .map(
      (r) => `${r.method} ${r.path.replace(`/v1.0/users/${aad}/teamwork/installedApps`, '…')} ${r.status}`,
    );
const sendsTo = (conversationId: string) =>
  connector.requests.filter((r) => r.kind === 'send' && r.conversationId === conversationId);

beforeAll(async () => {
  database = await createTestDatabase({ seed: true });
  db = database.db;
  connector = await startBotConnectorStandIn();
  graph = await startGraphAppInstallStandIn({
    token: TOKEN,
    catalogAppId: CATALOG_APP_ID,
    botAppId: BOT_APP_ID,
    users: [],
  });
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
  connector.clear();
  graph.requests.length = 0;
});
afterAll(async () => {
  await connector?.close();
  await graph?.close();
  await database?.close();
});

describe('installing the app for recipients without a conversation reference', () => {
  it('installs it, fetches the 1:1 chat, stores it as their reference and sends the card there', async () => {
    const { net, missing } = await networkWithout(4, [1]);
    const aad = missing[0] as string;
    const callOut = await startIncident(db, net.coordinatorId, net.wijkId);
    worker().start();
    await waitFor('every card settled', () => settled(db, callOut.id));

    expect(await deliveryStates(db, callOut.id)).toEqual({ sent: 4 });
    expect(graphCalls(aad)).toEqual([
      'POST … 201',
      'GET … 200',
      `GET …/${encodeURIComponent(installationId(aad))}/chat 200`,
    ]);
    const [post, list] = graph.requests;
    expect(post?.body).toEqual({
      'teamsApp@odata.bind': `${graph.baseUrl}/appCatalogs/teamsApps/${CATALOG_APP_ID}`,
    });
    expect(list?.query.get('$filter')).toBe(`teamsApp/id eq '${CATALOG_APP_ID}'`);
    expect(list?.query.get('$expand')).toBe('teamsApp');
    expect(graph.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);

    const chatId = graph.chatIdOf(aad);
    const stored = await db
      .selectFrom('conversation_references')
      .select(['conversation_id', 'conversation_type', 'service_url', 'tenant_id', 'reference'])
      .where('aad_object_id', '=', aad)
      .execute();
    expect(stored).toEqual([
      expect.objectContaining({
        conversation_id: chatId,
        conversation_type: 'personal',
        service_url: connector.url,
        tenant_id: TENANT,
      }),
    ]);
    expect(stored[0]?.reference).toMatchObject({
      channelId: 'msteams',
      bot: { id: `28:${BOT_APP_ID}` },
      conversation: { id: chatId, tenantId: TENANT, conversationType: 'personal' },
    });
    expect(sendsTo(chatId).map((r) => r.status)).toEqual([201]);
    expect(sendsTo(chatId)[0]?.body.attachments).toEqual([
      expect.objectContaining({ contentType: 'application/vnd.microsoft.card.adaptive' }),
    ]);
    const kinds = await eventKinds(callOut.id);
    expect(count(kinds, 'app-installed')).toBe(1);
    expect(count(kinds, 'delivery-sent')).toBe(4);
    expect(connector.unhandled).toEqual([]);
  });

  it('goes on when the app is already installed for them (409 Conflict)', async () => {
    const { net, missing } = await networkWithout(3, [2]);
    const aad = missing[0] as string;
    graph.preinstall(aad);
    const callOut = await startIncident(db, net.coordinatorId, net.wijkId);
    worker().start();
    await waitFor('every card settled', () => settled(db, callOut.id));

    expect(await deliveryStates(db, callOut.id)).toEqual({ sent: 3 });
    expect(graphCalls(aad)).toEqual([
      'POST … 409',
      'GET … 200',
      `GET …/${encodeURIComponent(installationId(aad))}/chat 200`,
    ]);
    expect(sendsTo(graph.chatIdOf(aad)).map((r) => r.status)).toEqual([201]);
  });

  it('reports a refused (403) or unknown (404) recipient unreachable at once with the reason; the others get their cards', async () => {
    const { net, missing } = await networkWithout(5, [1, 2, 3]);
    const [refused, unknown, fine] = missing as [string, string, string];
    graph.forbidden.add(refused);
    graph.users.delete(unknown);
    const callOut = await startIncident(db, net.coordinatorId, net.wijkId);
    worker().start();
    await waitFor('every card settled', () => settled(db, callOut.id));

    expect(await deliveryStates(db, callOut.id)).toEqual({ sent: 3, unreachable: 2 });
    const unreachable = await db
      .selectFrom('call_out_deliveries')
      .select('last_error')
      .where('call_out_id', '=', callOut.id)
      .where('state', '=', 'unreachable')
      .orderBy('last_error')
      .execute();
    expect(unreachable.map((row) => row.last_error)).toEqual([
      'install-failed: not-permitted (403 Forbidden)',
      'install-failed: user-not-found (404 NotFound)',
    ]);
    expect(graphCalls(refused)).toEqual(['POST … 403']);
    expect(graphCalls(unknown)).toEqual(['POST … 404']);
    expect(sendsTo(graph.chatIdOf(refused))).toEqual([]);
    expect(sendsTo(graph.chatIdOf(unknown))).toEqual([]);
    expect(sendsTo(graph.chatIdOf(fine)).map((r) => r.status)).toEqual([201]);
    const kinds = await eventKinds(callOut.id);
    expect(count(kinds, 'app-install-failed')).toBe(2);
    expect(count(kinds, 'delivery-unreachable')).toBe(2);
    expect(count(kinds, 'app-installed')).toBe(1);
    expect(count(kinds, 'delivery-sent')).toBe(3);
  });

  it('waits out a 429 with Retry-After and then installs', async () => {
    const { net, missing } = await networkWithout(2, [1]);
    const aad = missing[0] as string;
    graph.failNext(1, 429, 1);
    const callOut = await startIncident(db, net.coordinatorId, net.wijkId);
    worker().start();
    await waitFor('every card settled', () => settled(db, callOut.id));

    expect(await deliveryStates(db, callOut.id)).toEqual({ sent: 2 });
    expect(graph.requests.map((r) => `${r.method} ${r.status}`)).toEqual([
      'POST 429',
      'POST 201',
      'GET 200',
      'GET 200',
    ]);
    const [throttled, retried] = graph.requests as [(typeof graph.requests)[0], (typeof graph.requests)[0]];
    expect(retried.at - throttled.at).toBeGreaterThanOrEqual(950);
    expect(sendsTo(graph.chatIdOf(aad)).map((r) => r.status)).toEqual([201]);
  });

  it('retries after a worker died mid-install: the installation it made answers 409 and the card still goes out', async () => {
    const { net, missing } = await networkWithout(3, [1]);
    const aad = missing[0] as string;
    const callOut = await startIncident(db, net.coordinatorId, net.wijkId);
    // A worker claimed every row with a short lease, installed the app for them, and died before storing.
    const claimed = await claimDeliveries(db, 'dead-worker', 100, 1, new Date());
    expect(claimed.filter((row) => row.callOutId === callOut.id)).toHaveLength(3);
    graph.preinstall(aad);
    await new Promise((resolve) => setTimeout(resolve, 10));
    worker().start();
    await waitFor('every card settled', () => settled(db, callOut.id));

    expect(await deliveryStates(db, callOut.id)).toEqual({ sent: 3 });
    expect(graphCalls(aad)[0]).toBe('POST … 409');
    expect(sendsTo(graph.chatIdOf(aad)).map((r) => r.status)).toEqual([201]);
  });

  it('without an installer (no TEAMS_APP_CATALOG_ID, or local mode) reports them unreachable at once, without Graph', async () => {
    const { net } = await networkWithout(3, [1]);
    const callOut = await startIncident(db, net.coordinatorId, net.wijkId);
    worker({ installer: null }).start();
    await waitFor('every card settled', () => settled(db, callOut.id));

    expect(await deliveryStates(db, callOut.id)).toEqual({ sent: 2, unreachable: 1 });
    const row = await db
      .selectFrom('call_out_deliveries')
      .select('last_error')
      .where('call_out_id', '=', callOut.id)
      .where('state', '=', 'unreachable')
      .executeTakeFirstOrThrow();
    expect(row.last_error).toBe('no conversation reference');
    expect(graph.requests).toEqual([]);
    expect(count(await eventKinds(callOut.id), 'app-install-failed')).toBe(0);
  });

  it('does not install where it cannot send: a tenant without a known service URL, or one the app does not serve', async () => {
    const { net, missing } = await networkWithout(4, [1, 2]);
    const [quiet, foreign] = missing as [string, string];
    const quietTenant = randomUUID();
    await db
      .updateTable('users')
      .set({ tenant_id: quietTenant })
      .where('aad_object_id', '=', quiet)
      .execute();
    await db
      .updateTable('users')
      .set({ tenant_id: randomUUID() })
      .where('aad_object_id', '=', foreign)
      .execute();
    const callOut = await startIncident(db, net.coordinatorId, net.wijkId);
    worker({ installer: installer(quietTenant) }).start();
    await waitFor('every card settled', () => settled(db, callOut.id));

    expect(await deliveryStates(db, callOut.id)).toEqual({ sent: 2, unreachable: 2 });
    const reasons = await db
      .selectFrom('call_out_deliveries')
      .select('last_error')
      .where('call_out_id', '=', callOut.id)
      .where('state', '=', 'unreachable')
      .orderBy('last_error')
      .execute();
    expect(reasons.map((row) => row.last_error)).toEqual([
      'install-failed: no service url known for the tenant',
      'install-failed: tenant not served by the app',
    ]);
    expect(graph.requests).toEqual([]);
  });

  it('installs for a police recipient with the police tenant’s installer: its own token and catalog id', async () => {
    // The police tenant's Graph as the app-only token of that tenant sees it: its own catalog id for the app.
    const policeTenant = randomUUID();
    const policeCatalog = randomUUID();
    const policeGraph = await startGraphAppInstallStandIn({
      token: POLICE_TOKEN,
      catalogAppId: policeCatalog,
      botAppId: BOT_APP_ID,
      users: [],
    });
    try {
      const { net, missing } = await networkWithout(4, [1, 2]);
      const [officer, colleague] = missing as [string, string];
      policeGraph.users.add(officer);
      await db
        .updateTable('users')
        .set({ tenant_id: policeTenant })
        .where('aad_object_id', '=', officer)
        .execute();
      // The bot has heard from the police tenant before (another officer), so its connector address is known.
      const other = net.userIds[3] as string;
      await db.updateTable('users').set({ tenant_id: policeTenant }).where('id', '=', other).execute();
      await db
        .updateTable('conversation_references')
        .set({ tenant_id: policeTenant })
        .where('aad_object_id', '=', await aadOf(other))
        .execute();
      const police = new GraphAppInstaller(
        createGraphClient({
          graphBaseUrl: policeGraph.baseUrl,
          tokens: { appOnly: async () => POLICE_TOKEN, onBehalfOf: async () => POLICE_TOKEN },
          credential: { kind: 'app', tenantId: policeTenant },
          retry: { maxRetries: 0, maxRetryAfterSeconds: 0, delaySeconds: 0 },
        }),
        { catalogAppId: policeCatalog, graphBaseUrl: policeGraph.baseUrl, tenantId: policeTenant },
      );
      const callOut = await startIncident(db, net.coordinatorId, net.wijkId);
      worker({ installer: [installer(), police] }).start();
      await waitFor('every card settled', () => settled(db, callOut.id));

      expect(await deliveryStates(db, callOut.id)).toEqual({ sent: 4 });
      // Each recipient was installed for in their own tenant, with that tenant's token and catalog id.
      expect(policeGraph.requests.map((r) => r.path.split('/')[3])).toEqual([officer, officer, officer]);
      expect(policeGraph.requests[0]?.body).toEqual({
        'teamsApp@odata.bind': `${policeGraph.baseUrl}/appCatalogs/teamsApps/${policeCatalog}`,
      });
      expect(graphCalls(colleague)).toHaveLength(3);
      expect(graphCalls(officer)).toEqual([]);
      const stored = await db
        .selectFrom('conversation_references')
        .select(['conversation_id', 'tenant_id'])
        .where('aad_object_id', '=', officer)
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ conversation_id: policeGraph.chatIdOf(officer), tenant_id: policeTenant });
      expect(sendsTo(policeGraph.chatIdOf(officer)).map((r) => r.status)).toEqual([201]);
    } finally {
      await policeGraph.close();
    }
  });
});

describe('when installing is permitted', () => {
  const entra = {
    NODE_ENV: 'test',
    AAD_CLIENT_ID: randomUUID(),
    AAD_CLIENT_SECRET: 'fictional-secret',
    AAD_TENANT_ID: TENANT,
    PUBLIC_URL: 'https://bondgenoten.example.nl',
  };
  const tokens = { appOnly: async () => TOKEN, onBehalfOf: async () => TOKEN };

  it('needs Entra app credentials and TEAMS_APP_CATALOG_ID', () => {
    expect(createAppInstaller(loadConfig({ NODE_ENV: 'test' }), tokens)).toBeNull();
    expect(createAppInstaller(loadConfig(entra), tokens)).toBeNull();
    const permitted = createAppInstaller(
      loadConfig({ ...entra, TEAMS_APP_CATALOG_ID: CATALOG_APP_ID }),
      tokens,
    );
    expect(permitted).toBeInstanceOf(GraphAppInstaller);
    expect(permitted?.tenantId).toBe(TENANT);
  });

  it('adds an installer for each tenant bot that names its catalog id, with that tenant’s app-only token', async () => {
    const policeTenant = randomUUID();
    const policeCatalog = randomUUID();
    const asked: (string | undefined)[] = [];
    const perTenant = {
      appOnly: async (tenantId?: string) => {
        asked.push(tenantId);
        return TOKEN;
      },
      onBehalfOf: async () => TOKEN,
    };
    const config = loadConfig({ ...entra, TEAMS_APP_CATALOG_ID: CATALOG_APP_ID });
    const installers = createAppInstallers(
      { ...config, tenantCatalogs: [{ tenantId: policeTenant, catalogAppId: policeCatalog }] },
      perTenant,
    );
    expect(installers.map((one) => one.tenantId)).toEqual([TENANT, policeTenant]);
    // Without TEAMS_APP_CATALOG_ID the police tenant is still served; without app credentials nobody is.
    const onlyPolice = createAppInstallers(
      { ...loadConfig(entra), tenantCatalogs: [{ tenantId: policeTenant, catalogAppId: policeCatalog }] },
      perTenant,
    );
    expect(onlyPolice.map((one) => one.tenantId)).toEqual([policeTenant]);
    expect(
      createAppInstallers(
        {
          ...loadConfig({ NODE_ENV: 'test' }),
          tenantCatalogs: [{ tenantId: policeTenant, catalogAppId: policeCatalog }],
        },
        perTenant,
      ),
    ).toEqual([]);
    // The police installer asks for a token of the police tenant (the request fails: there is no Graph here).
    await installers[1]?.installForUser(randomUUID()).catch(() => undefined);
    await installers[0]?.installForUser(randomUUID()).catch(() => undefined);
    expect(asked).toEqual([policeTenant, undefined]);
  });

  it('refuses TEAMS_APP_CATALOG_ID in local mode and a value that is no GUID', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', TEAMS_APP_CATALOG_ID: CATALOG_APP_ID })).toThrow(ConfigError);
    expect(() => loadConfig({ ...entra, TEAMS_APP_CATALOG_ID: 'bondgenoten' })).toThrow(
      /TEAMS_APP_CATALOG_ID/,
    );
  });
});
