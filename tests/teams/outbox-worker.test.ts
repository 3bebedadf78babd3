import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import {
  type OutboxClaim,
  type OutboxJobSource,
  type OutboxLoop,
  type OutboxRound,
  OutboxWorker,
} from '../../src/teams/outbox/outbox-worker.js';
import type { Job } from '../../src/teams/outbox/send-pacer.js';
import { createTestDatabase } from '../helpers/test-db.js';

/**
 * The generic outbox loop's round rules, with sources whose rows are plain counters: the crisis source has a
 * batch of its own and ends the round when it fills it; the others share one batch's room in their order.
 * Sends only note their order (no connector is involved: the loop never sees one, the sources send).
 */
let database: DatabaseHandle;

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
});
afterAll(async () => {
  await database?.close();
});

class CountingSource implements OutboxJobSource {
  readonly asked: number[] = [];
  /** How many jobs each coming round hands out (at most its limit); empty: none. */
  due: number[] = [];
  loop: OutboxLoop | null = null;

  constructor(
    readonly name: string,
    readonly sent: string[],
    readonly ownBatch = false,
  ) {}

  attach(loop: OutboxLoop): void {
    this.loop = loop;
  }

  async claim(round: OutboxRound): Promise<OutboxClaim> {
    this.asked.push(round.limit);
    const count = Math.min(round.limit, this.due.shift() ?? 0);
    const jobs = Array.from({ length: count }, (_, i): Job => {
      const id = `${this.name}-${crypto.randomUUID()}-${i}`;
      return {
        tenantId: 'tenant',
        conversationId: id,
        release: async () => {},
        send: async () => {
          this.sent.push(this.name);
        },
      };
    });
    return { jobs: jobs.map((job) => Promise.resolve(job)) };
  }
}

function loopWith(sources: OutboxJobSource[]): OutboxWorker {
  return new OutboxWorker({
    db: database.db,
    sender: {},
    sources,
    botId: `28:loop-test-${crypto.randomUUID()}`,
    sharedBudget: false,
    batchSize: 3,
  });
}

describe('the outbox loop', () => {
  it('ends the round when the crisis source fills its own batch, and shares one batch among the others', async () => {
    const sent: string[] = [];
    const alerts = new CountingSource('alert', sent, true);
    const updates = new CountingSource('update', sent);
    const others = new CountingSource('other', sent);
    const loop = loopWith([alerts, updates]);
    loop.addSource(others);
    expect(others.loop).toBe(loop);

    // A full batch of alerts: nobody else is asked in that round.
    // (A source's `due` list is used up only in the rounds it is asked in.)
    alerts.due = [3, 1, 0];
    updates.due = [2, 3];
    others.due = [3, 3];
    expect(await loop.runOnce()).toBe(3);
    expect(updates.asked).toEqual([]);
    expect(others.asked).toEqual([]);
    // One alert: the updates get a whole batch (the alerts' batch is their own), the others the room left.
    expect(await loop.runOnce()).toBe(1 + 2 + 1);
    expect(updates.asked).toEqual([3]);
    expect(others.asked).toEqual([1]);
    // Updates filling the shared room leave none for the others: they are not asked at all.
    expect(await loop.runOnce()).toBe(3);
    expect(others.asked).toEqual([1]);
    await loop.drain();
    // Every claimed job went out through the pacer (slot timing may interleave rounds by a few ms).
    const count = (name: string) => sent.filter((source) => source === name).length;
    expect([count('alert'), count('update'), count('other')]).toEqual([4, 5, 1]);
  });

  it('waits on stop for work a source does beside the loop', async () => {
    let finish: () => void = () => {};
    const beside = new Promise<void>((resolve) => {
      finish = resolve;
    });
    let stopped = false;
    const source: OutboxJobSource = {
      claim: async () => ({ jobs: [] }),
      settled: () => beside,
    };
    const loop = loopWith([source]);
    loop.start();
    expect(loop.stopping()).toBe(false);
    const stopping = loop.stop().then(() => {
      stopped = true;
    });
    expect(loop.stopping()).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
  });
});
