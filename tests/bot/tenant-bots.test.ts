import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { catalogIdsByTenant } from '../../src/call-outs/delivery/worker-composition.js';
import { composeBotHandler } from '../../src/server/compose.js';
import { ConfigError, loadConfig } from '../../src/server/config.js';
import { createConnectorCardSender } from '../../src/teams/outbox/card-sender.js';
import { cardSenderFor } from '../../src/teams/tenant-bots.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { type BotConnectorStandIn, startBotConnectorStandIn } from '../stand-ins/bot-connector.js';
import { BOT_APP_ID, buildTeamsActivity, postActivity, TENANT_ID } from './teams-activity.js';

// The police tenant's own single-tenant bot beside the municipality's (BOT_TENANT_BOTS); fictional ids.
const POLICE_TENANT = '44444444-4444-4444-8444-444444444444';
const POLICE_BOT = '66666666-6666-4666-8666-666666666666';
const POLICE_SECRET = 'fictional-police-bot-secret';
const tenantBots = JSON.stringify([{ tenantId: POLICE_TENANT, appId: POLICE_BOT, password: POLICE_SECRET }]);
const homeBot = { BOT_ID: BOT_APP_ID, BOT_PASSWORD: 'not-a-real-secret', BOT_TENANT_ID: TENANT_ID };

describe('BOT_TENANT_BOTS configuration', () => {
  const entra = {
    NODE_ENV: 'test',
    AAD_CLIENT_ID: randomUUID(),
    AAD_CLIENT_SECRET: 'fictional',
    AAD_TENANT_ID: TENANT_ID,
    PUBLIC_URL: 'https://bondgenoten.example.nl',
    ...homeBot,
  };
  const refusal = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error('the configuration was accepted');
  };

  it('reads one bot per tenant beside the home bot', () => {
    const config = loadConfig({
      ...entra,
      AAD_ALLOWED_TENANTS: `${TENANT_ID},${POLICE_TENANT}`,
      BOT_TENANT_BOTS: tenantBots,
    });
    expect(config.bot?.tenantBots).toEqual([
      { tenantId: POLICE_TENANT, appId: POLICE_BOT, password: POLICE_SECRET },
    ]);
    expect(loadConfig({ NODE_ENV: 'test', ...homeBot }).bot?.tenantBots).toEqual([]);
  });

  it('takes each tenant bot’s catalog id, and the answer link names the app by the recipient’s tenant', () => {
    const HOME_CATALOG = '77777777-7777-4777-8777-777777777777';
    const POLICE_CATALOG = '88888888-8888-4888-8888-888888888888';
    const config = loadConfig({
      ...entra,
      AAD_ALLOWED_TENANTS: `${TENANT_ID},${POLICE_TENANT}`,
      TEAMS_APP_CATALOG_ID: HOME_CATALOG,
      BOT_TENANT_BOTS: JSON.stringify([
        { tenantId: POLICE_TENANT, appId: POLICE_BOT, password: POLICE_SECRET, catalogAppId: POLICE_CATALOG },
      ]),
    });
    expect(config.bot?.tenantBots?.[0]?.catalogAppId).toBe(POLICE_CATALOG);
    const catalogIdFor = catalogIdsByTenant(config);
    expect(catalogIdFor(TENANT_ID)).toBe(HOME_CATALOG);
    expect(catalogIdFor(POLICE_TENANT.toUpperCase())).toBe(POLICE_CATALOG);
    expect(catalogIdFor('55555555-5555-4555-8555-555555555555')).toBeNull();
    expect(
      refusal({
        ...entra,
        AAD_ALLOWED_TENANTS: `${TENANT_ID},${POLICE_TENANT}`,
        BOT_TENANT_BOTS: JSON.stringify([
          { tenantId: POLICE_TENANT, appId: POLICE_BOT, password: POLICE_SECRET, catalogAppId: 'nope' },
        ]),
      }),
    ).toMatch(/BOT_TENANT_BOTS: \[0\] catalogAppId/);
  });

  it('names the variable and the field, never the secret', () => {
    expect(refusal({ NODE_ENV: 'test', ...homeBot, BOT_TENANT_BOTS: '{nope' })).toMatch(
      /BOT_TENANT_BOTS: must be a JSON list/,
    );
    const noSecret = refusal({
      NODE_ENV: 'test',
      ...homeBot,
      BOT_TENANT_BOTS: JSON.stringify([{ tenantId: POLICE_TENANT, appId: 'x', password: POLICE_SECRET }]),
    });
    expect(noSecret).toMatch(/BOT_TENANT_BOTS: \[0\] appId/);
    expect(noSecret).not.toContain(POLICE_SECRET);
  });

  it('refuses a tenant that may not sign in, a second bot for a tenant, the home tenant, a shared app id', () => {
    expect(refusal({ ...entra, BOT_TENANT_BOTS: tenantBots })).toMatch(
      /\[0\] tenantId is not in AAD_ALLOWED_TENANTS/,
    );
    const twice = JSON.stringify([
      { tenantId: POLICE_TENANT, appId: POLICE_BOT, password: 'a' },
      { tenantId: POLICE_TENANT, appId: randomUUID(), password: 'b' },
    ]);
    expect(refusal({ NODE_ENV: 'test', ...homeBot, BOT_TENANT_BOTS: twice })).toMatch(/one bot per tenant/);
    const home = JSON.stringify([{ tenantId: TENANT_ID, appId: POLICE_BOT, password: 'a' }]);
    expect(refusal({ NODE_ENV: 'test', ...homeBot, BOT_TENANT_BOTS: home })).toMatch(
      /home tenant has BOT_ID/,
    );
    const shared = JSON.stringify([{ tenantId: POLICE_TENANT, appId: BOT_APP_ID, password: 'a' }]);
    expect(refusal({ NODE_ENV: 'test', ...homeBot, BOT_TENANT_BOTS: shared })).toMatch(/its own appId/);
    expect(refusal({ NODE_ENV: 'test', BOT_TENANT_BOTS: tenantBots })).toMatch(/needs the home bot/);
  });
});

