import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { type BotConnectorStandIn, startBotConnectorStandIn } from '../stand-ins/bot-connector.js';
import { addLargeNetwork, deliveryStates, settled, startIncident, waitFor } from './fixtures.js';
import { createScratchPostgres, resolveAdminUrl, type ScratchPostgres } from './scratch-postgres.js';

/**
 * Two worker processes share one rate budget and are frozen (SIGSTOP, as in a paused virtual machine) in the
 * middle of a fan-out while they hold app slots, then thawed. The slots that passed while they were frozen
 * must be given up and drawn again rather than all used at once next to fresh ones: the stand-in
 * (50/s per app, 7/s per conversation) refuses nothing, and every card arrives exactly once.
 * Two processes need a database server both reach, so this runs on PostgreSQL only: TEST_DATABASE_URL, else the
 * server on 127.0.0.1:5432 (see resolveAdminUrl).
 */
const ADMIN_URL = await resolveAdminUrl('worker-stall');
const RECIPIENTS = 240;
// Below the stand-in's 50/s, so the test process's own jitter in timing arrivals is no refusal; a frozen
// instance's stale slots (up to ~20) would still push a second well past 50.
const RATE = '40';

let scratch: ScratchPostgres | undefined;
let url: string;
let database: DatabaseHandle;
let connector: BotConnectorStandIn;
const children: ChildProcess[] = [];

function startChild(workerId: string): ChildProcess {
  const script = fileURLToPath(new URL('./worker-child.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: {
      ...process.env,
      CHILD_DATABASE_URL: url,
      WORKER_ID: workerId,
      RATE_PER_SECOND: RATE,
      LEASE_MS: '30000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  outputs.set(child, '');
  child.stdout?.on('data', (chunk: Buffer) => {
    outputs.set(child, (outputs.get(child) ?? '') + chunk.toString());
  });
  return child;
}

const outputs = new Map<ChildProcess, string>();

/** Resolves once the child has started its worker (compiling it takes a while on a loaded machine). */
async function ready(child: ChildProcess): Promise<void> {
  await waitFor('the worker process ready', async () => /ready/.test(outputs.get(child) ?? ''), 90_000);
}

async function stopChild(child: ChildProcess): Promise<number> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  return Number(/stale-slots (\d+)/.exec(outputs.get(child) ?? '')?.[1] ?? Number.NaN);
}

(!ADMIN_URL ? describe.skip : describe)(
  'a worker frozen mid-fan-out (PostgreSQL only: two processes)',
  () => {
    beforeAll(async () => {
      scratch = await createScratchPostgres(ADMIN_URL as string, 'stall');
      ({ url, database } = scratch);
      connector = await startBotConnectorStandIn();
    });
    afterAll(async () => {
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
      await connector?.close();
      await scratch?.drop();
    });

    it('gives up the slots that passed while it was frozen, so the two together stay inside the limit', async () => {
      const db = database.db;
      const net = await addLargeNetwork(db, RECIPIENTS, connector.url);
      const frozen = startChild('frozen');
      const steady = startChild('steady');
      await ready(frozen);
      await ready(steady);
      const callOut = await startIncident(db, net.coordinatorId, net.wijkId);
      await waitFor(
        'the fan-out under way',
        async () => ((await deliveryStates(db, callOut.id)).sent ?? 0) >= 60,
      );
      // Both freeze, as in a paused virtual machine: each wakes with slots whose time has passed.
      frozen.kill('SIGSTOP');
      steady.kill('SIGSTOP');
      await new Promise((resolve) => setTimeout(resolve, 700));
      frozen.kill('SIGCONT');
      steady.kill('SIGCONT');
      await waitFor('every card sent', () => settled(db, callOut.id), 60_000);

      const stale = (await stopChild(frozen)) + (await stopChild(steady));
      const peak = connector.peakPerSecond();
      console.info(
        `stall: stale ${stale}, requests ${connector.requests.length}, peak ${peak.app}/s app, ${peak.conversation}/s conversation`,
      );
      expect(await deliveryStates(db, callOut.id)).toEqual({ sent: RECIPIENTS });
      const refused = connector.requests.filter(
        (r) => r.refusal === 'app-limit' || r.refusal === 'conversation-limit',
      );
      expect(refused).toEqual([]);
      expect(connector.peakPerSecond().app).toBeLessThanOrEqual(50);
      const accepted = connector.requests.filter((r) => r.kind === 'send' && r.status === 201);
      expect(new Set(accepted.map((r) => r.conversationId)).size).toBe(RECIPIENTS);
      expect(accepted).toHaveLength(RECIPIENTS);
      // The freeze caught the instances holding slots: the scenario this test is about happened.
      expect(stale).toBeGreaterThan(0);
    }, 240_000);
  },
);
