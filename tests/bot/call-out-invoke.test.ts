import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { callOutCardVerbs } from '../../src/call-outs/bot/call-out-invoke.js';
import {
  type AlertCardView,
  type AnswerInput,
  CallOutAnswerError,
  type CallOutAnswers,
  type CardActor,
} from '../../src/call-outs/contract.js';
import { composeBotHandler } from '../../src/server/compose.js';
import { createInvokeRouter } from '../../src/teams/invoke-router.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { type BotConnectorStandIn, startBotConnectorStandIn } from '../stand-ins/bot-connector.js';
import { buildAlertCardView, findAll, visibleTexts } from './call-out-fixtures.js';
import {
  BOT_APP_ID,
  buildTeamsActivity,
  buildTeamsUser,
  postActivity,
  TENANT_ID,
  type TeamsUser,
} from './teams-activity.js';

const BOT_ENV = { BOT_ID: BOT_APP_ID, BOT_PASSWORD: 'not-a-real-secret', BOT_TENANT_ID: TENANT_ID };
const CALL_OUT_ID = '3f6b2d8e-1c4a-4e7b-9a05-7d2c8b1e6f43';
const RECIPIENTS = 5;

type PortCall =
  | { method: 'answer'; actor: CardActor; input: AnswerInput }
  | { method: 'view'; actor: CardActor; callOutId: string };

/**
 * The call-out domain's port as this test needs it: it keeps each actor's answer, derives the tally and
 * records every call, so the tests see exactly what the bot handed over (or that it handed over nothing).
 */
class RecordingCallOutAnswers implements CallOutAnswers {
  calls: PortCall[] = [];
  failure: Error | null = null;
  private readonly answers = new Map<string, NonNullable<AlertCardView['mine']>>();

  async answer(actor: CardActor, input: AnswerInput, now: Date) {
    this.calls.push({ method: 'answer', actor, input });
    if (this.failure) throw this.failure;
    const changed = this.answers.has(actor.aadObjectId);
    const { answer, note, etaMinutes } = input;
    this.answers.set(actor.aadObjectId, { answer, note, etaMinutes, answeredAt: now.toISOString() });
    return { view: this.viewFor(actor), changed };
  }

  async view(actor: CardActor, callOutId: string) {
    this.calls.push({ method: 'view', actor, callOutId });
    if (this.failure) throw this.failure;
    return this.viewFor(actor);
  }

  reset(): void {
    this.calls = [];
    this.failure = null;
    this.answers.clear();
  }

  private viewFor(actor: CardActor): AlertCardView {
    const all = [...this.answers.values()];
    const count = (answer: string) => all.filter((entry) => entry.answer === answer).length;
    return buildAlertCardView({
      callOutId: CALL_OUT_ID,
      tally: {
        coming: count('coming'),
        callingAllies: count('calling-allies'),
        unavailable: count('unavailable'),
        pending: RECIPIENTS - all.length,
      },
      answers: [],
      mine: this.answers.get(actor.aadObjectId) ?? null,
    });
  }
}

const port = new RecordingCallOutAnswers();
let connector: BotConnectorStandIn;
let server: TestServer;

beforeAll(async () => {
  connector = await startBotConnectorStandIn();
  server = await startTestServer({
    env: BOT_ENV,
    seed: false,
    botHandler: (deps) =>
      composeBotHandler(deps, { openIdMetadataUrl: connector.openIdMetadataUrl, callOutAnswers: port }),
  });
});
afterAll(async () => {
  await server?.close();
  await connector?.close();
});
beforeEach(() => {
  connector.clear();
  port.reset();
});

/** An `Action.Execute` as Teams sends it: the action's data merged with the card's input values. */
function execute(verb: string, data: Record<string, unknown> | undefined, trigger = 'manual') {
  return { action: { type: 'Action.Execute', id: '', verb, ...(data ? { data } : {}) }, trigger };
}

function answerData(answer: string, inputs: Record<string, unknown> = { note: '', etaMinutes: '' }) {
  return { callOutId: CALL_OUT_ID, answer, ...inputs };
}

interface InvokeResult {
  status: number;
  body: { statusCode: number; type: string; value: unknown } | null;
}

