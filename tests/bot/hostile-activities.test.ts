import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createLogger } from '../../src/platform/logger.js';
import { composeBotHandler } from '../../src/server/compose.js';
import { findConversationReferences, saveConversationReference } from '../../src/teams/conversation-store.js';
import { dropDisallowedReferences } from '../../src/teams/reference-check.js';
import { serviceUrlPolicyFor, serviceUrlRefusal } from '../../src/teams/service-url-policy.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { type BotConnectorStandIn, startBotConnectorStandIn } from '../stand-ins/bot-connector.js';
import { buildTeamsActivity, buildTeamsUser, postActivity, TENANT_ID } from './teams-activity.js';
import { hostileServiceUrls, startTrapListener, type TrapListener } from './trap-listener.js';

// Issue 13, defects 4 and 5: the local bot (no credentials, as the Agents Playground uses it).
let server: TestServer;
let connector: BotConnectorStandIn;
let trap: TrapListener;

beforeAll(async () => {
  [connector, trap] = await Promise.all([startBotConnectorStandIn(), startTrapListener()]);
  server = await startTestServer({ botHandler: composeBotHandler, seed: false });
});
afterAll(async () => {
  await server?.close();
  await connector?.close();
  await trap?.close();
});
beforeEach(() => {
  connector.clear();
});

describe('defect 4: server-side request forgery through serviceUrl', () => {
  it('refuses every hostile serviceUrl with 400, stores nothing and connects nowhere', async () => {
    for (const serviceUrl of hostileServiceUrls(trap.port)) {
      const user = buildTeamsUser();
      const response = await postActivity(server.url, buildTeamsActivity(serviceUrl, { user, text: 'help' }));
      const problem = (await response.json()) as { errors?: { field: string }[] };
      expect({ serviceUrl, status: response.status }).toEqual({ serviceUrl, status: 400 });
      expect(problem.errors?.map((error) => error.field)).toContain('body.serviceUrl');
      expect(
        await findConversationReferences(server.deps.db, {
          tenantId: TENANT_ID,
          aadObjectId: user.aadObjectId,
        }),
      ).toEqual([]);
    }
    expect(trap.connections).toBe(0);
    expect(connector.activities).toEqual([]);
  });

  it('still answers the playground on loopback', async () => {
    const response = await postActivity(server.url, buildTeamsActivity(connector.url, { text: 'help' }));
    expect(response.status).toBe(200);
    expect(connector.activities).toHaveLength(1);
  });

  it('accepts only the Teams hosts over https in production, configurable by BOT_SERVICE_URL_HOSTS', () => {
    const production = serviceUrlPolicyFor({
      authMode: 'entra',
      nodeEnv: 'production',
      botServiceUrlHosts: ['smba.trafficmanager.net', 'smba.infra.gcc.teams.microsoft.com'],
    });
    expect(serviceUrlRefusal('https://smba.trafficmanager.net/emea/', production)).toBeNull();
    expect(serviceUrlRefusal('https://SMBA.trafficmanager.net/amer/', production)).toBeNull();
    expect(serviceUrlRefusal('https://smba.infra.gcc.teams.microsoft.com/teams', production)).toBeNull();
    for (const refused of [
      'http://smba.trafficmanager.net/emea/',
      'https://smba.trafficmanager.net:8443/emea/',
      'https://x@smba.trafficmanager.net/emea/',
      'http://127.0.0.1:3978/',
      ...hostileServiceUrls(443),
    ]) {
      expect({ refused, reason: serviceUrlRefusal(refused, production) }).toEqual({
        refused,
        reason: expect.any(String),
      });
    }
  });

  it('drops stored references outside the allow-list at start-up and logs only counts', async () => {
    const now = new Date();
    const record = (serviceUrl: string, n: number) => ({
      conversationId: `a:startup-${n}`,
      channelUserId: `29:startup-${n}`,
      aadObjectId: `00000000-0000-4000-8000-00000000000${n}`,
      tenantId: TENANT_ID,
      conversationType: 'personal',
      serviceUrl,
      reference: {
        channelId: 'msteams',
        serviceUrl,
        bot: { id: '28:bot' },
        user: { id: `29:startup-${n}` },
        conversation: { id: `a:startup-${n}` },
      },
    });
    await saveConversationReference(server.deps.db, record('http://169.254.169.254/latest/', 1), now);
    await saveConversationReference(server.deps.db, record('http://0.0.0.0:5432/', 2), now);
    await saveConversationReference(server.deps.db, record(connector.url, 3), now);
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => lines.push(line) } as never);
    const dropped = await dropDisallowedReferences(
      server.deps.db,
      serviceUrlPolicyFor(server.deps.config),
      logger,
    );
    expect(dropped).toBe(2);
    const left = await server.deps.db.selectFrom('conversation_references').select('service_url').execute();
    expect(left.map((row) => row.service_url)).not.toContain('http://0.0.0.0:5432/');
    expect(left.map((row) => row.service_url)).toContain(connector.url);
    expect(lines.join('')).toContain('"dropped":2');
    expect(lines.join('')).not.toContain('169.254');
  });
});

describe('defect 5: unknown invoke names and card verbs', () => {
  function invoke(name: string, value: unknown) {
    return buildTeamsActivity(connector.url, { type: 'invoke', name, value, text: undefined });
  }

  it('answers an unknown Universal Action verb with a card at HTTP 200', async () => {
    const response = await postActivity(
      server.url,
      invoke('adaptiveCard/action', {
        action: { type: 'Action.Execute', verb: 'bogus', data: {} },
        trigger: 'manual',
      }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      statusCode: number;
      type: string;
      value: { body: { text: string }[] };
    };
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(body.value.body[0]?.text).toBe('Deze actie ken ik niet');
  });

  it('answers task/fetch with a dialog message, and any other unknown invoke with 400 and a body', async () => {
    const dialog = await postActivity(server.url, invoke('task/fetch', { data: {} }));
    expect(dialog.status).toBe(200);
    expect(await dialog.json()).toEqual({ task: { type: 'message', value: 'Deze actie ken ik niet' } });
    for (const name of ['composeExtension/query', 'bogus/name', 'signin/verifyState', 'config/fetch']) {
      const response = await postActivity(server.url, invoke(name, {}));
      expect({ name, status: response.status }).toEqual({ name, status: 400 });
      expect(await response.json()).toMatchObject({ code: 'BadRequest' });
    }
  });

  it('answers an invoke whose turn throws inside botbuilder (fileConsent with no value) without a 5xx', async () => {
    // botbuilder reads value.action of a null value and throws; the turn fails and used to answer 501.
    const response = await postActivity(server.url, invoke('fileConsent/invoke', null));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ code: 'Failed' });
    expect(connector.activities).toEqual([]);
  });
});
