import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { hashAnswerLinkToken } from '../../src/call-outs/answer-links/answer-link-token.js';
import { DeliveryWorker } from '../../src/call-outs/delivery/delivery-worker.js';
import { withMailTables } from '../../src/mail/db-schema.js';
import { LocalOutbox } from '../../src/mail/local-outbox.js';
import { composeBotHandler } from '../../src/server/compose.js';
import { DEMO_STAFF, DEMO_TENANT_ID } from '../../src/server/seed/demo-data.js';
import { createConnectorCardSender } from '../../src/teams/outbox/card-sender.js';
import { renderTestCard, storeReference, waitFor } from '../call-outs/fixtures.js';
import { expectSaying } from '../helpers/expect-saying.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { type BotConnectorStandIn, startBotConnectorStandIn } from '../stand-ins/bot-connector.js';
import { type EntraStandIn, startEntraStandIn } from '../stand-ins/entra-openid.js';
import { BOT_APP_ID, BOT_CHANNEL_ID, buildTeamsActivity, postActivity } from './teams-activity.js';

/**
 * Issue 23, item 3: a staff member Teams cannot reach (here the police officer, whose 1:1 chat the
 * connector refuses with 403) stays on the call list as "bellen" and gets an e-mail with a one-time link;
 * answering through it counts like a card answer, once; the link is refused to anyone else.
 */
const POLICE_TENANT = '44444444-4444-4444-8444-444444444444';
const CLIENT_ID = '22222222-2222-4222-8222-222222222222';
const AUDIENCE = `api://bondgenoten.example.org/${CLIENT_ID}`;
const PUBLIC_URL = 'https://bondgenoten.example.org';
const OFFICER_MAIL = 'wijkagent.fictief@politie.example.org';

let entra: EntraStandIn;
let connector: BotConnectorStandIn;
let server: TestServer;
let callOutId: string;
let tokens: { starter: string; home: string; police: string };
let home: { id: string; aadObjectId: string; name: string };
let police: { id: string; aadObjectId: string; name: string };
let link: string;

const objectIdOf = (name: string) => {
  const member = DEMO_STAFF.find((candidate) => candidate.displayName === name);
  if (!member) throw new Error(`no demo staff member ${name}`);
  return member.objectId;
};

async function api(token: string, path: string, init: { method?: string; body?: unknown } = {}) {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) };
}

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

const tokenOf = (url: string) => {
  const token = /#antwoordlink=([A-Za-z0-9_-]+)/.exec(url)?.[1];
  if (!token) throw new Error('no token in the link');
  return token;
};

async function events(kind: string) {
  return server.database.db
    .selectFrom('call_out_events')
    .select(['user_id'])
    .where('call_out_id', '=', callOutId)
    .where('kind', '=', kind)
    .execute();
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
      PUBLIC_URL,
      BOT_ID: BOT_APP_ID,
      BOT_PASSWORD: 'not-a-real-secret',
      BOT_TENANT_ID: DEMO_TENANT_ID,
    },
    botHandler: (deps) => composeBotHandler(deps, { openIdMetadataUrl: connector.openIdMetadataUrl }),
  });
  const db = server.database.db;
  const starter = await entra.issueToken(DEMO_TENANT_ID, { oid: objectIdOf('Sanne Verhoef'), name: 'Sanne' });
  const wijk = await db
    .selectFrom('areas')
    .select('id')
    .where('name', '=', 'Centrum Haven')
    .executeTakeFirstOrThrow();
  const started = await api(starter, '/call-outs', {
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
  const recipients = await db
    .selectFrom('call_out_recipients')
    .innerJoin('users', 'users.id', 'call_out_recipients.user_id')
    .select(['users.id', 'users.aad_object_id', 'users.display_name', 'users.organisation'])
    .where('call_out_recipients.call_out_id', '=', callOutId)
    .orderBy('users.display_name')
    .execute();
  const officer = recipients.find((row) => row.organisation === 'politie') ?? recipients[1];
  const colleague = recipients.find((row) => row.id !== officer?.id);
  if (!officer || !colleague) throw new Error('the call-out needs two staff recipients');
  await db
    .updateTable('users')
    .set({ tenant_id: POLICE_TENANT, email: OFFICER_MAIL })
    .where('id', '=', officer.id)
    .execute();
  home = { id: colleague.id, aadObjectId: colleague.aad_object_id, name: colleague.display_name };
  police = { id: officer.id, aadObjectId: officer.aad_object_id, name: officer.display_name };
  tokens = {
    starter,
    home: await entra.issueToken(DEMO_TENANT_ID, { oid: home.aadObjectId, name: home.name }),
    police: await entra.issueToken(POLICE_TENANT, { oid: police.aadObjectId, name: police.name }),
  };
}, 30_000);

