import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { composeBotHandler } from '../../src/server/compose.js';
import { DEMO_STAFF, DEMO_TENANT_ID } from '../../src/server/seed/demo-data.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { type BotConnectorStandIn, startBotConnectorStandIn } from '../stand-ins/bot-connector.js';
import { type EntraStandIn, startEntraStandIn } from '../stand-ins/entra-openid.js';
import { adaptiveCardProblems, findAll, visibleTexts } from './call-out-fixtures.js';
import { BOT_APP_ID, buildTeamsActivity, postActivity } from './teams-activity.js';

// The message actions as Teams invokes them from a channel message (composeExtension/fetchTask, then
// composeExtension/submitAction from the dialog's Action.Submit), through the Bot Framework protocol with
// channel tokens of the loopback Bot Connector stand-in; what they store is read back through the API.
const FOREIGN_TENANT = '55555555-5555-4555-8555-555555555555';
const CLIENT_ID = '22222222-2222-4222-8222-222222222222';
const AUDIENCE = `api://bondgenoten.example.org/${CLIENT_ID}`;

// A fictional channel message as Teams puts it in `messagePayload.body` (HTML), with markup and a script.
const MESSAGE_HTML =
  '<p><at id="0">Sanne</at> Fictief: <b>jongeren</b> op&nbsp;scooters bij het winkelcentrum &amp; de moskee</p>' +
  '<p>&lt;script&gt;alert(1)&lt;/script&gt;<script>document.cookie</script> Tweede regel</p>';
const MESSAGE_TEXT =
  'Sanne Fictief: jongeren op scooters bij het winkelcentrum & de moskee\n<script>alert(1)</script> Tweede regel';

type Card = Record<string, unknown>;
interface DialogBody {
  task: { type: string; value: { title: string; card: { contentType: string; content: Card } } | string };
}

let entra: EntraStandIn;
let connector: BotConnectorStandIn;
let server: TestServer;
let sanneToken: string;
const ids = new Map<string, string>();
const id = (name: string) => ids.get(name) as string;

function staff(name: string) {
  const member = DEMO_STAFF.find((candidate) => candidate.displayName === name);
  if (!member) throw new Error(`no demo staff member ${name}`);
  return { id: `29:${randomUUID()}`, aadObjectId: member.objectId, name };
}
const sanne = staff('Sanne Verhoef'); // coordinator of Haven
const anouk = staff('Anouk Terpstra'); // administrator, no network

/** A message action's invoke from a channel message, signed by the channel. */
async function invoke(
  user: { id: string; aadObjectId: string; name: string },
  name: 'composeExtension/fetchTask' | 'composeExtension/submitAction',
  value: Record<string, unknown>,
  tenantId = DEMO_TENANT_ID,
) {
  const activity = buildTeamsActivity(connector.url, {
    type: 'invoke',
    name,
    user,
    conversation: {
      id: '19:fictief@thread.tacv2;messageid=1700000000000',
      conversationType: 'channel',
      isGroup: true,
      tenantId,
    },
    channelData: {
      tenant: { id: tenantId },
      channel: { id: '19:fictief@thread.tacv2' },
      team: { id: '19:team@thread.tacv2' },
      source: { name: 'message' },
    },
    value: {
      commandContext: 'message',
      context: { theme: 'default' },
      messagePayload: {
        id: '1700000000000',
        messageType: 'message',
        createdDateTime: '2026-03-01T09:15:00.000Z',
        importance: 'normal',
        locale: 'nl-nl',
        from: { user: { id: randomUUID(), displayName: 'Fictieve Collega', userIdentityType: 'aadUser' } },
        body: { contentType: 'html', content: MESSAGE_HTML },
        attachments: [],
        mentions: [],
        reactions: [],
      },
      ...value,
    },
  });
  delete activity.text;
  const token = await connector.issueChannelToken({ appId: BOT_APP_ID, serviceUrl: connector.url });
  return postActivity(server.url, activity, { authorization: `Bearer ${token}` });
}

