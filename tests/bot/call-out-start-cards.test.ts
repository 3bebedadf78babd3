import { describe, expect, it } from '@jest/globals';
import { EMPTY_FORM } from '../../src/call-outs/bot/call-out-start-schema.js';
import {
  renderStartForm,
  renderStartProblemCard,
} from '../../src/call-outs/bot/cards/call-out-start-card.js';
import {
  renderStartPreview,
  renderStartStatus,
} from '../../src/call-outs/bot/cards/call-out-start-status-card.js';
import {
  callOutStartTextsFor,
  type StartProblemCode,
} from '../../src/call-outs/bot/messages-call-out-start.js';
import type {
  StarterFormOptions,
  StarterPreview,
  StarterStatus,
} from '../../src/call-outs/starter-contract.js';
import { adaptiveCardProblems, findAll, visibleTexts } from './call-out-fixtures.js';

const TAB_URL = 'https://bondgenoten.example.nl/';
const TOKEN = '6d1f0c4e-2b7a-4e9d-8c3f-1a5b7e9d2c40';
const WIJK = '0b7e5c1a-3d2f-4a6b-9c8e-7f1d2e3a4b50';
const OTHER_WIJK = '1c8f6d2b-4e3a-4b7c-8d9f-8a2e3f4b5c61';
const COMMUNITY = '2d9a7e3c-5f4b-4c8d-9e1a-9b3f4a5c6d72';
const CALL_OUT = '3f6b2d8e-1c4a-4e7b-9a05-7d2c8b1e6f43';
const STARTER = '4a1b2c3d-5e6f-4a8b-9c0d-1e2f3a4b5c6d';

function buildOptions(): StarterFormOptions {
  return {
    districts: [
      {
        name: 'Vogeldistrict',
        wijken: [
          { id: WIJK, name: 'Vogelwijk-Noord' },
          { id: OTHER_WIJK, name: 'Havenkwartier' },
        ],
      },
    ],
    communities: [{ id: COMMUNITY, name: 'Jongeren' }],
  };
}

function buildPreview(overrides: Partial<StarterPreview> = {}): StarterPreview {
  return {
    networks: ['Bondgenoten Vogeldistrict'],
    staff: [
      { displayName: 'Fenna Fictief', reachable: true },
      { displayName: 'Bram Bedacht', reachable: false },
    ],
    allies: [
      { displayName: 'Yusuf Verzonnen', callerName: 'Fenna Fictief' },
      { displayName: null, callerName: 'Bram Bedacht' },
    ],
    callers: 2,
    ...overrides,
  };
}

function buildStatus(overrides: Partial<StarterStatus> = {}): StarterStatus {
  return {
    callOutId: CALL_OUT,
    version: 4,
    status: 'open',
    kind: 'tension',
    urgency: 'today',
    summary: 'Onrust na een fictief incident.',
    ask: 'Bel je bondgenoten.',
    places: ['Vogelwijk-Noord'],
    communities: [],
    startedAt: '2026-11-29T13:42:00.000Z',
    goalAt: '2026-11-29T14:42:00.000Z',
    progress: { recipients: 7, sent: 5, unreachable: 1, answered: 3 },
    tally: { coming: 2, callingAllies: 1, unavailable: 0, pending: 4 },
    ...overrides,
  };
}

const FILLED = {
  kind: 'tension',
  urgency: 'today',
  summary: 'Onrust na een fictief incident.',
  ask: 'Bel je bondgenoten.',
  placeIds: `${WIJK},${OTHER_WIJK}`,
  communityIds: COMMUNITY,
};

const PROBLEMS: StartProblemCode[] = [
  'not-signed-up',
  'forbidden',
  'invalid',
  'no-network',
  'not-found',
  'unavailable',
  'failed',
];

