import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { DeliveryWorker } from '../../src/call-outs/delivery/delivery-worker.js';
import { composeBotHandler } from '../../src/server/compose.js';
import { DEMO_STAFF, DEMO_TENANT_ID } from '../../src/server/seed/demo-data.js';
import { createConnectorCardSender } from '../../src/teams/outbox/card-sender.js';
import { renderTestCard, storeReference, waitFor } from '../call-outs/fixtures.js';
import { expectSaying } from '../helpers/expect-saying.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { type BotConnectorStandIn, startBotConnectorStandIn } from '../stand-ins/bot-connector.js';
import { type EntraStandIn, startEntraStandIn } from '../stand-ins/entra-openid.js';
import { BOT_APP_ID, BOT_CHANNEL_ID, buildTeamsActivity, postActivity } from './teams-activity.js';

// Two tenants, as issue 23 describes them: the municipality's (where the app's home is) and the police's.
const POLICE_TENANT = '44444444-4444-4444-8444-444444444444';
const FOREIGN_TENANT = '55555555-5555-4555-8555-555555555555';
const CLIENT_ID = '22222222-2222-4222-8222-222222222222';
const AUDIENCE = `api://bondgenoten.example.org/${CLIENT_ID}`;

let entra: EntraStandIn;
let connector: BotConnectorStandIn;
let server: TestServer;
let sanneToken: string;
let callOutId: string;
let home: { id: string; tenantId: string; aadObjectId: string; name: string };
let police: { id: string; tenantId: string; aadObjectId: string; name: string };

const objectIdOf = (name: string) => {
  const member = DEMO_STAFF.find((candidate) => candidate.displayName === name);
  if (!member) throw new Error(`no demo staff member ${name}`);
  return member.objectId;
};

