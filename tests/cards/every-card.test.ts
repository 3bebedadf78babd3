import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { EMPTY_FORM } from '../../src/call-outs/bot/call-out-start-schema.js';
import { renderAlertCard } from '../../src/call-outs/bot/cards/call-out-card.js';
import {
  renderAnswerErrorCard,
  renderInvalidInputCard,
} from '../../src/call-outs/bot/cards/call-out-error-card.js';
import {
  renderStartForm,
  renderStartProblemCard,
} from '../../src/call-outs/bot/cards/call-out-start-card.js';
import {
  renderStartPreview,
  renderStartStatus,
} from '../../src/call-outs/bot/cards/call-out-start-status-card.js';
import { type CallOutProblemCode, callOutTextsFor } from '../../src/call-outs/bot/messages-call-out.js';
import {
  callOutStartTextsFor,
  type StartProblemCode,
} from '../../src/call-outs/bot/messages-call-out-start.js';
import { firstCardView } from '../../src/call-outs/first-card-view.js';
import type { StarterFormOptions } from '../../src/call-outs/starter-contract.js';
import { renderIntroductionWelcomeCard } from '../../src/continuity/bot/introduction-welcome-card.js';
import { renderEvaluationDueCard } from '../../src/evaluation/bot/evaluation-due-card.js';
import {
  type ProposalCardView,
  renderAlreadyPlannedCard,
  renderPlannedCard,
  renderPlanProblemCard,
  renderProposalCard,
} from '../../src/meetings/bot/cards/meeting-proposal-card.js';
import { type MeetingPlanProblemCode, meetingTextsFor } from '../../src/meetings/bot/messages-meetings.js';
import type { Meeting } from '../../src/meetings/views/meeting-schemas.js';
import { projectRoot } from '../../src/platform/project-root.js';
import { signalBotTextsFor } from '../../src/signals/bot/messages-signal.js';
import {
  EMPTY_SIGNAL_FORM,
  renderSignalForm,
  renderSignalProblem,
  renderSignalSaved,
} from '../../src/signals/bot/signal-cards.js';
import type { Signal } from '../../src/signals/schemas.js';
import { helpCard } from '../../src/teams/cards/help-card.js';
import { unknownActionCard } from '../../src/teams/cards/unknown-action-card.js';
import type { BotLocale } from '../../src/teams/messages.js';
import { adaptiveCardProblems, buildAlertCardView } from '../bot/call-out-fixtures.js';
import { expectSaying } from '../helpers/expect-saying.js';

/**
 * Every card the bot sends, parsed and validated by the official `adaptivecards` library in Dutch and English:
 * no errors, no warnings.
 *
 * How a new card cannot skip it: card functions live in files named `*card*.ts` under a `bot/` folder or in
 * src/teams/cards (the "card files" below). The first test imports every card file and fails for any exported
 * function that is neither a card builder with samples in BUILDERS nor a named helper in HELPERS; the second
 * fails for any source file outside the card files that builds `type: 'AdaptiveCard'`. So a new card is
 * either sampled here or the suite is red. Plain lists and a file scan, nothing cleverer.
 */

const TAB = { tabUrl: 'https://bondgenoten.example.org/' };
const NETWORK_ID = '7d1e4b2a-9c3f-4e8d-a1b6-5f0c2e7d9a31';
const TOKEN = '6d1f0c4e-2b7a-4e9d-8c3f-1a5b7e9d2c40';
const WIJK = '0b7e5c1a-3d2f-4a6b-9c8e-7f1d2e3a4b50';
const COMMUNITY = '2d9a7e3c-5f4b-4c8d-9e1a-9b3f4a5c6d72';
const CALL_OUT_ID = '3f6b2d8e-1c4a-4e7b-9a05-7d2c8b1e6f43';

