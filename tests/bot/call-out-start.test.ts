import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { renderAlertCard } from '../../src/call-outs/bot/cards/call-out-card.js';
import { DeliveryWorker } from '../../src/call-outs/delivery/delivery-worker.js';
import { composeBotHandler } from '../../src/server/compose.js';
import { DEMO_STAFF, DEMO_TENANT_ID } from '../../src/server/seed/demo-data.js';
import { createConnectorCardSender } from '../../src/teams/outbox/card-sender.js';
import { deliveryStates, settled, waitFor } from '../call-outs/fixtures.js';
import { expectSaying } from '../helpers/expect-saying.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { type BotConnectorStandIn, startBotConnectorStandIn } from '../stand-ins/bot-connector.js';
import { adaptiveCardProblems, findAll, visibleTexts } from './call-out-fixtures.js';
import { buildTeamsActivity, postActivity, repliesTo, type TeamsUser } from './teams-activity.js';

// The bot as the server composes it (local mode, no bot credentials): its starter is the database-backed
// one, replies go to the loopback connector, and the delivery worker sends the alert cards through it.
let connector: BotConnectorStandIn;
let server: TestServer;
let havenWijken: { id: string; name: string }[];
let stadWijk: string;
const workers: DeliveryWorker[] = [];

type Card = Record<string, unknown>;
type InvokeBody = { statusCode: number; type: string; value: Card };

function staff(name: string): TeamsUser {
  const member = DEMO_STAFF.find((candidate) => candidate.displayName === name);
  if (!member) throw new Error(`no demo staff member ${name}`);
  return { id: `29:${randomUUID()}`, aadObjectId: member.objectId, name };
}

const sanne = staff('Sanne Verhoef'); // coordinator of Haven
const joris = staff('Joris Amrani'); // coordinator of Haven
const petra = staff('Petra Lindeboom'); // secretary of Haven and Stad: on call, but may not start

function activityFor(user: TeamsUser, fields: Record<string, unknown>) {
  return buildTeamsActivity(connector.url, {
    user,
    conversationId: `a:personal-${user.aadObjectId}`,
    conversation: {
      id: `a:personal-${user.aadObjectId}`,
      conversationType: 'personal',
      tenantId: DEMO_TENANT_ID,
    },
    channelData: { tenant: { id: DEMO_TENANT_ID } },
    ...fields,
  });
}

/** Types a message to the bot; returns the one card it answered with. */
async function say(user: TeamsUser, text: string, locale = 'nl-NL'): Promise<Card> {
  connector.clear();
  const activity = activityFor(user, { text, locale });
  const response = await postActivity(server.url, activity);
  expect(response.status).toBe(200);
  expect(connector.unhandled).toEqual([]);
  const replies = repliesTo(connector.activities, activity);
  expect(replies).toHaveLength(1);
  const [sent] = replies;
  expect(sent?.activity).not.toHaveProperty('text');
  const attachments = sent?.activity.attachments as { contentType: string; content: Card }[];
  expect(attachments).toHaveLength(1);
  expect(attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  const card = attachments[0]?.content as Card;
  expect(adaptiveCardProblems(card)).toEqual([]);
  return card;
}

/** Presses an `Action.Execute` button as Teams sends it: an `adaptiveCard/action` invoke. */
async function press(
  user: TeamsUser,
  verb: string,
  data: unknown,
  options: { trigger?: 'manual' | 'automatic'; locale?: string } = {},
): Promise<InvokeBody> {
  const activity = activityFor(user, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    locale: options.locale ?? 'nl-NL',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: options.trigger ?? 'manual' },
  });
  delete activity.text;
  const response = await postActivity(server.url, activity);
  expect(response.status).toBe(200);
  const body = (await response.json()) as InvokeBody;
  if (body.type === 'application/vnd.microsoft.card.adaptive')
    expect(adaptiveCardProblems(body.value)).toEqual([]);
  return body;
}

/** The `data` of the button with this verb, as the card carries it. */
function buttonData(card: Card, verb: string): Record<string, unknown> {
  const button = findAll(card, /^Action\.Execute$/).find((action) => action.verb === verb);
  if (!button) throw new Error(`no ${verb} button`);
  return button.data as Record<string, unknown>;
}

function inputs(card: Card): Record<string, Record<string, unknown>> {
  return Object.fromEntries(findAll(card, /^Input\./).map((input) => [String(input.id), input]));
}

