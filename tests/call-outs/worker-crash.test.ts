import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DeliveryWorker } from '../../src/call-outs/delivery/delivery-worker.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { createConnectorCardSender } from '../../src/teams/outbox/card-sender.js';
import { type BotConnectorStandIn, startBotConnectorStandIn } from '../stand-ins/bot-connector.js';
import {
  addLargeNetwork,
  deliveryStates,
  renderTestCard,
  settled,
  startIncident,
  waitFor,
} from './fixtures.js';
import { createScratchPostgres, resolveAdminUrl, type ScratchPostgres } from './scratch-postgres.js';

/**
 * kill -9 of a worker process in the middle of a fan-out, then a new worker: every recipient gets the card,
 * and only sends that were in flight at the kill can arrive twice. A second process needs a database server
 * both can reach, so this runs on PostgreSQL only: TEST_DATABASE_URL, else the
 * server on 127.0.0.1:5432 (see resolveAdminUrl).
 */
const ADMIN_URL = await resolveAdminUrl('worker-crash');
const RECIPIENTS = 120;

let scratch: ScratchPostgres | undefined;
let url: string;
let database: DatabaseHandle;
let connector: BotConnectorStandIn;
let child: ChildProcess | null = null;

(!ADMIN_URL ? describe.skip : describe)(
  'a worker killed with SIGKILL mid-fan-out (PostgreSQL only: PGlite lives inside one process)',
  () => {
    beforeAll(async () => {
      scratch = await createScratchPostgres(ADMIN_URL as string, 'crash');
      ({ url, database } = scratch);
      connector = await startBotConnectorStandIn();
    });
    afterAll(async () => {
      child?.kill('SIGKILL');
      await connector?.close();
      await scratch?.drop();
    });

    it('delivers every card after a restart; duplicates only for sends in flight at the kill', async () => {
      const db = database.db;
      const net = await addLargeNetwork(db, RECIPIENTS, connector.url);
      // Slow answers keep sends in flight, so the kill lands between sending and recording some of them.
      connector.setLatency(300);
      const callOut = await startIncident(db, net.coordinatorId, net.wijkId);
      const script = fileURLToPath(new URL('./worker-child.ts', import.meta.url));
      child = spawn(process.execPath, ['--import', 'tsx', script], {
        env: { ...process.env, CHILD_DATABASE_URL: url, LEASE_MS: '2000' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await waitFor(
        'some cards sent by the child',
        async () => ((await deliveryStates(db, callOut.id)).sent ?? 0) >= 30,
      );
      child.kill('SIGKILL');
      await new Promise((resolve) => child?.once('exit', resolve));
      child = null;
      // Let the stand-in finish reading anything the dead process had already written to the socket.
      await new Promise((resolve) => setTimeout(resolve, 300));

      // Accepted, not merely arrived: a send the connector refused (a 429 from the paced burst, say) was never
      // delivered, so the successor's send of it is the first copy, not a duplicate.
      const acceptedBeforeKill = new Set(
        connector.requests.filter((r) => r.kind === 'send' && r.status === 201).map((r) => r.conversationId),
      );
      const unrecorded = await db
        .selectFrom('call_out_deliveries as d')
        .innerJoin('call_out_recipients as r', 'r.id', 'd.recipient_id')
        .innerJoin('users as u', 'u.id', 'r.user_id')
        .select('u.aad_object_id')
        .where('d.call_out_id', '=', callOut.id)
        .where('d.state', '=', 'sending')
        .execute();
      // In flight: claimed, accepted by the connector, not recorded as sent when the process died.
      const inFlight = new Set(
        unrecorded.map((u) => `a:personal-${u.aad_object_id}`).filter((c) => acceptedBeforeKill.has(c)),
      );
      expect((await deliveryStates(db, callOut.id)).sent ?? 0).toBeLessThan(RECIPIENTS);
      // With 300 ms answers at ~49/s, about fifteen sends are always on their way: the kill caught some.
      expect(inFlight.size).toBeGreaterThan(0);

      connector.setLatency(0);
      const successor = new DeliveryWorker({
        db,
        sender: createConnectorCardSender(async () => null),
        renderCard: renderTestCard,
        botId: '28:bondgenoten-bot',
        idleMs: 20,
      });
      successor.start();
      try {
        await waitFor('every card sent after the restart', () => settled(db, callOut.id), 60_000);
      } finally {
        await successor.stop();
      }
      expect(await deliveryStates(db, callOut.id)).toEqual({ sent: RECIPIENTS });
      const accepted = connector.requests.filter((r) => r.kind === 'send' && r.status === 201);
      const perConversation = new Map<string, number>();
      for (const r of accepted)
        perConversation.set(r.conversationId, (perConversation.get(r.conversationId) ?? 0) + 1);
      expect(perConversation.size).toBe(RECIPIENTS);
      const duplicated = [...perConversation].filter(([, n]) => n > 1).map(([c]) => c);
      // Exactly the in-flight sends arrived twice: the rest were either recorded or never reached the connector.
      expect(duplicated.sort()).toEqual([...inFlight].sort());
      expect(Math.max(...perConversation.values())).toBe(2);
    });
  },
);
