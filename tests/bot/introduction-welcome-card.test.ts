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
 * one card reaches her 1:1 chat through the Teams outbox and the connector stand-in, with Haven's essentials and a
 * link to the introduction page; a second scan sends nothing twice.
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

describe('the introduction welcome card', () => {
  it('reaches the newcomer once, with the network’s essentials and a link to the introduction page', async () => {
    const outbox = createTeamsModule(server.deps).proactiveOutbox();
    if (!outbox) throw new Error('no outbox');
    const notifier = new IntroductionWelcomeNotifier({
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
    // Before any role is granted there is nobody to welcome.
    expect(await notifier.scan()).toBe(0);
    const db = server.database.db;
    const havenId = (
      await db
        .selectFrom('networks')
        .select('id')
        .where('name', '=', 'Bondgenoten Haven')
        .executeTakeFirstOrThrow()
    ).id;
    const dewiId = (
      await db
        .selectFrom('users')
        .select('id')
        .where('display_name', '=', dewi.name)
        .executeTakeFirstOrThrow()
    ).id;
    const anouk = await signInAs(server.url, 'Anouk Terpstra');
    const granted = await callApi(server.url, anouk, 'PUT', `/api/v1/networks/${havenId}/roles/${dewiId}`, {
      role: 'member',
    });
    expect(granted.status).toBe(200);

    expect(await notifier.scan()).toBe(1);
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
    const rows = await db
      .selectFrom('teams_outbox')
      .select('idempotency_key')
      .where('purpose', '=', 'introduction-welcome')
      .execute();
    expect(rows.map((row) => row.idempotency_key)).toEqual([
      expect.stringMatching(new RegExp(`^introduction-welcome:${havenId}:${dewiId}:`)),
    ]);

    // A second scan (another instance, the next tick) queues nothing new.
    expect(await notifier.scan()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await cardsIn(conversationOf(dewi), 1)).toHaveLength(1);
  });
});