describe('the start cards', () => {
  it.each(['nl', 'en'] as const)('are valid Adaptive Cards 1.5 in %s', (locale) => {
    const cards = [
      renderStartForm(buildOptions(), EMPTY_FORM, TOKEN, locale),
      renderStartForm(buildOptions(), FILLED, TOKEN, locale, { fields: ['summary', 'placeIds'] }),
      renderStartForm({ ...buildOptions(), communities: [] }, EMPTY_FORM, TOKEN, locale, { message: 'x' }),
      renderStartForm({ districts: [], communities: [] }, EMPTY_FORM, TOKEN, locale),
      renderStartPreview(buildPreview(), FILLED, buildOptions(), TOKEN, locale),
      renderStartPreview(buildPreview({ staff: [], allies: [] }), FILLED, buildOptions(), TOKEN, locale),
      renderStartStatus(buildStatus(), locale, { tabUrl: TAB_URL, starterAadObjectId: STARTER }),
      renderStartStatus(buildStatus({ status: 'closed' }), locale, {
        tabUrl: TAB_URL,
        starterAadObjectId: STARTER,
        alreadySent: true,
      }),
      ...PROBLEMS.map((code) => renderStartProblemCard(code, locale)),
    ];
    for (const card of cards) {
      expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
      expect(adaptiveCardProblems(card)).toEqual([]);
    }
  });

  it('puts kept values back into the form, but not ids the form does not offer', () => {
    const card = renderStartForm(
      buildOptions(),
      { ...FILLED, communityIds: `${COMMUNITY},${WIJK}` },
      TOKEN,
      'nl',
    );
    const inputs = Object.fromEntries(findAll(card, /^Input\./).map((input) => [input.id, input]));
    expect(inputs.kind?.value).toBe('tension');
    expect(inputs.summary?.value).toBe(FILLED.summary);
    expect(inputs.placeIds?.value).toBe(`${WIJK},${OTHER_WIJK}`);
    expect(inputs.communityIds?.value).toBe(COMMUNITY);
    expect(inputs.placeIds?.choices).toEqual([
      { title: 'Vogeldistrict · Vogelwijk-Noord', value: WIJK },
      { title: 'Vogeldistrict · Havenkwartier', value: OTHER_WIJK },
    ]);
  });

  it('carries the form’s values and token in both preview buttons, and marks whom Teams cannot reach', () => {
    const card = renderStartPreview(buildPreview(), FILLED, buildOptions(), TOKEN, 'nl');
    const buttons = findAll(card, /^Action\.Execute$/);
    expect(buttons.map((b) => [b.title, b.verb])).toEqual([
      ['Verstuur nu', 'callOutStart.send'],
      ['Wijzigen', 'callOutStart.edit'],
    ]);
    for (const button of buttons) expect(button.data).toEqual({ formToken: TOKEN, ...FILLED });
    const texts = visibleTexts(card);
    expect(texts).toContain('Bram Bedacht — Teams bereikt deze persoon niet: bel deze mensen');
    expect(texts).toContain('Fenna Fictief');
    expect(texts).toContain('Yusuf Verzonnen — belt: Fenna Fictief');
    expect(texts).toContain('Bondgenoot van een ander netwerk — belt: Bram Bedacht');
    expect(texts).toContain('Wijken: Vogeldistrict · Vogelwijk-Noord, Vogeldistrict · Havenkwartier');
    expect(texts).toContain('Gemeenschappen: Jongeren');
  });

  it('cuts long recipient lists so the card stays under Teams’ 40 KB', () => {
    const staff = Array.from({ length: 1000 }, (_, i) => ({
      displayName: `Medewerker ${i}`,
      reachable: i % 3 > 0,
    }));
    const allies = Array.from({ length: 500 }, (_, i) => ({
      displayName: `Bondgenoot ${i}`,
      callerName: 'Fenna',
    }));
    const long = { ...FILLED, summary: 's'.repeat(1000), ask: 'a'.repeat(1000) };
    const card = renderStartPreview(buildPreview({ staff, allies }), long, buildOptions(), TOKEN, 'nl');
    expect(JSON.stringify(card).length * 2).toBeLessThan(40 * 1024);
    expect(visibleTexts(card)).toContain('en nog 975; de tab toont de hele lijst');
  });

  it('shows the starter sent x of N, answered y, unreachable z, and refreshes for the starter only', () => {
    const card = renderStartStatus(buildStatus(), 'nl', { tabUrl: TAB_URL, starterAadObjectId: STARTER });
    const texts = visibleTexts(card);
    expect(texts[0]).toBe('Crisisoproep verstuurd: spanning · vandaag');
    expect(texts).toContain('Verstuurd 5 van 7 · 3 geantwoord · 1 onbereikbaar');
    expect(texts).toContain('De kaart gaat nog naar 1 persoon.');
    expect(texts).toContain('Gestart 14:42 · doel: 15:42 het netwerk bijeen');
    expect(card.refresh).toEqual({
      action: {
        type: 'Action.Execute',
        verb: 'callOutStart.status',
        data: { callOutId: CALL_OUT, version: 4 },
      },
      userIds: [`8:orgid:${STARTER}`],
    });
    expect(findAll(card, /^Action\.OpenUrl$/)).toEqual([
      { type: 'Action.OpenUrl', title: 'Open in Bondgenoten', url: `${TAB_URL}crisisoproepen/${CALL_OUT}` },
    ]);
    const closed = renderStartStatus(buildStatus({ status: 'closed' }), 'en', {
      tabUrl: TAB_URL,
      starterAadObjectId: STARTER,
    });
    expect(closed).not.toHaveProperty('refresh');
    expect(visibleTexts(closed)).toContain('Sent 5 of 7 · 3 answered · 1 unreachable');
    expect(findAll(closed, /^Action\.Execute$/)).toEqual([]);
  });

  it('has every text, non-empty, in both languages', () => {
    const dutch = callOutStartTextsFor('nl');
    const english = callOutStartTextsFor('en');
    expect(Object.keys(english)).toEqual(Object.keys(dutch));
    expect(Object.keys(english.fieldErrors)).toEqual(Object.keys(dutch.fieldErrors));
    for (const texts of [dutch, english])
      for (const value of [
        ...Object.values(texts.fieldErrors),
        ...Object.values(texts.problems),
        ...Object.values(texts.problemTitles),
      ])
        expect(value).toMatch(/\S/);
  });
});
