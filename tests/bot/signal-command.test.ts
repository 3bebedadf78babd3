import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { composeBotHandler } from '../../src/server/compose.js';
import { DEMO_STAFF, DEMO_TENANT_ID } from '../../src/server/seed/demo-data.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { type BotConnectorStandIn, startBotConnectorStandIn } from '../stand-ins/bot-connector.js';
import { adaptiveCardProblems, findAll, visibleTexts } from './call-out-fixtures.js';
import { buildTeamsActivity, postActivity, repliesTo, type TeamsUser } from './teams-activity.js';

// The bot as the server composes it, replies through the loopback Bot Connector stand-in.
let connector: BotConnectorStandIn;
let server: TestServer;
const ids = new Map<string, string>();

type Card = Record<string, unknown>;
type InvokeBody = { statusCode: number; type: string; value: Card };

function staff(name: string): TeamsUser {
  const member = DEMO_STAFF.find((candidate) => candidate.displayName === name);
  if (!member) throw new Error(`no demo staff member ${name}`);
  return { id: `29:${randomUUID()}`, aadObjectId: member.objectId, name };
}
const sanne = staff('Sanne Verhoef'); // coordinator of Haven
const mehmet = staff('Mehmet Kaya-de Bruin'); // member of Stad
const anouk = staff('Anouk Terpstra'); // administrator, no network

function activityFor(user: TeamsUser, fields: Record<string, unknown>, type = 'personal') {
  const id = `a:${type}-${user.aadObjectId}`;
  return buildTeamsActivity(connector.url, {
    user,
    conversationId: id,
    conversation: { id, conversationType: type, tenantId: DEMO_TENANT_ID },
    channelData: { tenant: { id: DEMO_TENANT_ID } },
    ...fields,
  });
}

async function say(user: TeamsUser, text: string, locale = 'nl-NL', type = 'personal'): Promise<Card> {
  connector.clear();
  const activity = activityFor(user, { text, locale }, type);
  const response = await postActivity(server.url, activity);
  expect(response.status).toBe(200);
  const replies = repliesTo(connector.activities, activity);
  expect(replies).toHaveLength(1);
  const attachments = replies[0]?.activity.attachments as { content: Card }[];
  const card = attachments[0]?.content as Card;
  expect(adaptiveCardProblems(card)).toEqual([]);
  return card;
}

async function press(user: TeamsUser, verb: string, data: unknown): Promise<InvokeBody> {
  const activity = activityFor(user, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    locale: 'nl-NL',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });
  delete activity.text;
  const response = await postActivity(server.url, activity);
  expect(response.status).toBe(200);
  const body = (await response.json()) as InvokeBody;
  expect(adaptiveCardProblems(body.value)).toEqual([]);
  return body;
}

function inputs(card: Card): Record<string, Record<string, unknown>> {
  return Object.fromEntries(findAll(card, /^Input\./).map((input) => [String(input.id), input]));
}
const choiceValues = (input: Record<string, unknown> | undefined) =>
  ((input?.choices ?? []) as { title: string; value: string }[]).map((c) => c.value);
const choiceTitles = (input: Record<string, unknown> | undefined) =>
  ((input?.choices ?? []) as { title: string; value: string }[]).map((c) => c.title);

beforeAll(async () => {
  connector = await startBotConnectorStandIn();
  server = await startTestServer({ botHandler: composeBotHandler });
  const db = server.database.db;
  for (const row of await db.selectFrom('networks').select(['id', 'name']).execute())
    ids.set(row.name, row.id);
  for (const row of await db.selectFrom('areas').select(['id', 'name']).execute()) ids.set(row.name, row.id);
  for (const row of await db.selectFrom('people').select(['id', 'display_name']).execute())
    ids.set(row.display_name, row.id);
});
afterAll(async () => {
  await server?.close();
  await connector?.close();
});
const id = (name: string) => ids.get(name) as string;