afterAll(async () => {
  await server?.close();
  await connector?.close();
  await entra?.close();
});

describe('the e-mail fallback with a one-time answer link', () => {
  it('mails a staff member Teams cannot reach, and still shows them on the call list as "bellen"', async () => {
    const db = server.database.db;
    await storeReference(db, home.id, connector.url);
    const policeConversation = await storeReference(db, police.id, connector.url);
    // The police tenant's Teams refuses the bot (app blocked there, or not installed): 403, for good.
    connector.addFailure({ status: 403, conversationId: policeConversation });
    const worker = new DeliveryWorker({
      db,
      sender: createConnectorCardSender(async () => 'stand-in-token'),
      renderCard: renderTestCard,
      botId: BOT_CHANNEL_ID,
      sharedBudget: false,
      idleMs: 20,
      answerLinkMail: { mail: new LocalOutbox(db), publicUrl: PUBLIC_URL, catalogIdFor: () => null },
    });
    worker.start();
    const outbox = withMailTables(db);
    try {
      await waitFor('the fallback e-mail', async () => {
        const rows = await outbox.selectFrom('mail_outbox').select('recipients').execute();
        return rows.some((row) => row.recipients.includes(OFFICER_MAIL));
      });
    } finally {
      await worker.stop();
    }
    const mails = await outbox
      .selectFrom('mail_outbox')
      .selectAll()
      .where('call_out_id', '=', callOutId)
      .execute();
    const mine = mails.filter((row) => row.recipients.includes(OFFICER_MAIL));
    expect(mine).toHaveLength(1);
    const [mail] = mine;
    if (!mail) throw new Error('no mail');
    expect(mail.subject).toBe('Crisisoproep: Incident in Centrum Haven');
    expect(mail.body_text).toContain('Fictieve onrust na een incident bij het winkelcentrum');
    link = /https:\/\/bondgenoten\.example\.org\/crisisoproepen\/[^\s"<)]+/.exec(mail.html)?.[0] ?? '';
    expect(link.startsWith(`${PUBLIC_URL}/crisisoproepen/${callOutId}#antwoordlink=`)).toBe(true);
    // No ally's name or number goes into the mail: the call list stays behind sign-in.
    const allies = await db
      .selectFrom('call_out_allies')
      .innerJoin('people', 'people.id', 'call_out_allies.person_id')
      .select(['people.display_name'])
      .where('call_out_allies.call_out_id', '=', callOutId)
      .execute();
    for (const ally of allies) expect(mail.html).not.toContain(ally.display_name);
    // Only the hash is stored.
    const stored = await db
      .selectFrom('call_out_answer_links')
      .select(['token_hash', 'state'])
      .where('call_out_id', '=', callOutId)
      .where('user_id', '=', police.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ token_hash: hashAnswerLinkToken(tokenOf(link)), state: 'sent' });
    expect(JSON.stringify(await db.selectFrom('call_out_answer_links').selectAll().execute())).not.toContain(
      tokenOf(link),
    );
    const detail = await api(tokens.starter, `/call-outs/${callOutId}`);
    const row = detail.json().recipients.find((r: { userId: string }) => r.userId === police.id);
    expect(row.delivery).toBe('failed');
    // Every recipient Teams could not reach gets one (others without a 1:1 chat in the demo, too); the colleague with a chat does not.
    const mailed = (await events('answer-link-mailed')).map((event) => event.user_id);
    expect(mailed.filter((id) => id === police.id)).toHaveLength(1);
    expect(mailed).not.toContain(home.id);
  });

  it('refuses the link to another signed-in staff member with 403, audited, and records nothing', async () => {
    const token = tokenOf(link);
    const opened = await api(tokens.home, '/answer-links/open', { method: 'POST', body: { token } });
    expectSaying(opened.status, opened.text).toBe(403);
    expect(opened.json().detail).toBe('This answer link is for someone else.');
    const answered = await api(tokens.home, '/answer-links/answer', {
      method: 'POST',
      body: { token, answer: 'unavailable' },
    });
    expect(answered.status).toBe(403);
    await sealAuditJournal(server.database.db);
    const denied = await server.database.db
      .selectFrom('audit_events')
      .select(['action', 'result'])
      .where('actor_user_id', '=', home.id)
      .where('action', '=', 'access.denied')
      .execute();
    expect(denied).toEqual([
      { action: 'access.denied', result: 'denied' },
      { action: 'access.denied', result: 'denied' },
    ]);
    const answers = await server.database.db
      .selectFrom('call_out_answers')
      .select('user_id')
      .where('call_out_id', '=', callOutId)
      .execute();
    expect(answers).toEqual([]);
    // A link that does not exist, or is not one at all.
    const unknown = await api(tokens.police, '/answer-links/open', {
      method: 'POST',
      body: { token: 'A'.repeat(43) },
    });
    expect(unknown.status).toBe(404);
    const malformed = await api(tokens.police, '/answer-links/open', {
      method: 'POST',
      body: { token: 'not a token' },
    });
    expect(malformed.status).toBe(400);
  });

  it('lets the officer answer through the link once; with a card answer too, the tally counts them once', async () => {
    const token = tokenOf(link);
    const opened = await api(tokens.police, '/answer-links/open', { method: 'POST', body: { token } });
    expectSaying(opened.status, opened.text).toBe(200);
    expect(opened.json()).toEqual({ callOutId, state: 'usable' });
    const answered = await api(tokens.police, '/answer-links/answer', {
      method: 'POST',
      body: { token, answer: 'coming', etaMinutes: 20 },
    });
    expectSaying(answered.status, answered.text).toBe(200);
    expect(answered.json().tally).toMatchObject({ coming: 1 });
    const again = await api(tokens.police, '/answer-links/answer', {
      method: 'POST',
      body: { token, answer: 'unavailable' },
    });
    expect(again.status).toBe(409);
    expect(again.json().detail).toBe('This answer link has been used already.');
    const reopened = await api(tokens.police, '/answer-links/open', { method: 'POST', body: { token } });
    expect(reopened.json()).toEqual({ callOutId, state: 'used' });
    // The card reaches them after all and they press the same answer: still one answer.
    const card = await answerOnCard(police, POLICE_TENANT, 'coming');
    expect(card.status).toBe(200);
    const detail = await api(tokens.starter, `/call-outs/${callOutId}`);
    expect(detail.json().tally).toMatchObject({ coming: 1 });
    const answers = await server.database.db
      .selectFrom('call_out_answers')
      .select(['user_id', 'answer', 'eta_minutes'])
      .where('call_out_id', '=', callOutId)
      .execute();
    expect(answers).toEqual([{ user_id: police.id, answer: 'coming', eta_minutes: null }]);
    expect(await events('answer-link-used')).toEqual([{ user_id: police.id }]);
    expect(await events('answered')).toEqual([{ user_id: police.id }]);
    const timeline = await api(tokens.starter, `/call-outs/${callOutId}/timeline`);
    const kinds = (timeline.json() as { kind: string }[]).map((event) => event.kind);
    expect(kinds).toEqual(expect.arrayContaining(['answer-link-mailed', 'answer-link-used', 'answered']));
  });

  it('refuses an expired link with 409 and says so when opened', async () => {
    const db = server.database.db;
    const token = 'B'.repeat(43);
    await db
      .insertInto('call_out_answer_links')
      .values({
        call_out_id: callOutId,
        user_id: home.id,
        state: 'sent',
        next_attempt_at: new Date(),
        token_hash: hashAnswerLinkToken(token),
        expires_at: new Date(Date.now() - 1_000),
        created_at: new Date(),
      })
      .execute();
    const opened = await api(tokens.home, '/answer-links/open', { method: 'POST', body: { token } });
    expect(opened.json()).toEqual({ callOutId, state: 'expired' });
    const answered = await api(tokens.home, '/answer-links/answer', {
      method: 'POST',
      body: { token, answer: 'coming' },
    });
    expect(answered.status).toBe(409);
    expect(answered.json().detail).toBe('This answer link has expired.');
  });
});
