import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Kysely } from 'kysely';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { DbCallOutAnswers } from '../../src/call-outs/answers.js';
import { closeCallOut, startCallOut } from '../../src/call-outs/call-out-service.js';
import { CallOutAnswerError, type CardActor } from '../../src/call-outs/contract.js';
import { DeliveryWorker } from '../../src/call-outs/delivery/delivery-worker.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import type { Database } from '../../src/platform/db/schema.js';
import { createConnectorCardSender } from '../../src/teams/outbox/card-sender.js';
import { createTestDatabase } from '../helpers/test-db.js';
import { type BotConnectorStandIn, startBotConnectorStandIn } from '../stand-ins/bot-connector.js';
import {
  accessOf,
  areaId,
  communityId,
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
let worker: DeliveryWorker | null = null;
let ids: Record<'sanne' | 'joris' | 'petra' | 'dewi', string>;

async function actor(user: string): Promise<CardActor> {
  const row = await db
    .selectFrom('users')
    .select(['tenant_id', 'aad_object_id'])
    .where('id', '=', user)
    .executeTakeFirstOrThrow();
  return { tenantId: row.tenant_id, aadObjectId: row.aad_object_id };
}

function startWorker(): DeliveryWorker {
  worker = new DeliveryWorker({
    db,
    sender: createConnectorCardSender(async () => null),
    renderCard: renderTestCard,
    botId: '28:bondgenoten-bot',
    idleMs: 20,
  });
  worker.start();
  return worker;
}

async function start() {
  return startCallOut(
    db,
    originOf(ids.sanne),
    await accessOf(db, ids.sanne),
    {
      kind: 'tension',
      urgency: 'immediate',
      summary: 'Fictieve onrust na een voorval',
      ask: 'Peil de achterban',
      placeIds: [await areaId(db, 'Centrum Haven')],
      communityIds: [await communityId(db, 'Marokkaans')],
    },
    new Date(),
  );
}

async function version(callOutId: string): Promise<number> {
  return (
    await db.selectFrom('call_outs').select('version').where('id', '=', callOutId).executeTakeFirstOrThrow()
  ).version;
}

beforeAll(async () => {
  database = await createTestDatabase({ seed: true });
  db = database.db;
  connector = await startBotConnectorStandIn();
  ids = {
    sanne: await userId(db, 'Sanne Verhoef'),
    joris: await userId(db, 'Joris Amrani'),
    petra: await userId(db, 'Petra Lindeboom'),
    dewi: await userId(db, 'Dewi Sastromedjo'),
  };
  for (const user of [ids.sanne, ids.joris, ids.petra]) await storeReference(db, user, connector.url);
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

describe('answers through CallOutAnswers (the card’s side of the contract)', () => {
  it('records an answer, replaces it on a second one, bumps the version and keeps the tally', async () => {
    const callOut = await start();
    const answers = new DbCallOutAnswers(db);
    const joris = await actor(ids.joris);
    const first = await answers.answer(
      joris,
      { callOutId: callOut.id, answer: 'coming', note: 'Over 10 min', etaMinutes: 10 },
      new Date(),
    );
    expect(first.changed).toBe(false);
    expect(first.view.version).toBe(2);
    expect(first.view.tally).toEqual({ coming: 1, callingAllies: 0, unavailable: 0, pending: 2 });
    expect(first.view.mine).toMatchObject({ answer: 'coming', note: 'Over 10 min', etaMinutes: 10 });

    const second = await answers.answer(
      joris,
      { callOutId: callOut.id, answer: 'unavailable', note: null, etaMinutes: null },
      new Date(),
    );
    expect(second.changed).toBe(true);
    expect(second.view.version).toBe(3);
    expect(second.view.tally).toEqual({ coming: 0, callingAllies: 0, unavailable: 1, pending: 2 });
    expect(second.view.answers).toEqual([
      { displayName: 'Joris Amrani', answer: 'unavailable', note: null, etaMinutes: null },
    ]);
    const rows = await db
      .selectFrom('call_out_answers')
      .selectAll()
      .where('call_out_id', '=', callOut.id)
      .execute();
    expect(rows).toHaveLength(1);

    // The view of another recipient shows the same tally, with their own call list and no answer of theirs.
    const sanneView = await answers.view(await actor(ids.sanne), callOut.id);
    expect(sanneView.tally).toEqual(second.view.tally);
    expect(sanneView.mine).toBeNull();
    // Her card refreshes for her alone: her own Teams user id, nobody else's.
    const sanne = await db
      .selectFrom('users')
      .select('aad_object_id')
      .where('id', '=', ids.sanne)
      .executeTakeFirstOrThrow();
    expect(sanneView.refreshUserIds).toEqual([`8:orgid:${sanne.aad_object_id}`]);
    const callers = await db
      .selectFrom('call_out_allies')
      .select(['caller_user_id', 'person_id'])
      .where('call_out_id', '=', callOut.id)
      .execute();
    expect(sanneView.callList.map((c) => c.personId).sort()).toEqual(
      callers
        .filter((c) => c.caller_user_id === ids.sanne)
        .map((c) => c.person_id)
        .sort(),
    );
    await sealAuditJournal(db);
    const audit = await db
      .selectFrom('audit_events')
      .select('action')
      .where('object_id', '=', callOut.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'call-out.start',
      'call-out.answer',
      'call-out.answer-change',
    ]);
  });

  it('refuses strangers, unknown call-outs and bad input without changing anything', async () => {
    const callOut = await start();
    const answers = new DbCallOutAnswers(db);
    const input = { callOutId: callOut.id, answer: 'coming' as const, note: null, etaMinutes: null };
    const codeOf = (promise: Promise<unknown>) =>
      promise.then(
        () => 'accepted',
        (error: unknown) => (error instanceof CallOutAnswerError ? error.code : String(error)),
      );
    expect(await codeOf(answers.answer(await actor(ids.dewi), input, new Date()))).toBe('not-a-recipient');
    expect(await codeOf(answers.answer({ tenantId: 'x', aadObjectId: 'y' }, input, new Date()))).toBe(
      'not-a-recipient',
    );
    const joris = await actor(ids.joris);
    expect(
      await codeOf(
        answers.answer(joris, { ...input, callOutId: '00000000-0000-4000-8000-000000000000' }, new Date()),
      ),
    ).toBe('not-found');
    expect(await codeOf(answers.answer(joris, { ...input, callOutId: 'not-an-id' }, new Date()))).toBe(
      'not-found',
    );
    expect(await codeOf(answers.answer(joris, { ...input, etaMinutes: -5 }, new Date()))).toBe('invalid');
    expect(await codeOf(answers.answer(joris, { ...input, answer: 'maybe' as 'coming' }, new Date()))).toBe(
      'invalid',
    );
    expect(await codeOf(answers.answer(joris, { ...input, note: 'x'.repeat(501) }, new Date()))).toBe(
      'invalid',
    );
    expect(await version(callOut.id)).toBe(1);

    await closeCallOut(
      db,
      originOf(ids.sanne),
      await accessOf(db, ids.sanne),
      callOut.id,
      { evaluationNote: 'Fictieve evaluatie' },
      new Date(),
    );
    expect(await codeOf(answers.answer(joris, input, new Date()))).toBe('closed');
    expect(
      await db.selectFrom('call_out_answers').selectAll().where('call_out_id', '=', callOut.id).execute(),
    ).toEqual([]);
  });

  it('refreshes every sent copy once per burst of changes, showing the latest version', async () => {
    const callOut = await start();
    startWorker();
    await waitFor('cards sent', () => settled(db, callOut.id));
    await worker?.stop();
    const answers = new DbCallOutAnswers(db);
    for (const [user, answer] of [
      [ids.joris, 'coming'],
      [ids.petra, 'calling-allies'],
      [ids.joris, 'unavailable'],
      [ids.sanne, 'coming'],
    ] as const)
      await answers.answer(
        await actor(user),
        { callOutId: callOut.id, answer, note: null, etaMinutes: null },
        new Date(),
      );
    expect(await version(callOut.id)).toBe(5);
    const queued = await db
      .selectFrom('call_out_card_updates')
      .select('wanted_version')
      .where('call_out_id', '=', callOut.id)
      .execute();
    expect(queued).toEqual([{ wanted_version: 5 }, { wanted_version: 5 }, { wanted_version: 5 }]);

    startWorker();
    await waitFor('updates sent', async () => {
      const left = await db
        .selectFrom('call_out_card_updates')
        .select('delivery_id')
        .where('call_out_id', '=', callOut.id)
        .execute();
      return left.length === 0;
    });
    const puts = connector.requests.filter((r) => r.kind === 'update');
    expect(puts).toHaveLength(3);
    for (const put of puts) {
      expect(put.status).toBe(200);
      const card = (put.body.attachments as { content: { metadata: { version: number } } }[])[0]?.content;
      expect(card?.metadata.version).toBe(5);
    }
    const shown = await db
      .selectFrom('call_out_deliveries')
      .select('shown_version')
      .where('call_out_id', '=', callOut.id)
      .execute();
    expect(shown.map((s) => s.shown_version)).toEqual([5, 5, 5]);
  });
});