const startOptions: StarterFormOptions = {
  districts: [{ name: 'Vogeldistrict', wijken: [{ id: WIJK, name: 'Vogelwijk-Noord' }] }],
  communities: [{ id: COMMUNITY, name: 'Jongeren' }],
};
const filled = {
  kind: 'tension',
  urgency: 'today',
  summary: 'Onrust na een fictief incident.',
  ask: 'Bel je bondgenoten.',
  placeIds: WIJK,
  communityIds: COMMUNITY,
};
const starterStatus = {
  callOutId: CALL_OUT_ID,
  version: 4,
  status: 'open' as const,
  kind: 'tension' as const,
  urgency: 'today' as const,
  summary: 'Onrust na een fictief incident.',
  ask: 'Bel je bondgenoten.',
  places: ['Vogelwijk-Noord'],
  communities: [],
  startedAt: '2026-11-29T13:42:00.000Z',
  goalAt: '2026-11-29T14:42:00.000Z',
  progress: { recipients: 7, sent: 5, unreachable: 1, answered: 3 },
  tally: { coming: 2, callingAllies: 1, unavailable: 0, pending: 4 },
};
const proposalView: ProposalCardView = {
  networkId: NETWORK_ID,
  networkName: 'Bondgenoten Fictiehaven',
  proposal: {
    start: '2027-01-05T17:00:00.000Z',
    end: '2027-01-05T19:00:00.000Z',
    localStartTime: '18:00',
    location: { id: 'c3b1a2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d', name: 'Buurthuis De Schakel (fictief)' },
    chair: { displayName: 'Yasmina el Ouali' },
    adjustments: [
      { nl: 'een week later door de kerstvakantie', en: 'a week later for the Christmas holiday' },
    ],
  },
  skipped: [
    {
      date: '2026-12-29',
      reasons: [{ nl: '29 december: Kerstvakantie', en: '29 December: Christmas holiday' }],
    },
    { date: '2027-01-02', reasons: [] },
  ],
};
const meeting = {
  id: 'e9a1c3d5-7b2f-4e6a-9c8d-1f3e5a7b9c2d',
  networkId: NETWORK_ID,
  start: '2027-01-05T17:00:00.000Z',
  localStartTime: '18:00',
  location: { id: 'c3b1a2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d', name: 'Buurthuis De Schakel (fictief)' },
  chair: { displayName: 'Yasmina el Ouali' },
  calendar: {
    state: 'created',
    eventId: 'AAMkAGI1-fictief',
    webLink: 'https://outlook.office365.com/owa/?itemid=fictief',
    joinUrl: 'https://teams.microsoft.com/l/meetup-join/fictief',
  },
} as unknown as Meeting;
const pendingMeeting = {
  ...meeting,
  calendar: { ...meeting.calendar, state: 'pending', webLink: null },
} as Meeting;
const signalOptions = {
  networks: [
    {
      id: NETWORK_ID,
      name: 'Bondgenoten Fictiehaven',
      wijken: [{ id: WIJK, name: 'Vogelwijk-Noord' }],
      people: [{ id: 'a8c2e4f6-1b3d-4f5a-9c7e-2d4f6a8b0c1e', displayName: 'Yusuf Verzonnen' }],
    },
  ],
  themes: [{ code: 'polarisatie', labelNl: 'Polarisatie', labelEn: 'Polarisation' }],
};
const signal = (urgency: Signal['urgency']) =>
  ({
    urgency,
    wijken: [{ id: WIJK, name: 'Vogelwijk-Noord' }],
    communities: [{ id: COMMUNITY, name: 'Jongeren' }],
    themes: ['polarisatie'],
    followUp: { dueOn: '2026-12-14' },
  }) as unknown as Signal;
const themeLabels = new Map([['polarisatie', 'Polarisatie']]);

const codes = <K extends string>(record: Record<K, unknown>) => Object.keys(record) as K[];