async function invoke(
  value: unknown,
  options: { user?: TeamsUser; locale?: string; signed?: boolean; fields?: Record<string, unknown> } = {},
  target: TestServer = server,
): Promise<InvokeResult> {
  const activity = buildTeamsActivity(connector.url, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: '1732888888888',
    value,
    user: options.user ?? buildTeamsUser(),
    locale: options.locale ?? 'nl-NL',
    ...options.fields,
  });
  delete activity.text;
  if (value === undefined) delete activity.value;
  const headers: Record<string, string> = {};
  if (options.signed !== false) {
    const token = await connector.issueChannelToken({ appId: BOT_APP_ID, serviceUrl: connector.url });
    headers.authorization = `Bearer ${token}`;
  }
  const response = await postActivity(target.url, activity, headers);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

function cardOf(result: InvokeResult) {
  expect(result.status).toBe(200);
  expect(result.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  expect(result.body?.value).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
  return result.body?.value as Record<string, unknown>;
}

function tallyOf(card: unknown) {
  const facts = (findAll(card, /^FactSet$/)[0]?.facts ?? []) as { title: string; value: string }[];
  return facts.map(({ title, value }) => `${title} ${value}`);
}

describe('answering the alert card', () => {
  it('hands the answer to the call-out domain and answers with the refreshed card for this user', async () => {
    const user = buildTeamsUser();
    const result = await invoke(
      execute(
        'callout.answer',
        answerData('coming', { note: '  Ik neem de wijkagent mee  ', etaMinutes: '15' }),
      ),
      { user },
    );

    const card = cardOf(result);
    expect(tallyOf(card)).toEqual([
      'Ik kom 1',
      'Ik bel mijn bondgenoten 0',
      'Niet beschikbaar 0',
      'Nog geen antwoord 4',
    ]);
    expect(visibleTexts(card)).toContainEqual(
      expect.stringMatching(
        /^Je antwoord: Ik kom, over 15 min \(\d\d:\d\d\) — nogmaals antwoorden wijzigt het$/,
      ),
    );
    expect(port.calls).toEqual([
      {
        method: 'answer',
        actor: { tenantId: TENANT_ID, aadObjectId: user.aadObjectId },
        input: { callOutId: CALL_OUT_ID, answer: 'coming', note: 'Ik neem de wijkagent mee', etaMinutes: 15 },
      },
    ]);
    expect(connector.activities).toEqual([]);
    expect(connector.unhandled).toEqual([]);
  });

  it('says the answer was changed when the same user answers again', async () => {
    const user = buildTeamsUser();
    await invoke(execute('callout.answer', answerData('coming')), { user });
    const card = cardOf(await invoke(execute('callout.answer', answerData('unavailable')), { user }));

    expect(visibleTexts(card)).toContainEqual(
      expect.stringMatching(/^Je antwoord is gewijzigd in: Niet beschikbaar \(\d\d:\d\d\)/),
    );
    expect(tallyOf(card)).toContain('Ik kom 0');
    expect(tallyOf(card)).toContain('Niet beschikbaar 1');
  });

  it('speaks English to an English client', async () => {
    const user = buildTeamsUser();
    await invoke(execute('callout.answer', answerData('coming')), { user, locale: 'en-GB' });
    const card = cardOf(
      await invoke(execute('callout.answer', answerData('calling-allies')), { user, locale: 'en-GB' }),
    );
    expect(visibleTexts(card)).toContainEqual(
      expect.stringMatching(/^Your answer was changed to: I'm calling my allies \(\d\d:\d\d\)/),
    );
  });

  it.each([
    ['blank inputs', { note: '   ', etaMinutes: '' }, { note: null, etaMinutes: null }],
    ['absent inputs', {}, { note: null, etaMinutes: null }],
    ['a numeric ETA of 0', { etaMinutes: 0 }, { note: null, etaMinutes: 0 }],
    ['an ETA of 240 with spaces', { etaMinutes: ' 240 ' }, { note: null, etaMinutes: 240 }],
    // The API's limit (StaffAnswerInput.etaMinutes): the card accepts what the tab accepts.
    ['an ETA of 600', { etaMinutes: '600' }, { note: null, etaMinutes: 600 }],
    [
      'a note of exactly 500 characters',
      { note: 'n'.repeat(500) },
      { note: 'n'.repeat(500), etaMinutes: null },
    ],
  ])('reads %s', async (_label, inputs, expected) => {
    cardOf(await invoke(execute('callout.answer', answerData('coming', inputs))));
    expect(port.calls).toEqual([
      expect.objectContaining({ input: { callOutId: CALL_OUT_ID, answer: 'coming', ...expected } }),
    ]);
  });

  it('refreshes the card from the current view, automatically or on request', async () => {
    const user = buildTeamsUser();
    const card = cardOf(
      await invoke(execute('callout.refresh', { callOutId: CALL_OUT_ID, version: 7 }, 'automatic'), { user }),
    );

    expect(port.calls).toEqual([
      {
        method: 'view',
        actor: { tenantId: TENANT_ID, aadObjectId: user.aadObjectId },
        callOutId: CALL_OUT_ID,
      },
    ]);
    expect(card.refresh).toMatchObject({
      action: { verb: 'callout.refresh', data: { callOutId: CALL_OUT_ID } },
    });
    expect(findAll(card.body, /^Action\.Execute$/).map((action) => action.verb)).toEqual([
      'callout.answer',
      'callout.answer',
      'callout.answer',
    ]);
  });

  it('takes the tenant from channelData when the conversation does not carry it', async () => {
    const user = buildTeamsUser();
    await invoke(execute('callout.answer', answerData('coming')), {
      user,
      fields: { conversation: { id: 'a:fictional', conversationType: 'personal' } },
    });
    expect(port.calls[0]).toMatchObject({ actor: { tenantId: TENANT_ID, aadObjectId: user.aadObjectId } });
  });
});

describe('malformed card actions', () => {
  const ANSWER_REFUSED = 'Kies Ik kom, Ik bel mijn bondgenoten of Niet beschikbaar.';
  const UNKNOWN_BUTTON = 'Deze knop kennen we niet (meer). Ga terug naar de oproep en probeer het opnieuw.';
  const ETA_REFUSED = 'Geef het aantal minuten als een heel getal van 0 tot 600.';

  it.each([
    ['no data', execute('callout.answer', undefined), UNKNOWN_BUTTON],
    ['data that is not an object', execute('callout.answer', 'coming' as never), UNKNOWN_BUTTON],
    [
      'no call-out',
      execute('callout.answer', { answer: 'coming' }),
      'De kaart mist de gegevens van de oproep.',
    ],
    ['an unknown answer', execute('callout.answer', answerData('misschien')), ANSWER_REFUSED],
    ['no answer', execute('callout.answer', { callOutId: CALL_OUT_ID }), ANSWER_REFUSED],
    [
      'a note of 501 characters',
      execute('callout.answer', answerData('coming', { note: 'n'.repeat(501) })),
      'De notitie mag hooguit 500 tekens lang zijn.',
    ],
    [
      'a non-numeric ETA',
      execute('callout.answer', answerData('coming', { etaMinutes: 'een kwartier' })),
      ETA_REFUSED,
    ],
    ['a negative ETA', execute('callout.answer', answerData('coming', { etaMinutes: '-5' })), ETA_REFUSED],
    ['an ETA over 600', execute('callout.answer', answerData('coming', { etaMinutes: '601' })), ETA_REFUSED],
    ['a fractional ETA', execute('callout.answer', answerData('coming', { etaMinutes: 12.5 })), ETA_REFUSED],
    ['an unknown callout verb', execute('callout.delete', answerData('coming')), UNKNOWN_BUTTON],
    [
      'an Action.Submit',
      { action: { type: 'Action.Submit', verb: 'callout.answer', data: answerData('coming') } },
      UNKNOWN_BUTTON,
    ],
    ['a value without an action', { trigger: 'manual' }, UNKNOWN_BUTTON],
    ['no value at all', undefined, UNKNOWN_BUTTON],
  ])('answers %s with an error card and leaves the domain alone', async (_label, value, message) => {
    const card = cardOf(await invoke(value));
    expect(visibleTexts(card)).toEqual(['Antwoord niet verstuurd', `- ${message}`]);
    expect(port.calls).toEqual([]);
    expect(connector.activities).toEqual([]);
  });

  it('names every refused field and leads back to the call-out when it is known', async () => {
    const card = cardOf(
      await invoke(
        execute('callout.answer', answerData('coming', { note: 'n'.repeat(501), etaMinutes: 'nu' })),
        { locale: 'en-US' },
      ),
    );
    expect(visibleTexts(card)).toEqual([
      'Answer not sent',
      '- The note can be at most 500 characters long.',
      '- Give the number of minutes as a whole number from 0 to 600.',
    ]);
    expect(findAll(card, /^Action\./)).toEqual([
      expect.objectContaining({ verb: 'callout.refresh', data: { callOutId: CALL_OUT_ID } }),
    ]);
    expect(port.calls).toEqual([]);
  });

  it('refuses an action whose sender has no Entra identity', async () => {
    const user = { ...buildTeamsUser(), aadObjectId: undefined } as unknown as TeamsUser;
    const card = cardOf(await invoke(execute('callout.answer', answerData('coming')), { user }));
    expect(visibleTexts(card)).toContain(
      '- We konden niet vaststellen wie je bent. Open de oproep opnieuw in Teams.',
    );
    expect(port.calls).toEqual([]);
  });

  it('refuses an unsigned invoke before anything else (401)', async () => {
    const result = await invoke(execute('callout.answer', answerData('coming')), { signed: false });
    expect(result.status).toBe(401);
    expect(port.calls).toEqual([]);
  });

  it("answers verbs no feature handles with a card saying so, never botbuilder's bare 501 (issue 13)", async () => {
    const result = await invoke(execute('poll.vote', { choice: 1 }));
    expect(visibleTexts(cardOf(result))[0]).toBe('Deze actie ken ik niet');
    expect(port.calls).toEqual([]);
  });
});

describe('when the call-out domain refuses or fails', () => {
  it('shows a closed call-out with the way back to its final state', async () => {
    port.failure = new CallOutAnswerError('closed', 'call-out 3f6b… is closed');
    const card = cardOf(await invoke(execute('callout.answer', answerData('coming'))));

    expect(visibleTexts(card)).toEqual([
      'Oproep afgesloten',
      'Deze oproep is afgesloten; antwoorden kan niet meer.',
    ]);
    expect(findAll(card, /^Action\./)).toEqual([
      {
        type: 'Action.Execute',
        title: 'Terug naar de oproep',
        verb: 'callout.refresh',
        data: { callOutId: CALL_OUT_ID },
      },
    ]);
    expect(port.calls).toHaveLength(1);
  });

  it.each([
    ['not-found', 'Deze oproep bestaat niet (meer).'],
    ['not-a-recipient', 'Deze oproep is niet aan jou gericht, dus je kunt er niet op antwoorden.'],
    ['invalid', 'Je antwoord kon niet worden verwerkt. Controleer de notitie en het aantal minuten.'],
  ] as const)('explains %s', async (code, message) => {
    port.failure = new CallOutAnswerError(code, 'refused');
    const card = cardOf(await invoke(execute('callout.answer', answerData('coming'))));
    expect(visibleTexts(card)[1]).toBe(message);
  });

  it('answers a failure with an error card and HTTP 200, not the chat apology or a 500', async () => {
    port.failure = new Error('connection to database lost while saving the answer of Fenna Fictief');
    const card = cardOf(await invoke(execute('callout.answer', answerData('coming', { note: 'geheim' }))));

    expect(visibleTexts(card)).toEqual([
      'Er ging iets mis',
      'Er ging aan onze kant iets mis. Probeer het over een minuut opnieuw.',
    ]);
    expect(connector.activities).toEqual([]);
    const logged = server.logLines
      .map((line) => JSON.parse(line))
      .findLast((line) => line.msg === 'call-out card action failed');
    expect(logged).toMatchObject({ level: 50, verb: 'answer', code: 'failed', err: { type: 'Error' } });
    expect(server.logLines.join('\n')).not.toMatch(/Fenna|geheim/);
  });

  it('keeps the card the user has when an automatic refresh fails', async () => {
    port.failure = new Error('timeout');
    const result = await invoke(
      execute('callout.refresh', { callOutId: CALL_OUT_ID, version: 7 }, 'automatic'),
    );

    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      statusCode: 500,
      type: 'application/vnd.microsoft.error',
      value: {
        code: 'failed',
        message: 'Er ging aan onze kant iets mis. Probeer het over een minuut opnieuw.',
      },
    });
  });
});

describe('without a call-out port (a composition that does not wire one)', () => {
  it('says call-outs are not available', async () => {
    const activity = buildTeamsActivity(connector.url, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: execute('callout.answer', answerData('coming')),
    });
    const route = createInvokeRouter([
      callOutCardVerbs({
        callOutAnswers: undefined,
        now: () => new Date(),
        logger: pino({ level: 'silent' }),
      }),
    ]);
    const response = await route(activity as never);
    const card = (response as { value: unknown }).value;
    expect(visibleTexts(card)).toEqual([
      'Crisisoproepen niet beschikbaar',
      'Crisisoproepen zijn in deze omgeving (nog) niet beschikbaar.',
    ]);
    expect(findAll(card, /^Action\./)).toEqual([]);
  });
});
