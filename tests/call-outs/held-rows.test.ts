import { describe, expect, it } from '@jest/globals';
import { startCallOut } from '../../src/call-outs/call-out-service.js';
import { DeliveryWorker } from '../../src/call-outs/delivery/delivery-worker.js';
import { createConnectorCardSender } from '../../src/teams/outbox/card-sender.js';
import { GROUP_SIZE, type Job, SendPacer } from '../../src/teams/outbox/send-pacer.js';
import { deliveryWorkerSuite } from '../helpers/delivery-worker-suite.js';
import {
  accessOf,
  addLargeNetwork,
  deliveryStates,
  originOf,
  renderTestCard,
  settled,
  TENANT,
  waitFor,
} from './fixtures.js';

/**
 * A worker whose sends outlast their lease (a starved process; made certain here by a slow rate: 24 cards at
 * 4 per second under a 3 s lease) must not claim its own unfinished rows again in its next round: that
 * round's copy was the duplicate under CPU pressure (the first claim's send was already on its way), and at
 * best work done twice (the first claim's fence then lost its row). Another instance still takes a row over
 * once its lease has run out (lease-fence.test.ts). And the loop claims no new round while more than a group
 * of drawn sends still waits for its slot. Nothing is timed; the assertions are counts. PGlite and PostgreSQL.
 */
const CARDS = 24;

const suite = deliveryWorkerSuite();

describe('rows a worker claimed and has not finished', () => {
  it('are not claimed again by its own later rounds when their lease runs out', async () => {
    const net = await addLargeNetwork(suite.db, CARDS, suite.connector.url);
    const worker = new DeliveryWorker({
      db: suite.db,
      sender: createConnectorCardSender(async () => null),
      renderCard: renderTestCard,
      botId: '28:bondgenoten-bot',
      workerId: 'held',
      ratePerSecond: 4,
      leaseMs: 3_000,
      batchSize: CARDS,
      sharedBudget: false,
      idleMs: 20,
      random: () => 0,
    });
    suite.workers.push(worker);
    worker.start();
    const callOut = await startCallOut(
      suite.db,
      originOf(net.coordinatorId),
      await accessOf(suite.db, net.coordinatorId),
      {
        kind: 'incident',
        urgency: 'immediate',
        summary: 'Fictief',
        ask: 'Kom',
        placeIds: [net.wijkId],
        communityIds: [],
      },
      new Date(),
    );
    await waitFor('every card sent', () => settled(suite.db, callOut.id), 120_000);
    await worker.drain();

    expect(await deliveryStates(suite.db, callOut.id)).toEqual({ sent: CARDS });
    const accepted = suite.connector.requests.filter((r) => r.kind === 'send' && r.status === 201);
    expect(new Set(accepted.map((r) => r.conversationId)).size).toBe(CARDS);
    expect(accepted).toHaveLength(CARDS);
    // Every row was claimed once: no claim of this worker lost its row to the worker's own later round.
    expect(worker.lostClaimCount).toBe(0);
    const attempts = await suite.db
      .selectFrom('call_out_deliveries')
      .select('attempts')
      .where('call_out_id', '=', callOut.id)
      .execute();
    expect(attempts.filter((row) => row.attempts !== 1)).toEqual([]);
  }, 120_000);
});

describe('the claim throttle', () => {
  it('resolves only once at most a group of drawn sends still waits for its slot', async () => {
    const pacer = new SendPacer({
      db: suite.db,
      botId: `28:throttle-${crypto.randomUUID()}`,
      ratePerSecond: 50,
      headroom: 0.98,
      sharedBudget: false,
      maxInFlight: 64,
      now: () => new Date(),
      stopping: () => false,
    });
    await pacer.warmClock();
    let sent = 0;
    const jobs = Array.from(
      { length: 6 * GROUP_SIZE },
      (): Job => ({
        tenantId: TENANT,
        conversationId: `a:throttle-${crypto.randomUUID()}`,
        release: async () => undefined,
        send: async () => {
          sent += 1;
        },
      }),
    );
    await pacer.fireInGroups(
      jobs.map((job) => Promise.resolve(job)),
      new Date(),
    );
    // Every job is drawn for; the last groups' slots lie ahead, so more than a group still waits.
    const waitingBefore = pacer.waitingCount;
    await pacer.fewWaiting(GROUP_SIZE);
    const waitingAfter = pacer.waitingCount;
    const sentAfter = sent;
    await pacer.drain();

    expect(waitingBefore).toBeGreaterThan(GROUP_SIZE);
    expect(waitingAfter).toBeLessThanOrEqual(GROUP_SIZE);
    expect(sentAfter).toBeGreaterThanOrEqual(jobs.length - GROUP_SIZE);
    expect(sent).toBe(jobs.length);
    expect(pacer.waitingCount).toBe(0);
  });
});
