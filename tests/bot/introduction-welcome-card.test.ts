import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { IntroductionWelcomeNotifier } from '../../src/continuity/bot/introduction-welcome-notifier.js';
import { readMeetingDates } from '../../src/meetings/index.js';
import { readNetwork } from '../../src/network/index.js';
import { composeBotHandler } from '../../src/server/compose.js';
import { DEMO_STAFF, DEMO_TENANT_ID } from '../../src/server/seed/demo-data.js';
import { createTeamsModule } from '../../src/teams/module.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { type BotConnectorStandIn, startBotConnectorStandIn } from '../stand-ins/bot-connector.js';
import { adaptiveCardProblems, visibleTexts } from './call-out-fixtures.js';
import { buildTeamsActivity, postActivity, type TeamsUser } from './teams-activity.js';

/**
 * The welcome card over the Bot Framework protocol (issue 19): Dewi, who wrote to the bot, gets a role in Haven;
 * the card is queued in the grant's own transaction and reaches her 1:1 chat through the Teams outbox and the
 * connector stand-in without any scan, with Haven's essentials and a link to the introduction page; the scan
 * sends nothing twice. It remains the catch-up for a newcomer who opens the bot only after the grant, and a
 * successor who gets the leaver's role is welcomed as a grant is.
 */
let connector: BotConnectorStandIn;
let server: TestServer;

function staff(key: string): TeamsUser {
  const member = DEMO_STAFF.find((s) => s.key === key);
  if (!member) throw new Error(`no demo staff ${key}`);
  return { id: `29:${member.objectId}`, aadObjectId: member.objectId, name: member.displayName };
}
const dewi = staff('wijkagent-buiten');
const conversationOf = (user: TeamsUser) => `a:personal-${user.aadObjectId}`;

