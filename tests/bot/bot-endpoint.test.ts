import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import { composeBotHandler } from '../../src/server/compose.js';
import { findConversationReferences } from '../../src/teams/conversation-store.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { type BotConnectorStandIn, startBotConnectorStandIn } from '../stand-ins/bot-connector.js';
import {
  BOT_CHANNEL_ID,
  buildTeamsActivity,
  buildTeamsUser,
  postActivity,
  TENANT_ID,
} from './teams-activity.js';

let server: TestServer;
let connector: BotConnectorStandIn;

beforeAll(async () => {
  connector = await startBotConnectorStandIn();
  server = await startTestServer({ botHandler: composeBotHandler, seed: false });
});
afterAll(async () => {
  await server?.close();
  await connector?.close();
});
beforeEach(() => {
  connector.clear();
});

function sentActivities() {
  expect(connector.unhandled).toEqual([]);
  return connector.activities.map((recorded) => recorded.activity);
}

describe('help', () => {
  it('answers "help" with exactly one Adaptive Card 1.5 and no text, as a reply in the same conversation', async () => {
    const activity = buildTeamsActivity(connector.url, { text: 'help' });
    const response = await postActivity(server.url, activity);

    expect(response.status).toBe(200);
    expect(connector.activities).toHaveLength(1);
    const [sent] = connector.activities;
    expect(sent?.conversationId).toBe((activity.conversation as { id: string }).id);
    expect(sent?.replyToActivityId).toBe(activity.id);
    expect(sent?.authorization).toBeUndefined();
    expect(sent?.activity).not.toHaveProperty('text');
    const attachments = sent?.activity.attachments as {
      contentType: string;
      content: Record<string, unknown>;
    }[];
    expect(attachments).toHaveLength(1);
    expect(attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(attachments[0]?.content).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(JSON.stringify(attachments[0]?.content)).toContain('Wat hier binnenkomt');
    // The call-out command reaches the card through the composition root's bot wiring.
    expect(JSON.stringify(attachments[0]?.content)).toContain('"title":"crisisoproep"');
    expect(attachments[0]?.content.actions).toEqual([
      {
        type: 'Action.OpenUrl',
        title: 'Open Bondgenoten',
        url: `${server.deps.config.publicUrl.replace(/\/$/, '')}/`,
      },
    ]);
  });

  it.each([
    ['hulp', 'personal'],
    ['  HELP ', 'personal'],
    ['?', 'personal'],
    ['<at>Bondgenoten</at> help', 'channel'],
    ['<at>Bondgenoten</at>&nbsp;Hulp\n', 'groupChat'],
  ])('reads %j in a %s conversation as help', async (text, conversationType) => {
    const conversationId = `19:${randomUUID()}@thread.tacv2`;
    const activity = buildTeamsActivity(connector.url, { text, conversationId });
    (activity.conversation as Record<string, unknown>).conversationType = conversationType;

    expect((await postActivity(server.url, activity)).status).toBe(200);
    const [sent] = sentActivities();
    expect((sent?.attachments as unknown[] | undefined)?.length).toBe(1);
  });

  it('answers any other text with a short Dutch hint to type help', async () => {
    expect(
      (await postActivity(server.url, buildTeamsActivity(connector.url, { text: 'wanneer is het overleg?' })))
        .status,
    ).toBe(200);
    const sent = sentActivities();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text).toBe('Dat begrijp ik niet. Typ **help** om te zien wat ik kan.');
    expect(sent[0]?.attachments ?? []).toEqual([]);
  });

  it('speaks English to an English Teams client', async () => {
    await postActivity(server.url, buildTeamsActivity(connector.url, { text: 'hello', locale: 'en-US' }));
    await postActivity(server.url, buildTeamsActivity(connector.url, { text: 'help', locale: 'en-GB' }));
    const [hint, card] = sentActivities();
    expect(hint?.text).toBe("I don't understand that. Type **help** to see what I can do.");
    const content = ((card?.attachments ?? []) as { content: unknown }[])[0]?.content;
    expect(JSON.stringify(content)).toContain('Bondgenoten: what can I do?');
  });
});

describe('conversation references', () => {
  it('stores where the user can be reached, without their display name', async () => {
    const user = buildTeamsUser();
    const activity = buildTeamsActivity(connector.url, { user, text: 'help' });
    await postActivity(server.url, activity);

    const saved = await findConversationReferences(server.deps.db, {
      tenantId: TENANT_ID,
      aadObjectId: user.aadObjectId,
    });
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      conversationId: (activity.conversation as { id: string }).id,
      channelUserId: user.id,
      conversationType: 'personal',
      serviceUrl: connector.url,
      reference: {
        channelId: 'msteams',
        serviceUrl: connector.url,
        bot: { id: BOT_CHANNEL_ID },
        user: { id: user.id, aadObjectId: user.aadObjectId },
        conversation: { tenantId: TENANT_ID, conversationType: 'personal' },
      },
    });
    expect(JSON.stringify(saved[0]?.reference)).not.toContain(user.name);
  });

  it('forgets the conversation when the app is removed from it', async () => {
    const user = buildTeamsUser();
    const conversationId = `a:${randomUUID()}`;
    await postActivity(server.url, buildTeamsActivity(connector.url, { user, conversationId, text: 'help' }));
    const removal = buildTeamsActivity(connector.url, {
      user,
      conversationId,
      type: 'installationUpdate',
      action: 'remove',
    });
    delete removal.text;

    expect((await postActivity(server.url, removal)).status).toBe(200);
    expect(
      await findConversationReferences(server.deps.db, {
        tenantId: TENANT_ID,
        aadObjectId: user.aadObjectId,
      }),
    ).toEqual([]);
  });
});

