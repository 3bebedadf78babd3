import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { composeBotHandler } from '../../src/server/compose.js';
import { findConversationReferences } from '../../src/teams/conversation-store.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { type BotConnectorStandIn, startBotConnectorStandIn } from '../stand-ins/bot-connector.js';
import { BOT_APP_ID, buildTeamsActivity, buildTeamsUser, postActivity, TENANT_ID } from './teams-activity.js';

const BOT_ENV = { BOT_ID: BOT_APP_ID, BOT_PASSWORD: 'not-a-real-secret', BOT_TENANT_ID: TENANT_ID };

let connector: BotConnectorStandIn;
let server: TestServer;

/** A conversationUpdate that needs no answer, so an accepted request never has to fetch an outbound token. */
function someoneJoined(user = buildTeamsUser()) {
  const activity = buildTeamsActivity(connector.url, { type: 'conversationUpdate', user });
  activity.membersAdded = [{ id: user.id, aadObjectId: user.aadObjectId }];
  delete activity.text;
  return activity;
}

async function storedFor(user: { aadObjectId: string }) {
  return findConversationReferences(server.deps.db, { tenantId: TENANT_ID, aadObjectId: user.aadObjectId });
}

beforeAll(async () => {
  connector = await startBotConnectorStandIn();
  server = await startTestServer({
    env: BOT_ENV,
    seed: false,
    botHandler: (deps) => composeBotHandler(deps, { openIdMetadataUrl: connector.openIdMetadataUrl }),
  });
});
afterAll(async () => {
  await server?.close();
  await connector?.close();
});
beforeEach(() => {
  connector.clear();
});

describe('with bot credentials configured', () => {
  it.each([
    ['no Authorization header', {}],
    ['a bearer value that is not a token', { authorization: 'Bearer not-a-token' }],
    ['a Basic header', { authorization: 'Basic dXNlcjpwYXNz' }],
  ])('refuses an activity with %s: 401, nothing stored, nothing sent', async (_label, headers) => {
    const user = buildTeamsUser();
    const response = await postActivity(server.url, buildTeamsActivity(connector.url, { user }), headers);

    expect(response.status).toBe(401);
    expect(((await response.json()) as { type: string }).type).toBe(
      'urn:bondgenoten:problem:unauthenticated',
    );
    expect(await storedFor(user)).toEqual([]);
    expect(connector.activities).toEqual([]);
  });

  it('refuses a token signed with a key the channel does not publish (botbuilder alone answers 500)', async () => {
    const user = buildTeamsUser();
    const token = await connector.issueChannelToken(
      { appId: BOT_APP_ID, serviceUrl: connector.url },
      { forged: true },
    );
    const response = await postActivity(server.url, someoneJoined(user), {
      authorization: `Bearer ${token}`,
    });

    expect(response.status).toBe(401);
    expect(await storedFor(user)).toEqual([]);
  });

  it('refuses a genuine token issued for another bot', async () => {
    const user = buildTeamsUser();
    const token = await connector.issueChannelToken({
      appId: crypto.randomUUID(),
      serviceUrl: connector.url,
    });
    const response = await postActivity(server.url, someoneJoined(user), {
      authorization: `Bearer ${token}`,
    });

    expect(response.status).toBe(401);
    expect(await storedFor(user)).toEqual([]);
  });

  it('accepts a genuine channel token and stores the reference (the control for the refusals above)', async () => {
    const user = buildTeamsUser();
    const token = await connector.issueChannelToken({ appId: BOT_APP_ID, serviceUrl: connector.url });
    const response = await postActivity(server.url, someoneJoined(user), {
      authorization: `Bearer ${token}`,
    });

    expect(response.status).toBe(200);
    expect(await storedFor(user)).toHaveLength(1);
  });

  it('logs a refusal without the token', async () => {
    await postActivity(server.url, buildTeamsActivity(connector.url), {
      authorization: 'Bearer not-a-token',
    });
    const refusal = server.logLines
      .map((line) => JSON.parse(line))
      .findLast((line) => line.msg === 'bot request not authenticated');
    expect(refusal).toMatchObject({ level: 40, activityType: 'message', err: { type: expect.any(String) } });
    expect(server.logLines.join('\n')).not.toContain('not-a-token');
  });
});

describe('when the channel signing keys cannot be fetched', () => {
  let silent: Server;
  const sockets = new Set<Socket>();
  let slowServer: TestServer;

  beforeAll(async () => {
    // Accepts connections and never answers: a network that swallows packets.
    silent = createServer((socket) => {
      sockets.add(socket);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const metadataUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/v1/.well-known/openidconfiguration`;
    slowServer = await startTestServer({
      env: BOT_ENV,
      seed: false,
      botHandler: (deps) => composeBotHandler(deps, { openIdMetadataUrl: metadataUrl, authTimeoutMs: 300 }),
    });
  });
  afterAll(async () => {
    await slowServer?.close();
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it('answers 401 once the time limit passes instead of hanging', async () => {
    const token = await connector.issueChannelToken({ appId: BOT_APP_ID, serviceUrl: connector.url });
    const started = performance.now();
    const response = await postActivity(slowServer.url, someoneJoined(), {
      authorization: `Bearer ${token}`,
    });

    expect(response.status).toBe(401);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(sockets.size).toBeGreaterThan(0);
  });
});

describe('without bot credentials outside local mode', () => {
  it('refuses every activity rather than accept them unauthenticated', async () => {
    const entraServer = await startTestServer({
      env: {
        AUTH_MODE: 'entra',
        AAD_CLIENT_ID: crypto.randomUUID(),
        AAD_CLIENT_SECRET: 'test-secret',
        AAD_TENANT_ID: TENANT_ID,
        PUBLIC_URL: 'https://bondgenoten.example.nl',
      },
      seed: false,
      botHandler: composeBotHandler,
    });
    try {
      const user = buildTeamsUser();
      const response = await postActivity(entraServer.url, buildTeamsActivity(connector.url, { user }));
      expect(response.status).toBe(503);
      expect(
        await findConversationReferences(entraServer.deps.db, {
          tenantId: TENANT_ID,
          aadObjectId: user.aadObjectId,
        }),
      ).toEqual([]);
      expect(connector.activities).toEqual([]);
    } finally {
      await entraServer.close();
    }
  });
});
