import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Kysely } from 'kysely';
import { DbCallOutAnswers } from '../../src/call-outs/answers.js';
import { startCallOut } from '../../src/call-outs/call-out-service.js';
import { DeliveryWorker } from '../../src/call-outs/delivery/delivery-worker.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import type { Database } from '../../src/platform/db/schema.js';
import { createConnectorCardSender } from '../../src/teams/outbox/card-sender.js';
import { createTestDatabase } from '../helpers/test-db.js';
import { type BotConnectorStandIn, startBotConnectorStandIn } from '../stand-ins/bot-connector.js';
import {
  accessOf,
  areaId,
  originOf,
  renderTestCard,
  settled,
  storeReference,
  userId,
  waitFor,
} from './fixtures.js';

let database: DatabaseHandle;
let db: Kysely<Database>;
let connector: BotConnectorStandIn;

const MINUTE = 60_000;

/**
 * A fresh worker instance whose clock starts at `at` and then runs on: what another instance sees after a
 * restart. The clock must run: a frozen one never reaches a back-off or a conversation's Retry-After, so a
 * single 429 or 503 under load would stall the test (seen once in CI).
 */
function instanceAt(at: Date): DeliveryWorker {
  const started = Date.now();
  return new DeliveryWorker({
    db,
    sender: createConnectorCardSender(async () => null),
    renderCard: renderTestCard,
    botId: '28:bondgenoten-bot',
    idleMs: 20,
    now: () => new Date(at.getTime() + (Date.now() - started)),
  });
}

/** Runs rounds until a round finds nothing to do and no card waits: timers fire in the first round. */
async function runUntilSettled(worker: DeliveryWorker, callOutId: string): Promise<void> {
  await waitFor('cards settled', async () => {
    const worked = await worker.runOnce();
    await worker.drain();
    return worked === 0 && (await settled(db, callOutId));
  });
}

beforeAll(async () => {
  database = await createTestDatabase({ seed: true });
  db = database.db;
  connector = await startBotConnectorStandIn();
});
afterAll(async () => {
  await connector?.close();
  await database?.close();
});

describe('escalation timers', () => {
  it('fire from the database after a restart: back-up after N minutes, reminders, then the next group', async () => {
    const [sanne, joris, petra, dewi, anouk, mehmet] = (await Promise.all(
      [
        'Sanne Verhoef',
        'Joris Amrani',
        'Petra Lindeboom',
        'Dewi Sastromedjo',
        'Anouk Terpstra',
        'Mehmet Kaya-de Bruin',
      ].map((name) => userId(db, name)),
    )) as [string, string, string, string, string, string];
    for (const user of [sanne, joris, petra, dewi, anouk, mehmet])
      await storeReference(db, user, connector.url);
    const municipality = await db.selectFrom('municipalities').select('id').executeTakeFirstOrThrow();
    await db
      .insertInto('call_out_settings')
      .values({
        municipality_id: municipality.id,
        backup_after_minutes: 10,
        min_available_staff: 2,
        next_group_after_minutes: 20,
        reminder_after_minutes: 5,
      })
      .execute();
    await db
      .insertInto('call_out_crisis_team')
      .values([anouk, mehmet].map((user_id) => ({ municipality_id: municipality.id, user_id })))
      .execute();
    // Petra (secretary of Haven) has a back-up outside the call-out: Dewi.
    await db
      .updateTable('network_roles')
      .set({ backup_user_id: dewi })
      .where('user_id', '=', petra)
      .execute();

    const t0 = new Date();
    const callOut = await startCallOut(
      db,
      originOf(sanne),
      await accessOf(db, sanne),
      {
        kind: 'incident',
        urgency: 'immediate',
        summary: 'Fictieve brand',
        ask: 'Kom',
        placeIds: [await areaId(db, 'De Marken')],
        communityIds: [],
      },
      t0,
    );
    await runUntilSettled(instanceAt(t0), callOut.id);
    await new DbCallOutAnswers(db).answer(
      {
        tenantId: '00000000-0000-4000-8000-0000000000a1',
        aadObjectId: '00000000-0000-4000-8000-000000000102',
      },
      { callOutId: callOut.id, answer: 'coming', note: null, etaMinutes: 15 },
      t0,
    );

    // Another instance, 11 minutes later: the reminder (5) and back-up (10) timers are due; next group (20) not.
    await runUntilSettled(instanceAt(new Date(t0.getTime() + 11 * MINUTE)), callOut.id);
    const recipients = async () =>
      db
        .selectFrom('call_out_recipients')
        .select(['user_id', 'reason', 'backup_for_user_id'])
        .where('call_out_id', '=', callOut.id)
        .execute();
    expect((await recipients()).filter((r) => r.reason !== 'network-staff')).toEqual([
      { user_id: dewi, reason: 'backup', backup_for_user_id: petra },
    ]);
    const reminders = await db
      .selectFrom('call_out_deliveries as d')
      .innerJoin('call_out_recipients as r', 'r.id', 'd.recipient_id')
      .select(['r.user_id', 'd.state'])
      .where('d.call_out_id', '=', callOut.id)
      .where('d.kind', '=', 'reminder')
      .execute();
    // Joris answered; Sanne and Petra had not, so they get a reminder.
    expect(reminders.map((r) => r.user_id).sort()).toEqual([sanne, petra].sort());
    expect(reminders.every((r) => r.state === 'sent')).toBe(true);

    // Two instances at minute 21 race for the next-group timer; it fires once.
    const a = instanceAt(new Date(t0.getTime() + 21 * MINUTE));
    const b = instanceAt(new Date(t0.getTime() + 21 * MINUTE));
    await Promise.all([a.runOnce(), b.runOnce()]);
    await Promise.all([a.drain(), b.drain()]);
    await runUntilSettled(a, callOut.id);
    const crisis = (await recipients()).filter((r) => r.reason === 'crisis-team').map((r) => r.user_id);
    expect(crisis.sort()).toEqual([anouk, mehmet].sort());
    const events = await db
      .selectFrom('call_out_events')
      .select('kind')
      .where('call_out_id', '=', callOut.id)
      .orderBy('id')
      .execute();
    const kinds = events.map((e) => e.kind);
    expect(kinds.filter((k) => k === 'escalated-to-next-group')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'escalated-to-backup')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'reminders-queued')).toHaveLength(1);
    const unfired = await db
      .selectFrom('call_out_timers')
      .select('kind')
      .where('call_out_id', '=', callOut.id)
      .where('fired_at', 'is', null)
      .execute();
    expect(unfired).toEqual([]);
    // Every added recipient got exactly one alert.
    const anoukConversation = connector.requests.filter(
      (r) => r.kind === 'send' && r.conversationId.endsWith('000000000100'),
    );
    expect(anoukConversation).toHaveLength(1);
  });
});