describe('the signaal command', () => {
  it('opens the form with only the people and wijken of the user’s own networks', async () => {
    const card = await say(sanne, 'signaal');
    expect(visibleTexts(card)[0]).toBe('Signaal vastleggen');
    const fields = inputs(card);
    expect(Object.keys(fields)).toEqual(['wijk', 'theme', 'urgency', 'channel', 'person', 'text']);
    expect(fields.wijk).toMatchObject({ isMultiSelect: true, label: 'Wijk(en)' });
    expect(fields.theme).toMatchObject({ isMultiSelect: true, label: "Thema('s)" });
    const haven = id('Bondgenoten Haven');
    expect(choiceValues(fields.wijk)).toContain(`${haven}|${id('Centrum Haven')}`);
    expect(choiceValues(fields.wijk)).not.toContain(expect.stringContaining(id('Stedenwijk')));
    expect(choiceTitles(fields.person)).toContain('Yasmina el Ouali');
    expect(choiceTitles(fields.person)).not.toContain('Abdelkarim Bennani-Vos');
    expect(choiceValues(fields.theme)).toContain('armoede');
    expect(fields.text).toMatchObject({ isRequired: true, maxLength: 4000 });
    const [submit] = findAll(card, /^Action\.Execute$/);
    expect((submit?.data as { formToken?: string } | undefined)?.formToken).toMatch(/^[0-9a-f-]{36}$/);
    expect(visibleTexts(await say(sanne, 'signal', 'en-GB'))[0]).toBe('Record a signal');
  });

  it('refuses outside a personal chat and users without a recording role', async () => {
    expect(visibleTexts(await say(sanne, 'signaal', 'nl-NL', 'groupChat')).join(' ')).toContain(
      'persoonlijke chat',
    );
    expect(visibleTexts(await say(anouk, 'signaal')).join(' ')).toContain('in geen enkel netwerk');
  });

  it('stores a submitted signal through the API’s schema and service, audited from the bot, once per form', async () => {
    const haven = id('Bondgenoten Haven');
    const form = {
      formToken: randomUUID(),
      wijk: `${haven}|${id('De Velden')}`,
      theme: 'pesten',
      urgency: 'attention',
      channel: 'visit',
      person: `${haven}|${id('Yasmina el Ouali')}`,
      text: 'Fictief: kinderen worden op het schoolplein gepest',
    };
    const answer = await press(sanne, 'signal.record', form);
    // The second press of the same form (or Teams retrying the invoke) records nothing and says so.
    const again = await press(sanne, 'signal.record', form);
    expect(visibleTexts(again.value).slice(0, 2)).toEqual([
      'Signaal al opgeslagen',
      'Dit formulier was al opgeslagen; het signaal staat er één keer in.',
    ]);
    expect(visibleTexts(answer.value)[0]).toBe('Signaal vastgelegd');
    expect(findAll(answer.value, /^Action\.Execute$/)).toEqual([]);
    const stored = await server.database.db
      .selectFrom('signals')
      .select(['network_id', 'person_id', 'themes', 'urgency', 'channel'])
      .where('network_id', '=', haven)
      .execute();
    expect(stored).toEqual([
      {
        network_id: haven,
        person_id: id('Yasmina el Ouali'),
        themes: ['pesten'],
        urgency: 'attention',
        channel: 'visit',
      },
    ]);
    await sealAuditJournal(server.database.db);
    const audit = await server.database.db
      .selectFrom('audit_events')
      .select(['channel'])
      .where('action', '=', 'signal.create')
      .execute();
    expect(audit).toEqual([{ channel: 'bot' }]);
    const replayRead = await server.database.db
      .selectFrom('audit_events')
      .select(['channel'])
      .where('action', '=', 'signal.read')
      .execute();
    expect(replayRead).toEqual([{ channel: 'bot' }]);
  });

  it('puts the form back with the problem when a field is refused, storing nothing', async () => {
    const haven = id('Bondgenoten Haven');
    const stad = id('Bondgenoten Stad');
    const answer = await press(sanne, 'signal.record', {
      wijk: `${haven}|${id('De Velden')}`,
      theme: 'pesten',
      urgency: 'attention',
      channel: 'visit',
      person: `${stad}|${id('Abdelkarim Bennani-Vos')}`,
      text: '   ',
    });
    expect(visibleTexts(answer.value)[0]).toBe('Signaal vastleggen');
    expect(visibleTexts(answer.value).join(' ')).toContain('Niet alles is goed ingevuld');
    expect(inputs(answer.value).person?.label).toContain('⚠');
    // A wijk of a network the user does not record in is refused by the service.
    const outside = await press(mehmet, 'signal.record', {
      wijk: `${haven}|${id('De Velden')}`,
      theme: 'pesten',
      urgency: 'attention',
      channel: 'visit',
      person: 'anonymous',
      text: 'Fictief',
    });
    expect(visibleTexts(outside.value).join(' ')).toContain('in geen enkel netwerk');
    const stored = await server.database.db
      .selectFrom('signals')
      .select('id')
      .where('network_id', '=', haven)
      .execute();
    expect(stored).toHaveLength(1);
  });

  it('offers an urgent signal’s wijk a call-out, prefilled in the call-out start form', async () => {
    const haven = id('Bondgenoten Haven');
    const answer = await press(sanne, 'signal.record', {
      wijk: `${haven}|${id('Centrum Haven')}`,
      theme: 'spanningen',
      urgency: 'urgent',
      channel: 'phone',
      person: 'anonymous',
      text: 'Fictief: jongeren op scooters onderweg naar de demonstratie',
    });
    expect(visibleTexts(answer.value).join(' ')).toContain('Urgent');
    const [button] = findAll(answer.value, /^Action\.Execute$/);
    expect(button).toMatchObject({ verb: 'callOutStart.edit' });
    const data = button?.data as Record<string, string>;
    expect(data.placeIds).toBe(id('Centrum Haven'));
    expect(data.summary).not.toContain('scooters');
    // Pressing it opens the existing call-out start form with the wijk chosen.
    const form = await press(sanne, 'callOutStart.edit', data);
    expect(visibleTexts(form.value)[0]).toBe('Crisisoproep starten');
    const fields = inputs(form.value);
    expect(fields.placeIds?.value).toBe(id('Centrum Haven'));
    expect(fields.kind?.value).toBe('tension');
    expect(fields.urgency?.value).toBe('immediate');
  });

  it('records several wijken and themes at once; wijken of two networks or an unknown theme get the form back', async () => {
    const haven = id('Bondgenoten Haven');
    const stad = id('Bondgenoten Stad');
    const base = {
      urgency: 'information',
      channel: 'app',
      person: 'anonymous',
      text: 'Fictief: zwerfvuil en ruzie bij de containers',
    };
    const count = async () => (await server.database.db.selectFrom('signals').select('id').execute()).length;
    const before = await count();
    const mixed = await press(sanne, 'signal.record', {
      ...base,
      formToken: randomUUID(),
      wijk: `${haven}|${id('De Velden')},${stad}|${id('Stedenwijk')}`,
      theme: 'sluikstorten',
    });
    expect(visibleTexts(mixed.value)).toContain(
      'Kies wijken van één netwerk: een signaal hoort bij één netwerk.',
    );
    expect(inputs(mixed.value).wijk?.label).toBe('Wijk(en) ⚠');
    const unknownTheme = await press(sanne, 'signal.record', {
      ...base,
      formToken: randomUUID(),
      wijk: `${haven}|${id('De Velden')}`,
      theme: 'sluikstorten,Geen Thema!',
    });
    expect(visibleTexts(unknownTheme.value).join(' ')).toContain('Niet alles is goed ingevuld');
    expect(inputs(unknownTheme.value).theme?.label).toBe("Thema('s) ⚠");
    // The form comes back with what was chosen, so nothing has to be picked again.
    expect(inputs(unknownTheme.value).theme?.value).toBe('sluikstorten,Geen Thema!');
    expect(await count()).toBe(before);

    const answer = await press(sanne, 'signal.record', {
      ...base,
      formToken: randomUUID(),
      wijk: `${haven}|${id('De Velden')},${haven}|${id('Centrum Haven')}`,
      theme: 'sluikstorten,overlast',
    });
    expect(visibleTexts(answer.value)[0]).toBe('Signaal vastgelegd');
    const stored = await server.database.db
      .selectFrom('signals')
      .select(['wijk_ids', 'themes'])
      .where('network_id', '=', haven)
      .where('channel', '=', 'app')
      .executeTakeFirstOrThrow();
    expect(new Set(stored.wijk_ids)).toEqual(new Set([id('De Velden'), id('Centrum Haven')]));
    expect(stored.themes).toEqual(['sluikstorten', 'overlast']);
  });
});