/** The dialog's card after an invoke, checked with the official Adaptive Cards library. */
async function dialog(response: Response): Promise<{ title: string; card: Card }> {
  expect(response.status).toBe(200);
  const body = (await response.json()) as DialogBody;
  expect(body.task.type).toBe('continue');
  const value = body.task.value as { title: string; card: { contentType: string; content: Card } };
  expect(value.card.contentType).toBe('application/vnd.microsoft.card.adaptive');
  expect(adaptiveCardProblems(value.card.content)).toEqual([]);
  // Teams runs no Universal Actions in a message extension's dialog, and a dialog does not refresh.
  expect(findAll(value.card.content, /^Action\.Execute$/)).toEqual([]);
  expect(value.card.content.refresh).toBeUndefined();
  return { title: value.title, card: value.card.content };
}

function inputs(card: Card): Record<string, Record<string, unknown>> {
  return Object.fromEntries(findAll(card, /^Input\./).map((input) => [String(input.id), input]));
}
/** What the dialog submits for a button: the inputs as filled in, merged with the button's data. */
function submitted(card: Card, filled: Record<string, string>, button = 0): Record<string, unknown> {
  const actions = findAll(card, /^Action\.Submit$/);
  const data = actions[button]?.data as Record<string, unknown>;
  expect(data).toBeDefined();
  const defaults = Object.fromEntries(
    Object.entries(inputs(card)).map(([key, input]) => [key, String(input.value ?? '')]),
  );
  return { ...defaults, ...filled, ...data };
}

async function api(path: string) {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    headers: { authorization: `Bearer ${sanneToken}` },
  });
  return { status: response.status, json: (await response.json()) as unknown };
}

async function auditRows(action: string) {
  await sealAuditJournal(server.database.db);
  return server.database.db
    .selectFrom('audit_events')
    .select(['channel', 'object_type', 'object_id', 'result'])
    .where('action', '=', action)
    .execute();
}

const countSignals = async () =>
  Number(
    (
      await server.database.db
        .selectFrom('signals')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  entra = await startEntraStandIn({ audience: AUDIENCE });
  connector = await startBotConnectorStandIn();
  server = await startTestServer({
    env: {
      AAD_CLIENT_ID: CLIENT_ID,
      AAD_CLIENT_SECRET: 'test-secret',
      AAD_TENANT_ID: DEMO_TENANT_ID,
      AAD_ALLOWED_TENANTS: DEMO_TENANT_ID,
      AAD_AUTHORITY_HOST: entra.authorityHost,
      PUBLIC_URL: 'https://bondgenoten.example.org',
      BOT_ID: BOT_APP_ID,
      BOT_PASSWORD: 'not-a-real-secret',
      BOT_TENANT_ID: DEMO_TENANT_ID,
    },
    botHandler: (deps) => composeBotHandler(deps, { openIdMetadataUrl: connector.openIdMetadataUrl }),
  });
  sanneToken = await entra.issueToken(DEMO_TENANT_ID, { oid: sanne.aadObjectId, name: 'Sanne' });
  const db = server.database.db;
  for (const row of await db.selectFrom('networks').select(['id', 'name']).execute())
    ids.set(row.name, row.id);
  for (const row of await db.selectFrom('areas').select(['id', 'name']).execute()) ids.set(row.name, row.id);
}, 60_000);

afterAll(async () => {
  await server?.close();
  await connector?.close();
  await entra?.close();
});

