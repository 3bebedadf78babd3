import { describe, expect, it } from '@jest/globals';
import { DeliveryWorker, type DeliveryWorkerOptions } from '../../src/call-outs/delivery/delivery-worker.js';
import {
  type CardSender,
  cardActivity,
  createConnectorCardSender,
} from '../../src/teams/outbox/card-sender.js';
import { ProactiveOutbox } from '../../src/teams/outbox/proactive-outbox.js';
import { deliveryWorkerSuite } from '../helpers/delivery-worker-suite.js';
import {
  addLargeNetwork,
  areaId,
  deliveryStates,
  renderTestCard,
  settled,
  startIncident,
  storeReference,
  TENANT,
  userId,
  waitFor,
} from './fixtures.js';

const suite = deliveryWorkerSuite();

function worker(options: Partial<DeliveryWorkerOptions> = {}): DeliveryWorker {
  const created = new DeliveryWorker({
    db: suite.db,
    sender: createConnectorCardSender(async () => 'stand-in-token'),
    renderCard: renderTestCard,
    botId: '28:bondgenoten-bot',
    idleMs: 20,
    random: () => 0,
    ...options,
  });
  suite.workers.push(created);
  return created;
}

async function recipientsOf(callOutId: string): Promise<Set<string>> {
  const rows = await suite.db
    .selectFrom('call_out_recipients as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select('u.aad_object_id')
    .where('r.call_out_id', '=', callOutId)
    .execute();
  return new Set(rows.map((r) => r.aad_object_id));
}

describe('the delivery worker', () => {
  it('delivers one card per recipient, as an attachment without text', async () => {
    const net = await addLargeNetwork(suite.db, 30, suite.connector.url);
    const callOut = await startIncident(suite.db, net.coordinatorId, net.wijkId);
    worker().start();
    await waitFor('every card sent', () => settled(suite.db, callOut.id));
    expect(await deliveryStates(suite.db, callOut.id)).toEqual({ sent: 30 });
    const sends = suite.connector.requests.filter((r) => r.kind === 'send' && r.status === 201);
    expect(new Set(sends.map((r) => r.conversationId)).size).toBe(30);
    expect(sends).toHaveLength(30);
    for (const send of sends) {
      expect(send.body.text).toBeUndefined();
      expect(send.body.attachments).toEqual([
        expect.objectContaining({ contentType: 'application/vnd.microsoft.card.adaptive' }),
      ]);
      expect(send.authorization).toBe('Bearer stand-in-token');
    }
    expect(suite.connector.unhandled).toEqual([]);
    // Every card refreshes for its own recipient and names nobody else (Teams: at most 60 ids per card).
    const references = await suite.db
      .selectFrom('conversation_references')
      .select(['conversation_id', 'aad_object_id'])
      .where('aad_object_id', 'in', [...(await recipientsOf(callOut.id))])
      .execute();
    const ownerOf = new Map(references.map((r) => [r.conversation_id, r.aad_object_id]));
    for (const send of sends) {
      const card = (send.body.attachments as Array<{ content: { refresh: { userIds: string[] } } }>)[0];
      expect(card?.content.refresh.userIds).toEqual([`8:orgid:${ownerOf.get(send.conversationId)}`]);
    }
  });

  it('waits out a 429 on one conversation while the others go on', async () => {
    const net = await addLargeNetwork(suite.db, 12, suite.connector.url);
    const blocked = `a:personal-${
      (
        await suite.db
          .selectFrom('users')
          .select('aad_object_id')
          .where('id', '=', net.userIds[3] as string)
          .executeTakeFirstOrThrow()
      ).aad_object_id
    }`;
    suite.connector.addFailure({ status: 429, retryAfterSeconds: 1, conversationId: blocked, count: 1 });
    const callOut = await startIncident(suite.db, net.coordinatorId, net.wijkId);
    worker().start();
    await waitFor('every card sent', () => settled(suite.db, callOut.id));
    expect(await deliveryStates(suite.db, callOut.id)).toEqual({ sent: 12 });
    const toBlocked = suite.connector.requests.filter((r) => r.conversationId === blocked);
    expect(toBlocked.map((r) => r.status)).toEqual([429, 201]);
    const [refused, retried] = toBlocked as [(typeof toBlocked)[0], (typeof toBlocked)[0]];
    const others = suite.connector.requests.filter((r) => r.conversationId !== blocked);
    // Nobody else waited for the blocked conversation: all other cards were out before its retry.
    expect(others.every((r) => r.at < retried.at)).toBe(true);
    // The blocked conversation waited its Retry-After (1 s) before being tried again.
    expect(retried.at - refused.at).toBeGreaterThanOrEqual(950);
    expect(
      suite.connector.requests.filter((r) => r.refusal === 'app-limit' || r.refusal === 'conversation-limit'),
    ).toEqual([]);
  });

  it('retries 503 with back-off, and marks other 4xx failed and unreferenced recipients unreachable', async () => {
    const net = await addLargeNetwork(suite.db, 6, suite.connector.url);
    const aad = async (id: string) => {
      const query = suite.db.selectFrom('users').select('aad_object_id').where('id', '=', id);
      return (await query.executeTakeFirstOrThrow()).aad_object_id;
    };
    const flaky = `a:personal-${await aad(net.userIds[1] as string)}`;
    const refused = `a:personal-${await aad(net.userIds[2] as string)}`;
    suite.connector.addFailure({ status: 503, conversationId: flaky, count: 2 });
    suite.connector.addFailure({ status: 403, conversationId: refused });
    await suite.db
      .deleteFrom('conversation_references')
      .where('aad_object_id', '=', await aad(net.userIds[3] as string))
      .execute();
    const callOut = await startIncident(suite.db, net.coordinatorId, net.wijkId);
    worker().start();
    await waitFor('every card settled', () => settled(suite.db, callOut.id));
    expect(await deliveryStates(suite.db, callOut.id)).toEqual({ sent: 4, failed: 1, unreachable: 1 });
    expect(suite.connector.requests.filter((r) => r.conversationId === flaky).map((r) => r.status)).toEqual([
      503, 503, 201,
    ]);
    expect(suite.connector.requests.filter((r) => r.conversationId === refused).map((r) => r.status)).toEqual(
      [403],
    );
    const failed = await suite.db
      .selectFrom('call_out_deliveries')
      .select(['state', 'last_error'])
      .where('call_out_id', '=', callOut.id)
      .where('state', 'in', ['failed', 'unreachable'])
      .orderBy('state')
      .execute();
    expect(failed).toEqual([
      { state: 'failed', last_error: '403 ServiceError' },
      { state: 'unreachable', last_error: 'no conversation reference' },
    ]);
    const kinds = (
      await suite.db
        .selectFrom('call_out_events')
        .select('kind')
        .where('call_out_id', '=', callOut.id)
        .execute()
    ).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'delivery-failed')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'delivery-unreachable')).toHaveLength(1);
  });

  it("sends the Teams outbox's other cards through the same loop, never before an alert card", async () => {
    // One sender for both, as the composition root builds it; it notes the order requests leave in (arrival at
    // the stand-in can differ by a few event-loop turns: a request on a new connection lands later).
    const connectorSender = createConnectorCardSender(async () => 'stand-in-token');
    const leftInOrder: string[] = [];
    const sender: CardSender = {
      ...connectorSender,
      sendActivity: (target, activity) => {
        leftInOrder.push(target.conversationId);
        return connectorSender.sendActivity(target, activity);
      },
    };
    const outbox = new ProactiveOutbox({
      db: suite.db,
      sender,
      botId: '28:bondgenoten-bot',
      logger: { info: () => {}, warn: () => {}, error: () => {} },
    });
    // Queued first: a loop that sent in queueing order, or an outbox draining beside the worker, would send them
    // among the alerts.
    const others = Array.from({ length: 8 }, (_, i) => ({
      idempotencyKey: `priority-test:${i}:${crypto.randomUUID()}`,
      purpose: 'meeting-proposal',
      tenantId: TENANT,
      conversationId: `a:other-${crypto.randomUUID()}`,
      serviceUrl: suite.connector.url,
      activity: cardActivity({ type: 'AdaptiveCard', version: '1.5', body: [] }),
    }));
    expect(await outbox.enqueue(others)).toBe(8);
    const net = await addLargeNetwork(suite.db, 70, suite.connector.url);
    const callOut = await startIncident(suite.db, net.coordinatorId, net.wijkId);
    // Local budget (as PGlite runs it): no send gives its slot up as stale, so the order of first tries is the
    // order the loop drew in. A 429 from the stand-in (50/s over a sliding second) retries a card later, so
    // the order of successful sends may differ; the order of first tries may not.
    const driver = worker({ proactiveCards: outbox, sharedBudget: false, sender });
    outbox.start();
    outbox.sendSoon();
    driver.start();
    const otherIds = new Set(others.map((card) => card.conversationId));
    const sent = () => suite.connector.requests.filter((r) => r.kind === 'send' && r.status === 201);
    await waitFor(
      'every card sent',
      async () => (await settled(suite.db, callOut.id)) && sent().length === 78,
    );
    await driver.drain();
    expect(await deliveryStates(suite.db, callOut.id)).toEqual({ sent: 70 });
    const firstTries = [...new Set(leftInOrder)];
    expect(firstTries).toHaveLength(78);
    // Every alert card was tried before the first other card.
    expect(firstTries.findIndex((conversation) => otherIds.has(conversation))).toBe(70);
    const rows = await suite.db
      .selectFrom('teams_outbox')
      .select(['state', 'lease_owner'])
      .where(
        'idempotency_key',
        'in',
        others.map((card) => card.idempotencyKey),
      )
      .execute();
    expect(rows.map((row) => row.state)).toEqual(Array(8).fill('sent'));
    // Leased by the loop's rounds (the lease token is the loop's worker id plus a suffix new for every lease).
    expect(new Set(rows.map((row) => row.lease_owner?.split('#')[0]))).toEqual(new Set([driver.workerId]));
    await outbox.stop();
  });

  it('opens a 1:1 conversation first when only a channel reference is known', async () => {
    const sanne = await userId(suite.db, 'Sanne Verhoef');
    const joris = await userId(suite.db, 'Joris Amrani');
    await storeReference(suite.db, sanne, suite.connector.url, { personal: false });
    await storeReference(suite.db, joris, suite.connector.url);
    const callOut = await startIncident(suite.db, sanne, await areaId(suite.db, 'De Velden'));
    worker().start();
    await waitFor('every card settled', () => settled(suite.db, callOut.id));
    const creates = suite.connector.requests.filter((r) => r.kind === 'create-conversation');
    expect(creates).toHaveLength(1);
    expect(creates[0]?.body).toMatchObject({
      isGroup: false,
      members: [{ id: expect.stringMatching(/^29:/) }],
    });
    const sends = suite.connector.requests.filter((r) => r.kind === 'send' && r.status === 201);
    expect(sends.map((r) => r.conversationId)).toContain(creates[0]?.conversationId);
  });

  it('keeps two worker instances together inside one shared budget (stand-in: 50/s per app, 7/s per conversation)', async () => {
    const net = await addLargeNetwork(suite.db, 150, suite.connector.url);
    const callOut = await startIncident(suite.db, net.coordinatorId, net.wijkId);
    // Both draw from one budget set to 30/s, below the stand-in's 50/s: the stand-in's clock runs in this
    // busy process and bunches arrivals, and an instance held up by its event loop catches up at its own
    // pace; 30 leaves room for both. Had each instance a budget of its own, together they would send ~60/s
    // and the stand-in would refuse many.
    worker({ workerId: 'instance-a', ratePerSecond: 30, headroom: 1 }).start();
    worker({ workerId: 'instance-b', ratePerSecond: 30, headroom: 1 }).start();
    await waitFor('every card sent', () => settled(suite.db, callOut.id), 60_000);
    expect(await deliveryStates(suite.db, callOut.id)).toEqual({ sent: 150 });
    const limited = suite.connector.requests.filter(
      (r) => r.refusal === 'app-limit' || r.refusal === 'conversation-limit',
    );
    expect(limited).toEqual([]);
    expect(suite.connector.peakPerSecond().app).toBeLessThanOrEqual(50);
    expect(suite.connector.peakPerSecond().conversation).toBe(1);
    const sends = suite.connector.requests.filter((r) => r.kind === 'send');
    expect(new Set(sends.map((r) => r.conversationId)).size).toBe(150);
    expect(sends).toHaveLength(150);
    const claimedBy = await suite.db
      .selectFrom('call_out_events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('call_out_id', '=', callOut.id)
      .where('kind', '=', 'delivery-sent')
      .executeTakeFirstOrThrow();
    expect(Number(claimedBy.n)).toBe(150);
  });

  it('the stand-in refuses with 429 once a sender exceeds the limits, so the budget check above can fail', async () => {
    const net = await addLargeNetwork(suite.db, 80, suite.connector.url);
    const sender = createConnectorCardSender(async () => null);
    const rows = await suite.db
      .selectFrom('conversation_references')
      .select('conversation_id')
      .where(
        'conversation_id',
        'in',
        (
          await suite.db.selectFrom('users').select('aad_object_id').where('id', 'in', net.userIds).execute()
        ).map((u) => `a:personal-${u.aad_object_id}`),
      )
      .execute();
    const results = await Promise.allSettled(
      rows.map((r) =>
        sender.sendActivity(
          { serviceUrl: suite.connector.url, conversationId: r.conversation_id },
          { type: 'message' },
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected').length).toBeGreaterThanOrEqual(30);
    expect(suite.connector.requests.filter((r) => r.refusal === 'app-limit')).toHaveLength(30);
  });
});