/** What Teams sends when the form's button is pressed: the button's data and the inputs' values. */
function filledIn(formCard: Card, fields: Record<string, string>): Record<string, unknown> {
  return { ...buttonData(formCard, 'callOutStart.preview'), ...fields };
}

async function callOutsStartedBy(objectId: string): Promise<string[]> {
  const rows = await server.database.db
    .selectFrom('call_outs')
    .innerJoin('users', 'users.id', 'call_outs.started_by')
    .select('call_outs.id')
    .where('users.aad_object_id', '=', objectId)
    .execute();
  return rows.map((row) => row.id);
}

function startWorker(): DeliveryWorker {
  const worker = new DeliveryWorker({
    db: server.database.db,
    sender: createConnectorCardSender(async () => null),
    renderCard: renderAlertCard,
    botId: 'local-playground',
    idleMs: 20,
    random: () => 0,
  });
  workers.push(worker);
  worker.start();
  return worker;
}

const FIELDS = {
  kind: 'incident',
  urgency: 'immediate',
  summary: 'Fictieve vechtpartij bij het winkelcentrum; er gaan filmpjes rond.',
  ask: 'Kom naar het buurthuis en bel je bondgenoten.',
};

beforeAll(async () => {
  connector = await startBotConnectorStandIn();
  server = await startTestServer({ botHandler: composeBotHandler });
  const db = server.database.db;
  havenWijken = await db
    .selectFrom('areas as w')
    .innerJoin('areas as d', 'd.id', 'w.parent_id')
    .select(['w.id', 'w.name'])
    .where('d.name', '=', 'Haven')
    .orderBy('w.name')
    .execute();
  stadWijk = (
    await db.selectFrom('areas').select('id').where('name', '=', 'Muziekwijk').executeTakeFirstOrThrow()
  ).id;
  // Joris has talked to the bot before, so Teams can reach him; Petra never has.
  await say(joris, 'help');
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
});
afterAll(async () => {
  await server?.close();
  await connector?.close();
});