async function cardsIn(conversationId: string, atLeast: number) {
  for (let attempt = 0; attempt < 400; attempt++) {
    const cards = connector.activities.filter(
      (entry) =>
        entry.conversationId === conversationId && JSON.stringify(entry.activity).includes('/introductie'),
    );
    if (cards.length >= atLeast) return cards;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return [];
}

beforeAll(async () => {
  connector = await startBotConnectorStandIn();
  server = await startTestServer({ botHandler: (deps) => composeBotHandler(deps) });
  const activity = buildTeamsActivity(connector.url, {
    user: dewi,
    conversationId: conversationOf(dewi),
    conversation: { id: conversationOf(dewi), conversationType: 'personal', tenantId: DEMO_TENANT_ID },
    channelData: { tenant: { id: DEMO_TENANT_ID } },
    text: 'help',
  });
  expect((await postActivity(server.url, activity)).status).toBe(200);
});
afterAll(async () => {
  await server?.close();
  await connector?.close();
});

const mehmet = staff('teamchef-stad');
const fleur = staff('integratie-stad');
let havenId: string;
const userId = async (user: TeamsUser) =>
  (
    await server.database.db
      .selectFrom('users')
      .select('id')
      .where('display_name', '=', user.name)
      .executeTakeFirstOrThrow()
  ).id;
const welcomeKeys = async () =>
  (
    await server.database.db
      .selectFrom('teams_outbox')
      .select('idempotency_key')
      .where('purpose', '=', 'introduction-welcome')
      .orderBy('idempotency_key')
      .execute()
  ).map((row) => row.idempotency_key);

/** Writes to the bot as `user` in their 1:1 chat, so the bot can reach them. */
async function writeToBot(user: TeamsUser) {
  const activity = buildTeamsActivity(connector.url, {
    user,
    conversationId: conversationOf(user),
    conversation: { id: conversationOf(user), conversationType: 'personal', tenantId: DEMO_TENANT_ID },
    channelData: { tenant: { id: DEMO_TENANT_ID } },
    text: 'help',
  });
  expect((await postActivity(server.url, activity)).status).toBe(200);
}

function catchUpNotifier() {
  const outbox = createTeamsModule(server.deps).proactiveOutbox();
  if (!outbox) throw new Error('no outbox');
  return new IntroductionWelcomeNotifier({
    db: server.deps.db,
    outbox,
    tabUrl: 'https://tab.example.org/',
    logger: server.deps.logger,
    now: () => new Date(),
    network: async (db, networkId) => {
      const network = await readNetwork(db, networkId);
      return network ? { name: network.name, areaName: network.area.name } : undefined;
    },
    meetings: readMeetingDates,
  });
}

describe('the introduction welcome card', () => {
  it('is queued with the role grant and reaches the newcomer at once, with the network’s essentials', async () => {
    const notifier = catchUpNotifier();
    // Before any role is granted there is nobody to welcome.
    expect(await notifier.scan()).toBe(0);
    const db = server.database.db;
    havenId = (
      await db
        .selectFrom('networks')
        .select('id')
        .where('name', '=', 'Bondgenoten Haven')
        .executeTakeFirstOrThrow()
    ).id;
    const dewiId = await userId(dewi);
    const anouk = await signInAs(server.url, 'Anouk Terpstra');
    const granted = await callApi(server.url, anouk, 'PUT', `/api/v1/networks/${havenId}/roles/${dewiId}`, {
      role: 'member',
    });
    expect(granted.status).toBe(200);
    // Committed with the grant: the row is there when the answer is.
    expect(await welcomeKeys()).toEqual([
      expect.stringMatching(new RegExp(`^introduction-welcome:${havenId}:${dewiId}:`)),
    ]);

    // No scan ran (the server's first one was before the grant, the next is ten minutes away).
    const [sent] = await cardsIn(conversationOf(dewi), 1);
    if (!sent) throw new Error('no welcome card reached the newcomer');
    const card = (sent.activity as { attachments: { content: unknown }[] }).attachments[0]?.content;
    expect(adaptiveCardProblems(card)).toEqual([]);
    const texts = visibleTexts(card).join(' ');
    expect(texts).toContain('Bondgenoten Haven');
    // Haven's coordinators by name; no ally is named on the card.
    expect(texts).toContain('Sanne Verhoef');
    expect(texts).toContain('Joris Amrani');
    expect(JSON.stringify(card)).toMatch(new RegExp(`/netwerken/${havenId}/introductie"`));

    // The catch-up scan (another instance, the next tick) queues nothing new.
    expect(await notifier.scan()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await cardsIn(conversationOf(dewi), 1)).toHaveLength(1);
  });

  it('reaches a newcomer who opens the bot only after the grant through the catch-up scan', async () => {
    const fleurId = await userId(fleur);
    const anouk = await signInAs(server.url, 'Anouk Terpstra');
    const before = await welcomeKeys();
    const granted = await callApi(server.url, anouk, 'PUT', `/api/v1/networks/${havenId}/roles/${fleurId}`, {
      role: 'viewer',
    });
    expect(granted.status).toBe(200);
    // The bot has no conversation with Fleur yet: nothing to queue at the grant.
    expect(await welcomeKeys()).toEqual(before);
    await writeToBot(fleur);
    expect(await catchUpNotifier().scan()).toBe(1);
    expect(await cardsIn(conversationOf(fleur), 1)).toHaveLength(1);
  });

  it('welcomes a successor who gets the leaver’s role, as a grant does', async () => {
    await writeToBot(mehmet);
    const [joris, dewiId, mehmetId] = await Promise.all([
      userId(staff('wijkagent-haven')),
      userId(dewi),
      userId(mehmet),
    ]);
    const anouk = await signInAs(server.url, 'Anouk Terpstra');
    // Joris leaves (Dewi stays for the police), then Dewi, the last police officer, for her successor Mehmet.
    expect(
      (await callApi(server.url, anouk, 'DELETE', `/api/v1/networks/${havenId}/roles/${joris}`)).status,
    ).toBe(204);
    const removed = await callApi(
      server.url,
      anouk,
      'DELETE',
      `/api/v1/networks/${havenId}/roles/${dewiId}?successorUserId=${mehmetId}`,
    );
    expect(removed.status).toBe(204);
    expect(await welcomeKeys()).toContainEqual(
      expect.stringMatching(new RegExp(`^introduction-welcome:${havenId}:${mehmetId}:`)),
    );
    const introductions = await server.database.db
      .selectFrom('introductions')
      .select('user_id')
      .where('network_id', '=', havenId)
      .where('user_id', '=', mehmetId)
      .execute();
    expect(introductions).toHaveLength(1);
    expect(await cardsIn(conversationOf(mehmet), 1)).toHaveLength(1);
  });
});