/** Each card builder with the variants worth checking (every problem code, open and closed, with and without). */
const BUILDERS: Record<string, (locale: BotLocale) => unknown[]> = {
  helpCard: (locale) => [
    helpCard(locale, TAB),
    helpCard(locale, { ...TAB, commands: [{ title: 'signaal', value: 'x' }] }),
  ],
  unknownActionCard: (locale) => [unknownActionCard(locale), unknownActionCard(locale, 'failed')],
  renderAlertCard: (locale) => [
    renderAlertCard(buildAlertCardView(), locale),
    renderAlertCard(buildAlertCardView({ status: 'closed' }), locale),
    renderAlertCard(
      buildAlertCardView({
        mine: { answer: 'coming', note: 'Onderweg', etaMinutes: 10, answeredAt: '2026-11-29T13:50:00.000Z' },
        meeting: {
          joinUrl: 'https://teams.microsoft.com/l/meetup-join/fictief',
          start: '2026-11-29T14:30:00.000Z',
        },
        absent: true,
      }),
      locale,
      { answerChanged: true },
    ),
    // The card the tab previews before a call-out starts.
    renderAlertCard(
      firstCardView(
        { kind: 'incident', urgency: 'immediate', summary: 'Fictief.', ask: 'Kom.' },
        { places: ['Vogelwijk-Noord'], communities: [] },
        3,
        new Date('2026-11-29T13:42:00.000Z'),
        new Date('2026-11-29T14:42:00.000Z'),
      ),
      locale,
    ),
  ],
  renderAnswerErrorCard: (locale) =>
    codes(callOutTextsFor(locale).problemTitles).map((code: CallOutProblemCode) =>
      renderAnswerErrorCard(code, locale, { callOutId: CALL_OUT_ID }),
    ),
  renderInvalidInputCard: (locale) => [
    renderInvalidInputCard(['note', 'etaMinutes'], locale, { callOutId: CALL_OUT_ID }),
    renderInvalidInputCard([], locale),
  ],
  renderStartForm: (locale) => [
    renderStartForm(startOptions, EMPTY_FORM, TOKEN, locale),
    renderStartForm(startOptions, filled, TOKEN, locale, { fields: ['summary', 'placeIds'], message: 'x' }),
    renderStartForm({ ...startOptions, communities: [] }, EMPTY_FORM, TOKEN, locale),
  ],
  renderStartProblemCard: (locale) =>
    codes(callOutStartTextsFor(locale).problemTitles).map((code: StartProblemCode) =>
      renderStartProblemCard(code, locale),
    ),
  renderStartPreview: (locale) => [
    renderStartPreview(
      {
        networks: ['Bondgenoten Fictiehaven'],
        staff: [{ displayName: 'Fenna Fictief', reachable: false }],
        allies: [{ displayName: null, callerName: 'Fenna Fictief' }],
        callers: 1,
      },
      filled,
      startOptions,
      TOKEN,
      locale,
    ),
    renderStartPreview(
      { networks: [], staff: [], allies: [], callers: 0 },
      filled,
      startOptions,
      TOKEN,
      locale,
    ),
  ],
  renderStartStatus: (locale) => [
    renderStartStatus(starterStatus, locale, { ...TAB, starterAadObjectId: TOKEN }),
    renderStartStatus({ ...starterStatus, status: 'closed' }, locale, { ...TAB, starterAadObjectId: TOKEN }),
  ],
  renderProposalCard: (locale) => [
    renderProposalCard(proposalView, locale, TAB),
    renderProposalCard({ ...proposalView, proposal: null }, locale, TAB),
  ],
  renderPlannedCard: (locale) => [
    renderPlannedCard(meeting, locale, { ...TAB, calendarKind: 'graph' }),
    renderPlannedCard(pendingMeeting, locale, { ...TAB, calendarKind: 'embedded' }),
  ],
  renderAlreadyPlannedCard: (locale) => [renderAlreadyPlannedCard(meeting, locale, TAB)],
  renderPlanProblemCard: (locale) =>
    codes(meetingTextsFor(locale).problemTitles).map((code: MeetingPlanProblemCode) =>
      renderPlanProblemCard(code, locale, { ...TAB, networkId: NETWORK_ID }),
    ),
  renderEvaluationDueCard: (locale) =>
    (['due', 'overdue'] as const).map((state) =>
      renderEvaluationDueCard(
        { networkId: NETWORK_ID, networkName: 'Bondgenoten Fictiehaven', dueOn: '2027-03-01', state },
        locale,
        TAB,
      ),
    ),
  renderIntroductionWelcomeCard: (locale) => [
    renderIntroductionWelcomeCard(
      {
        networkId: NETWORK_ID,
        networkName: 'Bondgenoten Fictiehaven',
        areaName: 'Vogeldistrict',
        coordinators: ['Fenna Fictief'],
        nextMeetingDate: '2027-01-05',
      },
      locale,
      TAB,
    ),
    renderIntroductionWelcomeCard(
      {
        networkId: NETWORK_ID,
        networkName: 'Bondgenoten Fictiehaven',
        areaName: 'Vogeldistrict',
        coordinators: [],
        nextMeetingDate: null,
      },
      locale,
      TAB,
    ),
  ],
  renderSignalForm: (locale) => [
    renderSignalForm(signalOptions, EMPTY_SIGNAL_FORM, TOKEN, locale),
    renderSignalForm(signalOptions, EMPTY_SIGNAL_FORM, TOKEN, locale, {
      fields: ['wijk', 'text'],
      message: 'x',
    }),
  ],
  renderSignalSaved: (locale) => [
    renderSignalSaved(signal('attention'), themeLabels, locale, TAB.tabUrl),
    renderSignalSaved(signal('urgent'), themeLabels, locale, TAB.tabUrl, true),
  ],
  renderSignalProblem: (locale) =>
    codes(signalBotTextsFor(locale).problems).map((code) => renderSignalProblem(code, locale)),
};

