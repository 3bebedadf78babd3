import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EvaluationDueNotifier } from '../../src/evaluation/bot/evaluation-due-notifier.js';
import { composeBotHandler } from '../../src/server/compose.js';
import { DEMO_STAFF, DEMO_TENANT_ID } from '../../src/server/seed/demo-data.js';
import { createTeamsModule } from '../../src/teams/module.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { type BotConnectorStandIn, startBotConnectorStandIn } from '../stand-ins/bot-connector.js';
import { adaptiveCardProblems, visibleTexts } from './call-out-fixtures.js';
import { buildTeamsActivity, postActivity, type TeamsUser } from './teams-activity.js';

/**
 * The due-evaluation card over the Bot Framework protocol: Haven's evaluation is overdue (founded in 2019, never
 * evaluated), so its coordinator who wrote to the bot gets one card in her 1:1 chat through the Teams outbox and the
 * connector stand-in; a second scan sends nothing twice; a coordinator the bot cannot reach gets none.
 */
let connector: BotConnectorStandIn;
let server: TestServer;

function staff(key: string): TeamsUser {
  const member = DEMO_STAFF.find((s) => s.key === key);
  if (!member) throw new Error(`no demo staff ${key}`);
  return { id: `29:${member.objectId}`, aadObjectId: member.objectId, name: member.displayName };
}
const sanne = staff('oov-haven'); // coordinator of Haven
const conversationOf = (user: TeamsUser) => `a:personal-${user.aadObjectId}`;

async function say(user: TeamsUser): Promise<void> {
  const activity = buildTeamsActivity(connector.url, {
    user,
    conversationId: conversationOf(user),
    conversation: { id: conversationOf(user), conversationType: 'personal', tenantId: DEMO_TENANT_ID },
    channelData: { tenant: { id: DEMO_TENANT_ID } },
    text: 'help',
  });
  expect((await postActivity(server.url, activity)).status).toBe(200);
}

async function cardsIn(conversationId: string, atLeast: number) {
  for (let attempt = 0; attempt < 400; attempt++) {
    const cards = connector.activities.filter(
      (entry) =>
        entry.conversationId === conversationId && JSON.stringify(entry.activity).includes('/evaluatie'),
    );
    if (cards.length >= atLeast) return cards;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return [];
}

beforeAll(async () => {
  connector = await startBotConnectorStandIn();
  server = await startTestServer({ botHandler: (deps) => composeBotHandler(deps) });
  await say(sanne);
});
afterAll(async () => {
  await server?.close();
  await connector?.close();
});

describe('the due-evaluation card', () => {
  it('reaches the coordinator once, as a valid card that links to the evaluation page', async () => {
    const outbox = createTeamsModule(server.deps).proactiveOutbox();
    if (!outbox) throw new Error('no outbox');
    const notifier = new EvaluationDueNotifier({
      db: server.deps.db,
      outbox,
      tabUrl: 'https://tab.example.org/',
      logger: server.deps.logger,
      now: () => new Date(),
    });
    const havenId = (
      await server.database.db
        .selectFrom('networks')
        .select('id')
        .where('name', '=', 'Bondgenoten Haven')
        .executeTakeFirstOrThrow()
    ).id;
    // The server's own start-up scan may already have queued it (once Sanne's chat was stored): either way one card.
    await notifier.scan();
    const [sent] = await cardsIn(conversationOf(sanne), 1);
    if (!sent) throw new Error('no evaluation card reached the coordinator');
    const attachment = (sent.activity as { attachments: { content: unknown }[] }).attachments[0];
    const card = attachment?.content;
    expect(adaptiveCardProblems(card)).toEqual([]);
    const texts = visibleTexts(card).join(' ');
    expect(texts).toContain('Bondgenoten Haven');
    expect(texts).toMatch(/14 september 2019/);
    // Whichever scan queued it (the server's or this one), the card links to Haven's evaluation page in the tab.
    expect(JSON.stringify(card)).toMatch(new RegExp(`/netwerken/${havenId}/evaluatie"`));
    // Nobody's name or note is on the card: only the network and the date.
    expect(JSON.stringify(card)).not.toMatch(/Yasmina|Roy/);

    const rows = await server.database.db
      .selectFrom('teams_outbox')
      .select('idempotency_key')
      .where('purpose', '=', 'evaluation-due')
      .execute();
    expect(rows.some((row) => row.idempotency_key.startsWith(`evaluation-due:${havenId}:2019-09-14:`))).toBe(
      true,
    );
    // A second scan (another instance, the next timer tick) queues nothing new for Haven's coordinator.
    await notifier.scan();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await cardsIn(conversationOf(sanne), 1)).toHaveLength(1);
  });
});