let connector: BotConnectorStandIn;
let server: TestServer;
let tokenServer: Server;
let authorityHost: string;
const tokenRequests: { path: string; form: URLSearchParams }[] = [];

beforeAll(async () => {
  connector = await startBotConnectorStandIn();
  server = await startTestServer({
    env: { ...homeBot, BOT_TENANT_BOTS: tenantBots },
    botHandler: (deps) => composeBotHandler(deps, { openIdMetadataUrl: connector.openIdMetadataUrl }),
  });
  // login.microsoftonline.com/{tenant}/oauth2/v2.0/token as a loopback stand-in: client credentials only.
  tokenServer = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const form = new URLSearchParams(body);
      tokenRequests.push({ path: req.url ?? '', form });
      const tenant = (req.url ?? '').split('/')[1];
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ access_token: `token-of-${tenant}`, expires_in: 3600, token_type: 'Bearer' }));
    });
  });
  await new Promise<void>((resolve) => tokenServer.listen(0, '127.0.0.1', resolve));
  authorityHost = `http://127.0.0.1:${(tokenServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await server?.close();
  await connector?.close();
  await new Promise((resolve) => tokenServer?.close(resolve));
});

/** An `adaptiveCard/action` invoke from the police tenant, sent to `appId`'s bot with a token for `tokenAppId`. */
async function invokeFromPolice(tokenAppId: string) {
  const activity = buildTeamsActivity(connector.url, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    conversation: { id: `a:${randomUUID()}`, conversationType: 'personal', tenantId: POLICE_TENANT },
    recipient: { id: `28:${POLICE_BOT}`, name: 'Bondgenoten' },
    channelData: { tenant: { id: POLICE_TENANT } },
    value: {
      action: {
        type: 'Action.Execute',
        verb: 'callout.answer',
        data: { callOutId: randomUUID(), answer: 'coming' },
      },
      trigger: 'manual',
    },
  });
  delete activity.text;
  const token = await connector.issueChannelToken({ appId: tokenAppId, serviceUrl: connector.url });
  return postActivity(server.url, activity, { authorization: `Bearer ${token}` });
}

describe('one endpoint for the bots of both tenants', () => {
  it('accepts activities sent to the police tenant’s bot, and still refuses a token for an unknown app', async () => {
    const accepted = await invokeFromPolice(POLICE_BOT);
    expect(accepted.status).toBe(200);
    expect(((await accepted.json()) as { statusCode: number }).statusCode).toBe(200);
    expect((await invokeFromPolice(randomUUID())).status).toBe(401);
  });

  it('sends to a police recipient as the police bot, with a token from the police tenant', async () => {
    const bot = loadConfig({ NODE_ENV: 'test', ...homeBot, BOT_TENANT_BOTS: tenantBots }).bot;
    const sender = cardSenderFor(
      bot,
      createConnectorCardSender(async () => 'home-token'),
      { authorityHost },
    );
    const created = await sender.createConversation(connector.url, {
      channelUserId: `29:${randomUUID()}`,
      tenantId: POLICE_TENANT,
      botId: `28:${BOT_APP_ID}`,
    });
    await sender.sendActivity(
      { serviceUrl: connector.url, conversationId: created.conversationId, tenantId: POLICE_TENANT },
      { type: 'message', text: 'fictief' },
    );
    await sender.sendActivity(
      { serviceUrl: connector.url, conversationId: 'a:home-conversation', tenantId: TENANT_ID },
      { type: 'message', text: 'fictief' },
    );
    const [open, toPolice, toHome] = connector.requests.slice(-3);
    expect(open?.body).toMatchObject({ bot: { id: `28:${POLICE_BOT}` }, tenantId: POLICE_TENANT });
    expect(open?.authorization).toBe(`Bearer token-of-${POLICE_TENANT}`);
    expect(toPolice?.authorization).toBe(`Bearer token-of-${POLICE_TENANT}`);
    expect(toHome?.authorization).toBe('Bearer home-token');
    // One token request, in the police tenant, as the police bot: cached for the second send.
    expect(tokenRequests.map((r) => [r.path, r.form.get('client_id')])).toEqual([
      [`/${POLICE_TENANT}/oauth2/v2.0/token`, POLICE_BOT],
    ]);
  });
});