/** Exported functions of card files that build parts, links or dates, not whole cards. */
const HELPERS = new Set([
  'heading',
  'plainText',
  'cardLongDate',
  'cardPreview',
  'clockTime',
  'telUrl',
  'startCard',
  'title',
  'wijkChoices',
  'callOutTabUrl',
  'plannerUrl',
  'meetingsUrl',
  'evaluationUrl',
  'introductionUrl',
]);

const SRC = join(projectRoot(), 'src');
const sourceFiles = (readdirSync(SRC, { recursive: true }) as string[])
  .map((path) => `src/${path.split('\\').join('/')}`)
  .filter((path) => path.endsWith('.ts') && !path.endsWith('.test.ts') && !path.endsWith('.d.ts'));
const isCardFile = (path: string) =>
  path.startsWith('src/teams/cards/') || /\/bot\/(.+\/)?[^/]*card[^/]*\.ts$/.test(path);
const cardFiles = sourceFiles.filter(isCardFile);

describe('the list of card builders', () => {
  it('holds every function a card file exports, as a builder with samples or a named helper', async () => {
    const unlisted: string[] = [];
    for (const path of cardFiles) {
      const module = (await import(pathToFileURL(join(projectRoot(), path)).href)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module))
        if (typeof value === 'function' && !(name in BUILDERS) && !HELPERS.has(name))
          unlisted.push(`${path}: ${name}`);
    }
    expect(cardFiles.length).toBeGreaterThan(10);
    expectSaying(
      unlisted,
      'add each to BUILDERS (with samples) or, if it builds no card, to HELPERS',
    ).toEqual([]);
  });

  it('knows every file that builds a card: none outside the card files', () => {
    const outside = sourceFiles.filter(
      (path) =>
        !isCardFile(path) && /type: 'AdaptiveCard'/.test(readFileSync(join(projectRoot(), path), 'utf8')),
    );
    expectSaying(
      outside,
      'move the card into a card file (…card….ts under bot/, or src/teams/cards)',
    ).toEqual([]);
  });
});

describe('every card the bot sends', () => {
  const cases = Object.keys(BUILDERS).flatMap((name) =>
    (['nl', 'en'] as const).map((locale) => [name, locale] as const),
  );
  it.each(cases)('%s in %s parses with no errors and no warnings', (name, locale) => {
    const cards = BUILDERS[name]?.(locale) ?? [];
    expect(cards.length).toBeGreaterThan(0);
    for (const [index, card] of cards.entries()) {
      expectSaying(card, `${name} #${index}`).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
      expectSaying(adaptiveCardProblems(card), `${name} #${index}`).toEqual([]);
    }
  });
});
