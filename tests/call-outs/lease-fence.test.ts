import { describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import { DeliveryWorker, type DeliveryWorkerOptions } from '../../src/call-outs/delivery/delivery-worker.js';
import { cardActivity, createConnectorCardSender } from '../../src/teams/outbox/card-sender.js';
import { ProactiveOutbox } from '../../src/teams/outbox/proactive-outbox.js';
import { deliveryWorkerSuite } from '../helpers/delivery-worker-suite.js';
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
 * A lease that runs out before its worker has sent every row it claimed: the situation of a starved instance
 * (a crowded machine, a long pause), made certain here by a batch that takes longer to send at the paced rate
 * than the lease lasts: 24 rows at 4 per second (6 s) under a 3 s lease. A second loop then claims the rows
 * the first has not sent yet. Before the fence, both sent them (the duplicates of the pressure bench); now
 * the claim that lost its row skips it at the fence, and every card arrives exactly once. The second loop is
 * another instance, or one with the same worker id (as a later round of the same instance claims its own
 * rows again): the lease is per claim, not per worker. Nothing here is timed: the short lease and the slow
 * rate only make sure the takeover happens; what is asserted is counts. Runs on PGlite and PostgreSQL.
 */
const CARDS = 24;
const RATE = 4;
const LEASE_MS = 3_000;

const suite = deliveryWorkerSuite();

function worker(workerId: string, options: Partial<DeliveryWorkerOptions> = {}): DeliveryWorker {
  const created = new DeliveryWorker({
    db: suite.db,
    sender: createConnectorCardSender(async () => null),
    renderCard: renderTestCard,
    botId: '28:bondgenoten-bot',
    workerId,
    ratePerSecond: RATE,
    leaseMs: LEASE_MS,
    batchSize: CARDS,
    sharedBudget: false,
    idleMs: 20,
    random: () => 0,
    ...options,
  });
  suite.workers.push(created);
  return created;
}

/** Sends the stand-in accepted, per conversation. */
function acceptedPerConversation(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of suite.connector.requests)
    if (r.kind === 'send' && r.status === 201)
      counts.set(r.conversationId, (counts.get(r.conversationId) ?? 0) + 1);
  return counts;
}

describe('a lease that runs out before its worker sends', () => {
  it.each([
    ['another instance', 'first', 'second'],
    ["the same instance's later round (same worker id)", 'same', 'same'],
  ])('alert cards: the claim that lost its row does not send it (%s takes over)', async (_, idA, idB) => {
    const net = await addLargeNetwork(suite.db, CARDS, suite.connector.url);
    const callOut = await startIncident(suite.db, net.coordinatorId, net.wijkId);
    const first = worker(idA);
    first.start();
    // The first loop claims the whole batch in its first round; only then does the second one start.
    await waitFor(
      'the batch claimed',
      async () => ((await deliveryStates(suite.db, callOut.id)).sending ?? 0) === CARDS,
    );
    const second = worker(idB);
    second.start();
    await waitFor('every card sent', () => settled(suite.db, callOut.id), 120_000);
    await first.drain();
    await second.drain();

    expect(await deliveryStates(suite.db, callOut.id)).toEqual({ sent: CARDS });
    const perConversation = acceptedPerConversation();
    expect(perConversation.size).toBe(CARDS);
    expect([...perConversation.values()].filter((n) => n > 1)).toEqual([]);
    // The takeover happened: some claim came to a row it no longer held and skipped it.
    expect(first.lostClaimCount + second.lostClaimCount).toBeGreaterThan(0);
  });

  it('Teams outbox cards: the lease that lost its row does not send it', async () => {
    // One outbox per loop, as each instance builds its own; both lease from the one table.
    const source = () =>
      new ProactiveOutbox({
        db: suite.db,
        sender: createConnectorCardSender(async () => null),
        botId: '28:bondgenoten-bot',
        sharedBudget: false,
        leaseMs: LEASE_MS,
        logger: { info: () => {}, warn: () => {}, error: () => {} },
      });
    const cards = Array.from({ length: CARDS }, (_, i) => ({
      idempotencyKey: `lease-fence:${i}:${crypto.randomUUID()}`,
      purpose: 'meeting-proposal',
      tenantId: TENANT,
      conversationId: `a:fence-${crypto.randomUUID()}`,
      serviceUrl: suite.connector.url,
      activity: cardActivity({ type: 'AdaptiveCard', version: '1.5', body: [] }),
    }));
    expect(await source().enqueue(cards)).toBe(CARDS);
    const ours = sql<boolean>`idempotency_key like 'lease-fence:%'`;
    const count = async (where: ReturnType<typeof sql<boolean>>) =>
      Number(
        (
          await suite.db
            .selectFrom('teams_outbox')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where(ours)
            .where(where)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const first = worker('first', { proactiveCards: source() });
    first.start();
    await waitFor(
      'the batch leased',
      async () => (await count(sql<boolean>`lease_owner like 'first%'`)) === CARDS,
    );
    const second = worker('second', { proactiveCards: source() });
    second.start();
    await waitFor(
      'every card sent',
      async () => (await count(sql<boolean>`state = 'sent'`)) === CARDS,
      120_000,
    );
    await first.drain();
    await second.drain();

    const perConversation = acceptedPerConversation();
    expect(perConversation.size).toBe(CARDS);
    expect([...perConversation.values()].filter((n) => n > 1)).toEqual([]);
    // The takeover happened: some cards went out under a later lease than the one that took the whole batch
    // (the second loop's, or the first loop's own later round). A sent row keeps the token it was sent under.
    const tokens = await suite.db.selectFrom('teams_outbox').select('lease_owner').where(ours).execute();
    expect(new Set(tokens.map((row) => row.lease_owner)).size).toBeGreaterThan(1);
  });
});
