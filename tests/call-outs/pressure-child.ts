/**
 * A whole fan-out in a process of its own (database, worker and call-out), for the pressure test: the test
 * pauses this process with SIGSTOP/SIGCONT, as a crowded machine would, database included when it is PGlite.
 * It reports `started` once the call-out is on its way and, on SIGTERM, the outbox states and stale slots.
 */
import { DeliveryWorker } from '../../src/call-outs/delivery/delivery-worker.js';
import { createConnectorCardSender } from '../../src/teams/outbox/card-sender.js';
import { createTestDatabase } from '../helpers/test-db.js';
import { addLargeNetwork, deliveryStates, renderTestCard, startIncident } from './fixtures.js';

const connectorUrl = process.env.CONNECTOR_URL;
if (!connectorUrl) throw new Error('CONNECTOR_URL is required');
const recipients = Number(process.env.RECIPIENTS ?? 300);
const database = await createTestDatabase({ seed: true });
const db = database.db;
const net = await addLargeNetwork(db, recipients, connectorUrl);
const worker = new DeliveryWorker({
  db,
  sender: createConnectorCardSender(async () => null),
  renderCard: renderTestCard,
  botId: '28:bondgenoten-bot',
  workerId: 'pressed',
  // The shared-budget path (PostgreSQL in production) with its stale-slot guard: the path that livelocked.
  sharedBudget: process.env.SHARED_BUDGET !== 'false',
  idleMs: 20,
  // A shorter lease (LEASE_MS) makes leases run out while the paused process is starved: the duplicates' path.
  ...(process.env.LEASE_MS ? { leaseMs: Number(process.env.LEASE_MS) } : {}),
});
worker.start();
const startedAt = performance.timeOrigin + performance.now();
const callOut = await startIncident(db, net.coordinatorId, net.wijkId);
const aad = await db.selectFrom('users').select('aad_object_id').where('id', 'in', net.userIds).execute();
// The stand-in's conversation ids for the recipients, so the bench can count lost and doubled cards.
process.stdout.write(`conversations ${JSON.stringify(aad.map((r) => `a:personal-${r.aad_object_id}`))}\n`);
process.stdout.write(`started ${startedAt}\n`);
process.once('SIGTERM', () => {
  void worker.stop().then(async () => {
    const states = await deliveryStates(db, callOut.id);
    // Why cards were retried (a connector timeout, a 429): the last error and attempts of each row.
    const retried = await db
      .selectFrom('call_out_deliveries')
      .select(['last_error', 'attempts'])
      .where('call_out_id', '=', callOut.id)
      .where('attempts', '>', 1)
      .execute();
    process.stdout.write(
      `result ${JSON.stringify({ states, stale: worker.staleSlotCount, lostClaims: worker.lostClaimCount, retried })}\n`,
    );
    await database.close();
    process.exit(0);
  });
});
