import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Kysely } from 'kysely';
import { startCallOut } from '../../src/call-outs/call-out-service.js';
import { DeliveryWorker } from '../../src/call-outs/delivery/delivery-worker.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import type { Database } from '../../src/platform/db/schema.js';
import { localDate } from '../../src/platform/time.js';
import { createConnectorCardSender } from '../../src/teams/outbox/card-sender.js';
import {
  accessOf,
  addLargeNetwork,
  deliveryStates,
  originOf,
  renderTestCard,
  settled,
  storeReference,
  TENANT,
  waitFor,
} from '../call-outs/fixtures.js';
import { createTestDatabase } from '../helpers/test-db.js';
import { type BotConnectorStandIn, startBotConnectorStandIn } from '../stand-ins/bot-connector.js';

let database: DatabaseHandle;
let db: Kysely<Database>;
let connector: BotConnectorStandIn;
let worker: DeliveryWorker | null = null;

beforeAll(async () => {
  database = await createTestDatabase({ seed: true });
  db = database.db;
  connector = await startBotConnectorStandIn();
});
afterEach(async () => {
  await worker?.stop();
  worker = null;
  connector.clear();
});
afterAll(async () => {
  await connector?.close();
  await database?.close();
});

async function conversationOf(user: string): Promise<string> {
  const row = await db
    .selectFrom('users')
    .select('aad_object_id')
    .where('id', '=', user)
    .executeTakeFirstOrThrow();
  return `a:personal-${row.aad_object_id}`;
}

/** A staff member outside the network, reachable in Teams: the absent member's back-up. */
async function addOutsideBackup(): Promise<string> {
  const row = await db
    .insertInto('users')
    .values({
      tenant_id: TENANT,
      aad_object_id: randomUUID(),
      display_name: `Proefinvaller ${randomUUID().slice(0, 8)}`,
      organisation: 'politie',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await storeReference(db, row.id, connector.url);
  return row.id;
}

async function absentToday(user: string): Promise<void> {
  const today = localDate(new Date());
  await db
    .insertInto('staff_absences')
    .values({ user_id: user, starts_on: today, ends_on: today, note: null, recorded_by: user })
    .execute();
}

describe('call-out cards while a staff member is absent', () => {
  it('sends the back-up’s card first and the absent member’s last, marked absent', async () => {
    const net = await addLargeNetwork(db, 6, connector.url);
    const absent = net.userIds[2] as string;
    const backup = await addOutsideBackup();
    await db
      .updateTable('network_roles')
      .set({ backup_user_id: backup })
      .where('user_id', '=', absent)
      .execute();
    await absentToday(absent);

    const callOut = await startCallOut(
      db,
      originOf(net.coordinatorId),
      await accessOf(db, net.coordinatorId),
      {
        kind: 'incident',
        urgency: 'immediate',
        summary: 'Fictief incident',
        ask: 'Kom naar het buurthuis',
        placeIds: [net.wijkId],
        communityIds: [],
      },
      new Date(),
    );
    const recipients = await db
      .selectFrom('call_out_recipients')
      .select(['user_id', 'reason', 'backup_for_user_id', 'absent'])
      .where('call_out_id', '=', callOut.id)
      .execute();
    expect(recipients).toHaveLength(7);
    expect(recipients.find((r) => r.user_id === backup)).toEqual({
      user_id: backup,
      reason: 'backup',
      backup_for_user_id: absent,
      absent: false,
    });
    expect(recipients.filter((r) => r.absent).map((r) => r.user_id)).toEqual([absent]);
    // No escalation timer waits for the absent member's silence: the back-up has the card already.
    const timers = await db
      .selectFrom('call_out_timers')
      .select('kind')
      .where('call_out_id', '=', callOut.id)
      .where('kind', '=', 'backup-after-no-answer')
      .execute();
    expect(timers).toEqual([]);
    // The order is decided where workers claim: by due time. The absent member's card is due after every other
    // card, the back-up's among the first; this, not the order the stand-in happens to receive concurrent sends
    // in, is what makes the back-up first.
    const due = await db
      .selectFrom('call_out_deliveries as d')
      .innerJoin('call_out_recipients as r', 'r.id', 'd.recipient_id')
      .select(['r.user_id', 'd.next_attempt_at'])
      .where('r.call_out_id', '=', callOut.id)
      .execute();
    const dueOf = (userId: string) =>
      new Date(due.find((d) => d.user_id === userId)?.next_attempt_at ?? 0).getTime();
    const others = due.filter((d) => d.user_id !== absent).map((d) => dueOf(d.user_id));
    expect(due).toHaveLength(7);
    expect(dueOf(absent)).toBeGreaterThan(Math.max(...others));
    expect(dueOf(backup)).toBe(Math.min(...others));

    worker = new DeliveryWorker({
      db,
      sender: createConnectorCardSender(async () => 'stand-in-token'),
      renderCard: renderTestCard,
      botId: '28:bondgenoten-bot',
      idleMs: 20,
      random: () => 0,
    });
    worker.start();
    await waitFor('every card sent', () => settled(db, callOut.id));
    expect(await deliveryStates(db, callOut.id)).toEqual({ sent: 7 });
    const sends = connector.requests.filter((r) => r.kind === 'send' && r.status === 201);
    expect(sends).toHaveLength(7);
    // The absent member's card, due a second later, leaves after the back-up's.
    const order = sends.map((send) => send.conversationId);
    expect(order.indexOf(await conversationOf(backup))).toBeLessThan(
      order.indexOf(await conversationOf(absent)),
    );
    expect(connector.unhandled).toEqual([]);
  });
});
