/**
 * A delivery worker in a process of its own, for the crash test: it runs against the PostgreSQL database
 * named by CHILD_DATABASE_URL until the test kills it with SIGKILL.
 */

import { DeliveryWorker } from '../../src/call-outs/delivery/delivery-worker.js';
import { openDatabase } from '../../src/platform/db/database.js';
import { createConnectorCardSender } from '../../src/teams/outbox/card-sender.js';
import { renderTestCard } from './fixtures.js';

const url = process.env.CHILD_DATABASE_URL;
if (!url) throw new Error('CHILD_DATABASE_URL is required');
const database = await openDatabase({ kind: 'postgres', url });
const worker = new DeliveryWorker({
  db: database.db,
  sender: createConnectorCardSender(async () => null),
  renderCard: renderTestCard,
  botId: '28:bondgenoten-bot',
  workerId: process.env.WORKER_ID ?? 'child-process',
  leaseMs: Number(process.env.LEASE_MS ?? 2000),
  ...(process.env.RATE_PER_SECOND ? { ratePerSecond: Number(process.env.RATE_PER_SECOND) } : {}),
  idleMs: 20,
});
worker.start();
process.stdout.write('ready\n');
// A polite stop (the stall test) reports how many sends gave up a slot that had passed while stopped.
process.once('SIGTERM', () => {
  void worker.stop().then(async () => {
    process.stdout.write(`stale-slots ${worker.staleSlotCount}\n`);
    await database.close();
    process.exit(0);
  });
});