describe('Maak signaal on a chat message', () => {
  it('opens the signaal form prefilled with the message as plain text, for the user’s own networks, storing nothing', async () => {
    const before = await countSignals();
    const { title, card } = await dialog(
      await invoke(sanne, 'composeExtension/fetchTask', { commandId: 'createSignal' }),
    );
    expect(title).toBe('Maak signaal');
    expect(visibleTexts(card)[0]).toBe('Signaal vastleggen');
    const fields = inputs(card);
    expect(fields.text?.value).toBe(MESSAGE_TEXT);
    const wijken = ((fields.wijk?.choices ?? []) as { value: string }[]).map((choice) => choice.value);
    expect(wijken).toContain(`${id('Bondgenoten Haven')}|${id('Centrum Haven')}`);
    expect(wijken.every((value) => value.startsWith(`${id('Bondgenoten Haven')}|`))).toBe(true);
    const [submit] = findAll(card, /^Action\.Submit$/);
    expect(submit?.data).toMatchObject({ dialogVerb: 'signal.record', formToken: expect.any(String) });
    expect(await countSignals()).toBe(before);
    expect(await auditRows('signal.create')).toEqual([]);
  });

  it('records the confirmed signal through the API’s service: readable through the API, audited from the bot, once', async () => {
    const { card } = await dialog(
      await invoke(sanne, 'composeExtension/fetchTask', { commandId: 'createSignal' }),
    );
    const haven = id('Bondgenoten Haven');
    const data = submitted(card, { wijk: `${haven}|${id('Centrum Haven')}`, theme: 'spanningen' });
    const saved = await dialog(
      await invoke(sanne, 'composeExtension/submitAction', { commandId: 'createSignal', data }),
    );
    expect(saved.title).toBe('Maak signaal');
    expect(visibleTexts(saved.card)[0]).toBe('Signaal vastgelegd');
    // Teams may deliver the submit twice: the form token keeps it one signal.
    const again = await dialog(
      await invoke(sanne, 'composeExtension/submitAction', { commandId: 'createSignal', data }),
    );
    expect(visibleTexts(again.card)[0]).toBe('Signaal al opgeslagen');

    const list = await api(`/networks/${haven}/signals`);
    expect(list.status).toBe(200);
    const signals = list.json as { id: string; text: string; themes: string[]; urgency: string }[];
    const stored = signals.filter((signal) => signal.text === MESSAGE_TEXT);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ themes: ['spanningen'], urgency: 'attention' });
    const created = await auditRows('signal.create');
    expect(created).toEqual([
      { channel: 'bot', object_type: 'signal', object_id: stored[0]?.id, result: 'success' },
    ]);
  });

  it('continues an urgent signal into the call-out start form in the same dialog', async () => {
    const { card } = await dialog(
      await invoke(sanne, 'composeExtension/fetchTask', { commandId: 'createSignal' }),
    );
    const haven = id('Bondgenoten Haven');
    const data = submitted(card, {
      wijk: `${haven}|${id('De Velden')}`,
      theme: 'spanningen',
      urgency: 'urgent',
      text: 'Fictief: onrust bij het buurthuis',
    });
    const saved = await dialog(
      await invoke(sanne, 'composeExtension/submitAction', { commandId: 'createSignal', data }),
    );
    const [startCallOut] = findAll(saved.card, /^Action\.Submit$/);
    expect(startCallOut?.data).toMatchObject({ dialogVerb: 'callOutStart.edit', placeIds: id('De Velden') });
    const form = await dialog(
      await invoke(sanne, 'composeExtension/submitAction', {
        commandId: 'createSignal',
        data: startCallOut?.data,
      }),
    );
    expect(visibleTexts(form.card)[0]).toBe('Crisisoproep starten');
    expect(inputs(form.card).placeIds?.value).toBe(id('De Velden'));
  });

  it('puts the form back with a readable message for bad input, storing nothing', async () => {
    const before = await countSignals();
    const { card } = await dialog(
      await invoke(sanne, 'composeExtension/fetchTask', { commandId: 'createSignal' }),
    );
    const haven = id('Bondgenoten Haven');
    const data = submitted(card, {
      wijk: `${haven}|${id('Centrum Haven')}`,
      theme: 'spanningen',
      urgency: 'heel erg',
      text: '   ',
    });
    const again = await dialog(
      await invoke(sanne, 'composeExtension/submitAction', { commandId: 'createSignal', data }),
    );
    expect(visibleTexts(again.card).join(' ')).toContain('Niet alles is goed ingevuld');
    expect(inputs(again.card).text?.label).toContain('⚠');
    // No button verb, a verb outside the dialog's families, an unknown command, or no value at all.
    for (const value of [
      { commandId: 'createSignal', data: { text: 'Fictief' } },
      { commandId: 'createSignal', data: { ...data, dialogVerb: 'callout.answer' } },
      { commandId: 'createSignal', data: 'geen object' },
      { commandId: 'geenCommando', data },
      { commandId: 42 },
    ]) {
      const refused = await dialog(await invoke(sanne, 'composeExtension/submitAction', value));
      expect(visibleTexts(refused.card)[0]).toBe('Deze actie ken ik niet');
    }
    const unknown = await dialog(
      await invoke(sanne, 'composeExtension/fetchTask', { commandId: 'geenCommando' }),
    );
    expect(visibleTexts(unknown.card)[0]).toBe('Deze actie ken ik niet');
    expect(await countSignals()).toBe(before);
  });

  it('tells a user without a network they record signals in why, in a card', async () => {
    const { card } = await dialog(
      await invoke(anouk, 'composeExtension/fetchTask', { commandId: 'createSignal' }),
    );
    expect(visibleTexts(card).join(' ')).toContain('in geen enkel netwerk');
    expect(inputs(card)).toEqual({});
  });
});

