import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { composeBotHandler } from '../../src/server/compose.js';
import { DEMO_STAFF, DEMO_TENANT_ID } from '../../src/server/seed/demo-data.js';
import { expectSaying } from '../helpers/expect-saying.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { type BotConnectorStandIn, startBotConnectorStandIn } from '../stand-ins/bot-connector.js';
import { findAll, visibleTexts } from './call-out-fixtures.js';
import { BOT_APP_ID, buildTeamsActivity, postActivity } from './teams-activity.js';

// The bot as the server composes it: its call-out port is the database-backed one, not a test double.
let connector: BotConnectorStandIn;
let server: TestServer;
let callOutId: string;

const staff = (name: string) => {
  const member = DEMO_STAFF.find((candidate) => candidate.displayName === name);
  if (!member) throw new Error(`no demo staff member ${name}`);
  return { id: `29:${randomUUID()}`, aadObjectId: member.objectId, name };
};

async function answerOnCard(user: { id: string; aadObjectId: string; name: string }, answer: string) {
  const activity = buildTeamsActivity(connector.url, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    user,
    conversation: { id: `a:${randomUUID()}`, conversationType: 'personal', tenantId: DEMO_TENANT_ID },
    channelData: { tenant: { id: DEMO_TENANT_ID } },
    value: {
      action: { type: 'Action.Execute', verb: 'callout.answer', data: { callOutId, answer } },
      trigger: 'manual',
    },
  });
  delete activity.text;
  const token = await connector.issueChannelToken({ appId: BOT_APP_ID, serviceUrl: connector.url });
  const response = await postActivity(server.url, activity, { authorization: `Bearer ${token}` });
  expect(response.status).toBe(200);
  return (await response.json()) as { statusCode: number; type: string; value: Record<string, unknown> };
}

beforeAll(async () => {
  connector = await startBotConnectorStandIn();
  server = await startTestServer({
    env: { BOT_ID: BOT_APP_ID, BOT_PASSWORD: 'not-a-real-secret', BOT_TENANT_ID: DEMO_TENANT_ID },
    botHandler: (deps) => composeBotHandler(deps, { openIdMetadataUrl: connector.openIdMetadataUrl }),
  });
  const sanne = await signInAs(server.url, 'Sanne Verhoef');
  const db = server.database.db;
  const wijk = await db
    .selectFrom('areas')
    .select('id')
    .where('name', '=', 'Centrum Haven')
    .executeTakeFirstOrThrow();
  const started = await callApi(server.url, sanne, 'POST', '/api/v1/call-outs', {
    kind: 'incident',
    urgency: 'immediate',
    summary: 'Fictieve onrust na een incident bij het winkelcentrum',
    ask: 'Kom naar het buurthuis of bel je bondgenoten',
    placeIds: [wijk.id],
  });
  expectSaying(started.status, JSON.stringify(started.body)).toBe(201);
  callOutId = started.body.id ?? started.body.callOut?.id;
  expect(callOutId).toMatch(/^[0-9a-f-]{36}$/);
});
afterAll(async () => {
  await server?.close();
  await connector?.close();
});

describe('answering the alert card against the real call-out domain', () => {
  it('records a recipient’s answer, shows it in the tally, and says so when it is changed', async () => {
    const joris = staff('Joris Amrani');
    const first = await answerOnCard(joris, 'coming');
    expect(first.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(visibleTexts(first.value).join(' ')).toMatch(/Ik kom/);
    const sanne = await signInAs(server.url, 'Sanne Verhoef');
    const seen = await callApi(server.url, sanne, 'GET', `/api/v1/call-outs/${callOutId}`);
    expect(JSON.stringify(seen.body)).toContain('coming');

    const second = await answerOnCard(joris, 'unavailable');
    expect(visibleTexts(second.value).join(' ')).toMatch(/gewijzigd/i);
    // The audit trail records both on the bot channel (ids only).
    const { sealAuditJournal } = await import('../../src/audit/audit-store.js');
    await sealAuditJournal(server.database.db);
    const audited = await server.database.db
      .selectFrom('audit_events')
      .select(['action', 'channel'])
      .where('object_id', '=', callOutId)
      .where('action', 'like', 'call-out.answer%')
      .orderBy('seq')
      .execute();
    expect(audited).toEqual([
      { action: 'call-out.answer', channel: 'bot' },
      { action: 'call-out.answer-change', channel: 'bot' },
    ]);
  });

  it('tells staff who were not called out that the card is not for them, and changes nothing', async () => {
    const dewi = staff('Dewi Sastromedjo'); // Buiten: not a recipient of a Haven call-out
    const card = await answerOnCard(dewi, 'coming');
    expect(visibleTexts(card.value)[0]).toBe('Niet voor jou');
    expect(findAll(card.value, /^Action\.Execute$/)).toEqual([]);
  });
});