describe('welcome', () => {
  function installation(overrides: Record<string, unknown>) {
    const activity = buildTeamsActivity(connector.url, {
      type: 'installationUpdate',
      action: 'add',
      ...overrides,
    });
    delete activity.text;
    return activity;
  }

  function botAdded(overrides: Record<string, unknown>) {
    const activity = buildTeamsActivity(connector.url, { type: 'conversationUpdate', ...overrides });
    activity.membersAdded = [{ id: BOT_CHANNEL_ID }, { id: (activity.from as { id: string }).id }];
    delete activity.text;
    return activity;
  }

  it('welcomes in Dutch when the app is installed, and stores the reference', async () => {
    const user = buildTeamsUser();
    expect((await postActivity(server.url, installation({ user }))).status).toBe(200);

    const sent = sentActivities();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text).toMatch(/^Welkom bij \*\*Bondgenoten\*\*\..*bondgenotennetwerk.*Typ \*\*help\*\*/s);
    expect(
      await findConversationReferences(server.deps.db, {
        tenantId: TENANT_ID,
        aadObjectId: user.aadObjectId,
      }),
    ).toHaveLength(1);
  });

  it('welcomes once when Teams announces one installation with both events', async () => {
    const user = buildTeamsUser();
    const conversationId = `a:${randomUUID()}`;
    await postActivity(server.url, botAdded({ user, conversationId }));
    await postActivity(server.url, installation({ user, conversationId }));

    const sent = sentActivities();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text).toMatch(/^Welkom/);
  });

  it('welcomes again after the app was removed and installed anew', async () => {
    const user = buildTeamsUser();
    const conversationId = `a:${randomUUID()}`;
    await postActivity(server.url, installation({ user, conversationId }));
    await postActivity(server.url, installation({ user, conversationId, action: 'remove' }));
    await postActivity(server.url, installation({ user, conversationId, locale: 'en-US' }));

    const sent = sentActivities();
    expect(sent.map((activity) => String(activity.text).slice(0, 11))).toEqual([
      'Welkom bij ',
      'Welcome to ',
    ]);
  });

  it('does not welcome when someone else joins a conversation the bot is in', async () => {
    const activity = buildTeamsActivity(connector.url, { type: 'conversationUpdate' });
    activity.membersAdded = [{ id: `29:${randomUUID()}` }];
    delete activity.text;

    expect((await postActivity(server.url, activity)).status).toBe(200);
    expect(sentActivities()).toEqual([]);
  });
});

describe('malformed requests', () => {
  it.each([
    ['an array', [], 'body'],
    ['an empty object', {}, 'body.type'],
    ['an activity without a service URL', { type: 'message', channelId: 'msteams' }, 'body.serviceUrl'],
  ])('answers %s with 400 naming the field, and sends nothing', async (_label, body, field) => {
    const response = await postActivity(server.url, body);

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as { type: string; errors: { field: string }[] };
    expect(problem.type).toBe('urn:bondgenoten:problem:validation-failed');
    expect(problem.errors.map((error) => error.field)).toContain(field);
    expect(sentActivities()).toEqual([]);
  });

  it('answers a JSON string instead of an object with 400', async () => {
    const response = await postActivity(server.url, 'help');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { type: string }).type).toBe('urn:bondgenoten:problem:malformed-json');
    expect(sentActivities()).toEqual([]);
  });

  it('answers a body that is not JSON with 400', async () => {
    const response = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type": "message",',
    });
    expect(response.status).toBe(400);
    expect(sentActivities()).toEqual([]);
  });
});

describe('a failing turn', () => {
  it('apologises in Dutch and logs the failure without personal data', async () => {
    // With the table renamed away, saving this reference fails inside the turn. (A NUL in a field did
    // this before issue 13; the envelope now refuses such an activity with 400.)
    const user = { ...buildTeamsUser(), name: 'Fictieve broken' };
    const activity = buildTeamsActivity(connector.url, { user, text: 'help' });
    const db = server.database.db;
    await sql`alter table conversation_references rename to conversation_references_away`.execute(db);
    const response = await postActivity(server.url, activity).finally(() =>
      sql`alter table conversation_references_away rename to conversation_references`.execute(db),
    );

    expect(response.status).toBe(200);
    const sent = sentActivities();
    expect(sent.map((activity) => activity.text)).toEqual([
      'Sorry, er ging aan onze kant iets mis. Probeer het straks nog eens.',
    ]);
    const failure = server.logLines
      .map((line) => JSON.parse(line))
      .find((line) => line.msg === 'bot turn failed');
    expect(failure).toMatchObject({ level: 50, activityType: 'message', err: { type: expect.any(String) } });
    expect(JSON.stringify(failure)).not.toMatch(/Fictieve|broken/);
  });
});