describe('Start crisisoproep on a chat message', () => {
  it('opens the start form with the message as what happened, and previews and starts through the form’s own verbs', async () => {
    const { title, card } = await dialog(
      await invoke(sanne, 'composeExtension/fetchTask', { commandId: 'startCallOut' }),
    );
    expect(title).toBe('Start crisisoproep');
    expect(visibleTexts(card)[0]).toBe('Crisisoproep starten');
    expect(inputs(card).summary?.value).toBe(MESSAGE_TEXT);
    const form = submitted(card, {
      placeIds: id('Centrum Haven'),
      ask: 'Fictief: wie kan er vanavond komen?',
    });
    const preview = await dialog(
      await invoke(sanne, 'composeExtension/submitAction', { commandId: 'startCallOut', data: form }),
    );
    const buttons = findAll(preview.card, /^Action\.Submit$/);
    expect(buttons.map((button) => (button.data as { dialogVerb: string }).dialogVerb)).toEqual([
      'callOutStart.send',
      'callOutStart.edit',
    ]);
    const openBefore = await api('/call-outs');
    const sent = await dialog(
      await invoke(sanne, 'composeExtension/submitAction', {
        commandId: 'startCallOut',
        data: buttons[0]?.data,
      }),
    );
    expect(visibleTexts(sent.card)[0]).toContain('Crisisoproep');
    const openAfter = await api('/call-outs');
    const summaries = (openAfter.json as { summary: string }[]).map((callOut) => callOut.summary);
    expect(summaries.filter((summary) => summary === MESSAGE_TEXT)).toHaveLength(1);
    expect((openAfter.json as unknown[]).length).toBe((openBefore.json as unknown[]).length + 1);
  });
});

describe('the message actions’ boundaries', () => {
  it('refuses a user of a tenant that is not served with 403, as every invoke, and audits it', async () => {
    const before = (await auditRows('access.denied')).length;
    const response = await invoke(
      { id: `29:${randomUUID()}`, aadObjectId: randomUUID(), name: 'Fictief' },
      'composeExtension/fetchTask',
      { commandId: 'createSignal' },
      FOREIGN_TENANT,
    );
    expect(response.status).toBe(403);
    const denied = await auditRows('access.denied');
    expect(denied.slice(before)).toEqual([
      { channel: 'bot', object_type: 'tenant', object_id: FOREIGN_TENANT, result: 'denied' },
    ]);
  });

  it('never writes the message’s text to the log', () => {
    expect(server.logLines.length).toBeGreaterThan(0);
    const log = server.logLines.join('\n');
    for (const fragment of ['scooters', 'winkelcentrum', 'alert(1)', 'document.cookie', 'Tweede regel'])
      expect(log).not.toContain(fragment);
  });
});
