import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { cardActivity, createConnectorCardSender } from '../../src/teams/outbox/card-sender.js';
import { type OutboxCard, ProactiveOutbox } from '../../src/teams/outbox/proactive-outbox.js';
import { createTestDatabase } from '../helpers/test-db.js';
import { type BotConnectorStandIn, startBotConnectorStandIn } from '../stand-ins/bot-connector.js';
import { TENANT_ID } from './teams-activity.js';

/**
 * The Teams outbox for proactive cards against the Bot Connector stand-in: idempotent queueing, leased
 * sending by several outboxes at once, and what each connector failure does to a row.
 */
let connector: BotConnectorStandIn;
let database: DatabaseHandle;

function outbox(): ProactiveOutbox {
  return new ProactiveOutbox({
    db: database.db,
    sender: createConnectorCardSender(async () => null, 5_000),
    botId: 'outbox-test-bot',
    logger: pino({ level: 'silent' }),
    random: () => 0,
  });
}

let counter = 0;
function buildCard(overrides: Partial<OutboxCard> = {}): OutboxCard {
  counter += 1;
  return {
    idempotencyKey: `test:${counter}:${crypto.randomUUID()}`,
    purpose: 'test',
    tenantId: TENANT_ID,
    conversationId: `a:outbox-${crypto.randomUUID()}`,
    serviceUrl: connector.url,
    activity: cardActivity({ type: 'AdaptiveCard', version: '1.5', body: [] }),
    ...overrides,
  };
}

async function rowOf(key: string) {
  return database.db
    .selectFrom('teams_outbox')
    .select(['state', 'attempts', 'activity', 'activity_id', 'last_error', 'due_at'])
    .where('idempotency_key', '=', key)
    .executeTakeFirstOrThrow();
}

beforeAll(async () => {
  connector = await startBotConnectorStandIn();
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
  await connector?.close();
});
beforeEach(() => connector.clear());

describe('the Teams outbox', () => {
  it('queues a card once per key and sends it once, keeping the activity id but not the card', async () => {
    const card = buildCard();
    const box = outbox();
    expect(await box.enqueue([card, { ...card, conversationId: 'a:other' }])).toBe(1);
    expect(await box.enqueue([card])).toBe(0);
    await box.drainAll();
    await box.drainAll();
    expect(connector.activities.map((sent) => sent.conversationId)).toEqual([card.conversationId]);
    const row = await rowOf(card.idempotencyKey);
    expect(row).toMatchObject({ state: 'sent', attempts: 1, activity: null });
    expect(row.activity_id).toBe(connector.activities[0]?.id);
  });

  it('sends each card exactly once when three instances drain at the same moment', async () => {
    const cards = Array.from({ length: 12 }, () => buildCard());
    await outbox().enqueue(cards);
    await Promise.all([outbox().drainAll(), outbox().drainAll(), outbox().drainAll()]);
    const sent = connector.activities.map((entry) => entry.conversationId).sort();
    expect(sent).toEqual(cards.map((card) => card.conversationId).sort());
  });

  it('retries a 503 later and sends it then', async () => {
    const card = buildCard();
    connector.addFailure({ status: 503, conversationId: card.conversationId, count: 1 });
    const box = outbox();
    await box.enqueue([card]);
    await box.drainAll();
    expect(await rowOf(card.idempotencyKey)).toMatchObject({
      state: 'pending',
      attempts: 1,
      last_error: 'retry',
    });
    expect(connector.activities).toEqual([]);
    // The back-off has passed, and the conversation's budget (7/s) has refilled.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await database.db
      .updateTable('teams_outbox')
      .set({ due_at: new Date(Date.now() - 1000) })
      .where('idempotency_key', '=', card.idempotencyKey)
      .execute();
    await box.drainAll();
    expect(await rowOf(card.idempotencyKey)).toMatchObject({ state: 'sent', attempts: 2 });
    expect(connector.activities).toHaveLength(1);
  });

  it('holds a throttled conversation for its Retry-After', async () => {
    const card = buildCard();
    connector.addFailure({
      status: 429,
      retryAfterSeconds: 30,
      conversationId: card.conversationId,
      count: 1,
    });
    const box = outbox();
    await box.enqueue([card]);
    const before = Date.now();
    await box.drainAll();
    const row = await rowOf(card.idempotencyKey);
    expect(row).toMatchObject({ state: 'pending', last_error: '429' });
    expect(row.due_at.getTime()).toBeGreaterThanOrEqual(before + 29_000);
  });

  it('gives a card up on a final refusal and drops its content', async () => {
    const card = buildCard();
    connector.addFailure({ status: 403, conversationId: card.conversationId });
    const box = outbox();
    await box.enqueue([card]);
    await box.drainAll();
    expect(await rowOf(card.idempotencyKey)).toMatchObject({
      state: 'failed',
      activity: null,
      last_error: expect.stringMatching(/^403 /),
    });
  });
});