async function api(path: string, init: { method?: string; body?: unknown } = {}) {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${sanneToken}`, 'content-type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) };
}

/** An `adaptiveCard/action` invoke as Teams sends it from the recipient's own tenant. */
async function answerOnCard(who: { aadObjectId: string; name: string }, tenantId: string, answer: string) {
  const activity = buildTeamsActivity(connector.url, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    user: { id: `29:${randomUUID()}`, aadObjectId: who.aadObjectId, name: who.name },
    conversation: { id: `a:${randomUUID()}`, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
    value: {
      action: { type: 'Action.Execute', verb: 'callout.answer', data: { callOutId, answer } },
      trigger: 'manual',
    },
  });
  delete activity.text;
  const token = await connector.issueChannelToken({ appId: BOT_APP_ID, serviceUrl: connector.url });
  return postActivity(server.url, activity, { authorization: `Bearer ${token}` });
}

beforeAll(async () => {
  entra = await startEntraStandIn({ audience: AUDIENCE });
  connector = await startBotConnectorStandIn();
  server = await startTestServer({
    env: {
      AAD_CLIENT_ID: CLIENT_ID,
      AAD_CLIENT_SECRET: 'test-secret',
      AAD_TENANT_ID: DEMO_TENANT_ID,
      AAD_ALLOWED_TENANTS: `${DEMO_TENANT_ID},${POLICE_TENANT}`,
      AAD_AUTHORITY_HOST: entra.authorityHost,
      PUBLIC_URL: 'https://bondgenoten.example.org',
      BOT_ID: BOT_APP_ID,
      BOT_PASSWORD: 'not-a-real-secret',
      BOT_TENANT_ID: DEMO_TENANT_ID,
    },
    botHandler: (deps) => composeBotHandler(deps, { openIdMetadataUrl: connector.openIdMetadataUrl }),
  });
  sanneToken = await entra.issueToken(DEMO_TENANT_ID, { oid: objectIdOf('Sanne Verhoef'), name: 'Sanne' });
  const db = server.database.db;
  const wijk = await db
    .selectFrom('areas')
    .select('id')
    .where('name', '=', 'Centrum Haven')
    .executeTakeFirstOrThrow();
  const started = await api('/call-outs', {
    method: 'POST',
    body: {
      kind: 'incident',
      urgency: 'immediate',
      summary: 'Fictieve onrust na een incident bij het winkelcentrum',
      ask: 'Kom naar het buurthuis of bel je bondgenoten',
      placeIds: [wijk.id],
    },
  });
  expectSaying(started.status, started.text).toBe(201);
  callOutId = started.json().id;
  // Two staff recipients; the police officer's account lives in the police tenant (same object id there).
  const recipients = await db
    .selectFrom('call_out_recipients')
    .innerJoin('users', 'users.id', 'call_out_recipients.user_id')
    .select([
      'users.id',
      'users.tenant_id',
      'users.aad_object_id',
      'users.display_name',
      'users.organisation',
    ])
    .where('call_out_recipients.call_out_id', '=', callOutId)
    .orderBy('users.display_name')
    .execute();
  const officer = recipients.find((row) => row.organisation === 'politie') ?? recipients[1];
  const colleague = recipients.find((row) => row.id !== officer?.id);
  if (!officer || !colleague) throw new Error('the call-out needs two staff recipients');
  await db.updateTable('users').set({ tenant_id: POLICE_TENANT }).where('id', '=', officer.id).execute();
  const as = (row: typeof officer, tenantId: string) => ({
    id: row.id,
    tenantId,
    aadObjectId: row.aad_object_id as string,
    name: row.display_name,
  });
  home = as(colleague, DEMO_TENANT_ID);
  police = as(officer, POLICE_TENANT);
}, 30_000);

afterAll(async () => {
  await server?.close();
  await connector?.close();
  await entra?.close();
});

describe('a call-out across two tenants', () => {
  it('reaches a staff member in each tenant, in their own tenant’s conversation', async () => {
    const db = server.database.db;
    const homeConversation = await storeReference(db, home.id, connector.url);
    const policeConversation = await storeReference(db, police.id, connector.url);
    const worker = new DeliveryWorker({
      db,
      sender: createConnectorCardSender(async () => 'stand-in-token'),
      renderCard: renderTestCard,
      botId: BOT_CHANNEL_ID,
      sharedBudget: false,
      idleMs: 20,
    });
    worker.start();
    try {
      await waitFor('both cards sent', async () => {
        const sent = connector.requests.filter((r) => r.kind === 'send' && r.status === 201);
        const to = new Set(sent.map((r) => r.conversationId));
        return to.has(homeConversation) && to.has(policeConversation);
      });
    } finally {
      await worker.stop();
    }
    const stored = await db
      .selectFrom('conversation_references')
      .select(['tenant_id', 'conversation_id'])
      .where('conversation_id', 'in', [homeConversation, policeConversation])
      .orderBy('tenant_id')
      .execute();
    expect(stored.map((row) => row.tenant_id)).toEqual([DEMO_TENANT_ID, POLICE_TENANT]);
  });

  it('counts an answer from each tenant once, and the timeline names both', async () => {
    for (const [who, answer] of [
      [home, 'coming'],
      [police, 'coming'],
      [police, 'coming'], // a repeated click: still one answer
    ] as const) {
      const response = await answerOnCard(who, who.tenantId, answer);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { statusCode: number; type: string };
      expect(body.statusCode).toBe(200);
      expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    }
    const detail = await api(`/call-outs/${callOutId}`);
    expect(detail.status).toBe(200);
    expect(detail.json().tally).toMatchObject({ coming: 2 });
    const answers = await server.database.db
      .selectFrom('call_out_answers')
      .select('user_id')
      .where('call_out_id', '=', callOutId)
      .execute();
    expect(answers.map((row) => row.user_id).sort()).toEqual([home.id, police.id].sort());
    // The timeline names people the way the tab and the PDF do: its user ids through the detail's recipients.
    const timeline = await api(`/call-outs/${callOutId}/timeline`);
    expect(timeline.status).toBe(200);
    const names = new Map<string, string>(
      detail.json().recipients.map((r: { userId: string; displayName: string }) => [r.userId, r.displayName]),
    );
    const answered = (timeline.json() as { kind: string; userId: string }[])
      .filter((event) => event.kind === 'answered')
      .map((event) => names.get(event.userId));
    expect(answered.sort()).toEqual([home.name, police.name].sort());
  });

  it('refuses a user of a tenant that is not allowed with 403, and audits it', async () => {
    const response = await answerOnCard(police, FOREIGN_TENANT, 'unavailable');
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const db = server.database.db;
    await sealAuditJournal(db);
    const denied = await db
      .selectFrom('audit_events')
      .select(['action', 'channel', 'result', 'object_type'])
      .where('object_id', '=', FOREIGN_TENANT)
      .execute();
    expect(denied).toEqual([
      { action: 'access.denied', channel: 'bot', result: 'denied', object_type: 'tenant' },
    ]);
    const answer = await db
      .selectFrom('call_out_answers')
      .select('answer')
      .where('call_out_id', '=', callOutId)
      .where('user_id', '=', police.id)
      .executeTakeFirstOrThrow();
    expect(answer.answer).toBe('coming');
  });
});
