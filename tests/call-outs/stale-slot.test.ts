import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { SLOT_LATE_MS } from '../../src/teams/outbox/rate-budget.js';
import { type Job, SendPacer } from '../../src/teams/outbox/send-pacer.js';
import { createTestDatabase } from '../helpers/test-db.js';

/**
 * A send whose process stalls between drawing its app slot and sending (a starved worker) finds its slot
 * stale and gives it up. It used to put its row back in the outbox; on a CPU-starved worker every slot was
 * stale, so the rows went round claim, prepare, draw, give up, release without end (0 of 200 cards in 150 s
 * with four busy loops on the worker's core). Now the prepared job keeps its claim and draws a fresh slot, and
 * that second slot is used however late. The stall is made certain by blocking the event loop for four times
 * the stale-slot limit right after the draw; nothing is timed, the assertions are counts. PGlite and PostgreSQL.
 */
let database: DatabaseHandle;

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
});
afterAll(async () => {
  await database?.close();
});

function blockEventLoop(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // A starved process: nothing else runs meanwhile, the slot's timer included.
  }
}

/** A prepared request that records what the pacer did with it. */
function recordingJob(): Job & { sends: number; releases: number } {
  const job = {
    tenantId: '00000000-0000-4000-8000-0000000000a1',
    conversationId: `a:stale-${crypto.randomUUID()}`,
    sends: 0,
    releases: 0,
    release: async () => {
      job.releases += 1;
    },
    send: async () => {
      job.sends += 1;
    },
  };
  return job;
}

describe('a send that stalls after drawing its slot', () => {
  it('keeps its job and sends it on a fresh slot, instead of putting the row back', async () => {
    const pacer = new SendPacer({
      db: database.db,
      botId: `28:stale-${crypto.randomUUID()}`,
      ratePerSecond: 50,
      headroom: 0.98,
      sharedBudget: true,
      maxInFlight: 64,
      now: () => new Date(),
      stopping: () => false,
    });
    await pacer.warmClock();
    const job = recordingJob();
    await pacer.fireInGroups([Promise.resolve(job)], new Date());
    // The slot is drawn and the send is waiting for it: the process now stalls well past the limit.
    blockEventLoop(SLOT_LATE_MS * 4);
    await pacer.drain();

    expect(pacer.staleSlotCount).toBe(1);
    expect(job.releases).toBe(0);
    expect(job.sends).toBe(1);
    expect(pacer.waitingCount).toBe(0);
  });
});