describe('the crisisoproep command', () => {
  it('answers with the form, offering the wijken of the starter’s own networks', async () => {
    const card = await say(sanne, 'crisisoproep');
    expect(visibleTexts(card)[0]).toBe('Crisisoproep starten');
    const fields = inputs(card);
    expect(Object.keys(fields)).toEqual(['kind', 'urgency', 'summary', 'ask', 'placeIds', 'communityIds']);
    expect(fields.summary).toMatchObject({ isMultiline: true, isRequired: true, maxLength: 1000 });
    expect(fields.ask).toMatchObject({ isRequired: true, maxLength: 1000 });
    expect(fields.placeIds).toMatchObject({ isMultiSelect: true, isRequired: true });
    const wijken = ((fields.placeIds?.choices ?? []) as { title: string; value: string }[]).map(
      (c) => c.value,
    );
    expect(wijken.sort()).toEqual(havenWijken.map((w) => w.id).sort());
    expect(wijken).not.toContain(stadWijk);
    expect(fields.communityIds).toMatchObject({ isMultiSelect: true });
    expect(fields.communityIds).not.toHaveProperty('isRequired');
    expect(((fields.kind?.choices ?? []) as { value: string }[]).map((c) => c.value)).toEqual([
      'incident',
      'tension',
      'planned-intervention',
    ]);
    expect(buttonData(card, 'callOutStart.preview').formToken).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each(['call-out', 'callout', '<at>Bondgenoten</at> Call-Out'])('reads %j in English', async (text) => {
    const card = await say(sanne, text, 'en-US');
    expect(visibleTexts(card)[0]).toBe('Start a crisis call-out');
  });
});

describe('previewing, sending and following a call-out from the bot', () => {
  let callOutId: string;

  it('shows whom the call-out reaches, marking who Teams cannot reach, before anything is sent', async () => {
    const form = await say(sanne, 'crisisoproep');
    const centrum = havenWijken.find((w) => w.name === 'Centrum Haven')?.id as string;
    const preview = await press(
      sanne,
      'callOutStart.preview',
      filledIn(form, { ...FIELDS, placeIds: centrum }),
    );
    expect(preview.type).toBe('application/vnd.microsoft.card.adaptive');
    const texts = visibleTexts(preview.value);
    expect(texts[0]).toBe('Controleer je crisisoproep');
    expect(texts).toContain('3 medewerkers krijgen de kaart (Bondgenoten Haven)');
    expect(texts).toContain('Petra Lindeboom — Teams bereikt deze persoon niet: bel deze mensen');
    expect(texts).toContain('Joris Amrani');
    expect(texts).toContain('Sanne Verhoef');
    expect(texts).toContain('1 persoon kan Teams niet bereiken: bel deze mensen zelf.');
    expect(texts.find((t) => /bondgenoten op de bellijst, gebeld door 2 medewerkers$/.test(t))).toBeDefined();
    expect(texts.filter((t) => / — belt: (Sanne Verhoef|Joris Amrani)$/.test(t)).length).toBeGreaterThan(0);
    expect(texts).toContain('Wijken: Haven · Centrum Haven');
    expect(await callOutsStartedBy(sanne.aadObjectId)).toEqual([]);
    // "Wijzigen" brings the form back with what was filled in.
    const edit = await press(sanne, 'callOutStart.edit', buttonData(preview.value, 'callOutStart.edit'));
    const kept = inputs(edit.value);
    expect(kept.summary?.value).toBe(FIELDS.summary);
    expect(kept.placeIds?.value).toBe(centrum);
  });

  it('starts exactly one call-out, however often "Verstuur nu" is pressed', async () => {
    const form = await say(sanne, 'crisisoproep');
    const centrum = havenWijken.find((w) => w.name === 'Centrum Haven')?.id as string;
    const preview = await press(
      sanne,
      'callOutStart.preview',
      filledIn(form, { ...FIELDS, placeIds: centrum }),
    );
    const send = buttonData(preview.value, 'callOutStart.send');
    // A double press: two invokes at once, and one more after.
    const [first, second] = await Promise.all([
      press(sanne, 'callOutStart.send', send),
      press(sanne, 'callOutStart.send', send),
    ]);
    const third = await press(sanne, 'callOutStart.send', send);
    const started = await callOutsStartedBy(sanne.aadObjectId);
    expect(started).toHaveLength(1);
    callOutId = started[0] as string;
    // The form token is the start's idempotency key, kept with the call-out.
    const row = await server.database.db
      .selectFrom('call_outs')
      .select('start_token')
      .where('id', '=', callOutId)
      .executeTakeFirstOrThrow();
    expect(row.start_token).toBe(send.formToken);
    const notes = [first, second, third].map((body) => visibleTexts(body.value));
    expect(
      notes.filter((texts) => texts.includes('Deze oproep was al verstuurd; er is geen tweede gestart.')),
    ).toHaveLength(2);
    const status = first.value;
    expect(visibleTexts(status)[0]).toBe('Crisisoproep verstuurd: incident · direct');
    expect(visibleTexts(status)).toContain('Verstuurd 0 van 3 · 0 geantwoord · 0 onbereikbaar');
    expect(status.refresh).toEqual({
      action: { type: 'Action.Execute', verb: 'callOutStart.status', data: { callOutId, version: 1 } },
      userIds: [`8:orgid:${sanne.aadObjectId}`],
    });
    const tab = findAll(status, /^Action\.OpenUrl$/)[0];
    expect(tab?.url).toBe(`${server.deps.config.publicUrl.replace(/\/*$/, '/')}crisisoproepen/${callOutId}`);
    // The start is audited on the bot channel, with the form's token as its request id.
    await sealAuditJournal(server.database.db);
    const audited = await server.database.db
      .selectFrom('audit_events')
      .select(['action', 'channel', 'request_id'])
      .where('object_id', '=', callOutId)
      .where('action', '=', 'call-out.start')
      .execute();
    expect(audited).toEqual([{ action: 'call-out.start', channel: 'bot', request_id: send.formToken }]);
  });

  it('delivers the alert cards, and the starter’s card shows progress after a recipient answers', async () => {
    connector.clear();
    startWorker();
    await waitFor('every alert card settled', () => settled(server.database.db, callOutId));
    expect(await deliveryStates(server.database.db, callOutId)).toEqual({ sent: 2, unreachable: 1 });
    const alerts = connector.requests.filter((r) => r.kind === 'send' && r.status === 201);
    expect(alerts.map((r) => r.conversationId).sort()).toEqual(
      [`a:personal-${joris.aadObjectId}`, `a:personal-${sanne.aadObjectId}`].sort(),
    );

    const answered = await press(joris, 'callout.answer', { callOutId, answer: 'coming' });
    expect(visibleTexts(answered.value)).toContain('Kaart bij 2 van 3 · 1 geantwoord · 1 onbereikbaar');
    const refreshed = await press(
      sanne,
      'callOutStart.status',
      { callOutId, version: 1 },
      { trigger: 'automatic' },
    );
    const texts = visibleTexts(refreshed.value);
    expect(texts).toContain('Verstuurd 2 van 3 · 1 geantwoord · 1 onbereikbaar');
    expect(texts).toContain('1 persoon kan Teams niet bereiken: bel ze. De tab toont wie.');
    const [tally] = findAll(refreshed.value, /^FactSet$/);
    expect(tally?.facts).toContainEqual({ title: 'Ik kom', value: '1' });
    expect((refreshed.value.refresh as { action: { data: unknown } }).action.data).toEqual({
      callOutId,
      version: 2,
    });
  });

  it('shows the status only to those who may see the call-out', async () => {
    const dewi = staff('Dewi Sastromedjo'); // Buiten: neither starter nor recipient
    const refused = await press(dewi, 'callOutStart.status', { callOutId });
    expect(visibleTexts(refused.value)[0]).toBe('Oproep niet gevonden');
    expect(refused.value).not.toHaveProperty('refresh');
  });
});

describe('malformed or tampered start actions', () => {
  async function sendWith(fields: Record<string, unknown>, verb = 'callOutStart.send') {
    const form = await say(sanne, 'crisisoproep');
    const centrum = havenWijken[0]?.id as string;
    const before = await callOutsStartedBy(sanne.aadObjectId);
    const body = await press(
      sanne,
      verb,
      filledIn(form, { ...FIELDS, placeIds: centrum, ...fields } as never),
    );
    expect(await callOutsStartedBy(sanne.aadObjectId)).toEqual(before);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    return visibleTexts(body.value);
  }

  it.each([
    ['a wijk that is no id', { placeIds: 'not-a-uuid' }, 'Kies één of meer wijken uit de lijst.'],
    ['no wijk at all', { placeIds: '' }, 'Kies één of meer wijken uit de lijst.'],
    [
      'a 5000-character summary',
      { summary: 'x'.repeat(5000) },
      'Vul in wat er is gebeurd, in hooguit 1000 tekens.',
    ],
    ['an unknown kind', { kind: 'riot' }, 'Kies de soort: incident, spanning of geplande interventie.'],
    ['a community that is no id', { communityIds: '42' }, 'Kies gemeenschappen alleen uit de lijst.'],
  ])('gives the form back for %s, and starts nothing', async (_what, fields, message) => {
    const texts = await sendWith(fields);
    expect(texts[0]).toBe('Crisisoproep starten');
    expect(texts).toContain(`- ${message}`);
  });

  it('refuses a wijk of another network in the form, before the service', async () => {
    const texts = await sendWith({ placeIds: stadWijk });
    expect(texts).toContain('- Kies één of meer wijken uit de lijst.');
  });

  it('gives the form back for an unknown verb and for a send without its form token', async () => {
    expect(await sendWith({}, 'callOutStart.launch')).toContain(
      '- Deze knop kennen we niet (meer). Vul het formulier opnieuw in.',
    );
    expect(await sendWith({ formToken: 'x' })).toContain(
      '- Deze knop kennen we niet (meer). Vul het formulier opnieuw in.',
    );
  });

  it('answers a status for an id that is no call-out with a card, in English for an English client', async () => {
    const body = await press(sanne, 'callOutStart.status', { callOutId: "1' or 1=1" }, { locale: 'en-GB' });
    expect(visibleTexts(body.value)[0]).toBe('Call-out not found');
    const missing = await press(
      sanne,
      'callOutStart.status',
      { callOutId: randomUUID() },
      { locale: 'en-GB' },
    );
    expect(visibleTexts(missing.value)[0]).toBe('Call-out not found');
  });

  it('says what is wrong in English to an English client, and refuses an action without a Teams user', async () => {
    const form = await say(sanne, 'call-out', 'en-US');
    const data = filledIn(form, {
      ...FIELDS,
      summary: 'x'.repeat(5000),
      placeIds: havenWijken[0]?.id as string,
    });
    const body = await press(sanne, 'callOutStart.preview', data, { locale: 'en-US' });
    expect(visibleTexts(body.value)).toContain('- Fill in what happened, in at most 1000 characters.');
    const nobody = await press({ ...sanne, aadObjectId: '' }, 'callOutStart.send', data);
    expect(visibleTexts(nobody.value)[0]).toBe('Nog niet bekend in Bondgenoten');
  });

  it('never answers with a server error, also without data at all', async () => {
    const body = await press(sanne, 'callOutStart.preview', null);
    expect(visibleTexts(body.value)[0]).toBe('Crisisoproep starten');
    expect(server.logLines.filter((line) => /"level":(50|60)/.test(line))).toEqual([]);
  });
});

// Last: Petra talking to the bot makes her reachable, which the preview above relies on her not being.
describe('in a group chat or channel', () => {
  it('offers no form there and refuses a preview or send posted there, since they show names', async () => {
    const groupChat = {
      id: '19:fictief-groepsgesprek@thread.v2',
      conversationType: 'groupChat',
      tenantId: DEMO_TENANT_ID,
    };
    connector.clear();
    const command = await postActivity(
      server.url,
      activityFor(sanne, { text: 'crisisoproep', locale: 'nl-NL', conversation: groupChat }),
    );
    expect(command.status).toBe(200);
    const reply = connector.activities[0]?.activity.attachments as { content: Card }[];
    const card = reply[0]?.content as Card;
    expect(visibleTexts(card)).toEqual([
      'Start een crisisoproep in je chat met de bot',
      expect.stringContaining('1-op-1 chat'),
    ]);
    expect(findAll(card, /^(Action\.|Input\.)/)).toEqual([]);

    const before = await callOutsStartedBy(sanne.aadObjectId);
    for (const verb of ['callOutStart.preview', 'callOutStart.send']) {
      const activity = activityFor(sanne, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        locale: 'nl-NL',
        conversation: { ...groupChat, conversationType: verb.endsWith('send') ? 'channel' : 'groupChat' },
        value: {
          action: {
            type: 'Action.Execute',
            verb,
            data: { formToken: randomUUID(), ...FIELDS, placeIds: havenWijken[0]?.id },
          },
          trigger: 'manual',
        },
      });
      delete activity.text;
      const response = await postActivity(server.url, activity);
      const body = (await response.json()) as InvokeBody;
      expectSaying(visibleTexts(body.value)[0], verb).toBe('Start een crisisoproep in je chat met de bot');
    }
    expect(await callOutsStartedBy(sanne.aadObjectId)).toEqual(before);
  });
});

describe('who may not start a call-out', () => {
  it('refuses, readably, staff who may not start a call-out and people Bondgenoten does not know', async () => {
    const secretary = await say(petra, 'crisisoproep');
    expect(visibleTexts(secretary)).toEqual([
      'Geen crisisoproep mogelijk',
      expect.stringContaining('alleen als coördinator of lid'),
    ]);
    expect(findAll(secretary, /^(Action\.|Input\.)/)).toEqual([]);
    const stranger = await say(
      { id: `29:${randomUUID()}`, aadObjectId: randomUUID(), name: 'Onbekend' },
      'crisisoproep',
    );
    expect(visibleTexts(stranger)[0]).toBe('Nog niet bekend in Bondgenoten');
  });

  it('refuses someone known to Bondgenoten without any role, and starts nothing on a tampered send', async () => {
    const aadObjectId = randomUUID();
    await server.database.db
      .insertInto('users')
      .values({ tenant_id: DEMO_TENANT_ID, aad_object_id: aadObjectId, display_name: 'Fictieve Stagiair' })
      .execute();
    const intern = { id: `29:${randomUUID()}`, aadObjectId, name: 'Fictieve Stagiair' };
    expect(visibleTexts(await say(intern, 'crisisoproep'))[0]).toBe('Geen crisisoproep mogelijk');
    const send = await press(intern, 'callOutStart.send', {
      formToken: randomUUID(),
      ...FIELDS,
      placeIds: havenWijken[0]?.id,
    });
    expect(visibleTexts(send.value)[0]).toBe('Geen crisisoproep mogelijk');
    expect(await callOutsStartedBy(aadObjectId)).toEqual([]);
  });
});
