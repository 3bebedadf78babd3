import { describe, expect, it } from '@jest/globals';
import {
  type ProposalCardView,
  renderPlannedCard,
  renderPlanProblemCard,
  renderProposalCard,
} from '../../src/meetings/bot/cards/meeting-proposal-card.js';
import type { Meeting } from '../../src/meetings/views/meeting-schemas.js';
import { adaptiveCardProblems, findAll, visibleTexts } from './call-out-fixtures.js';

/** The proposal flow's cards rendered on their own: languages, the edge cases and what stays plain text. */
const TAB = { tabUrl: 'https://bondgenoten.example.org/' };
const NETWORK_ID = '7d1e4b2a-9c3f-4e8d-a1b6-5f0c2e7d9a31';

function view(overrides: Partial<ProposalCardView> = {}): ProposalCardView {
  return {
    networkId: NETWORK_ID,
    networkName: 'Bondgenoten Fictiehaven',
    proposal: {
      // 18:00 in Amsterdam: winter time, so 17:00 UTC.
      start: '2027-01-05T17:00:00.000Z',
      end: '2027-01-05T19:00:00.000Z',
      localStartTime: '18:00',
      location: { id: 'c3b1a2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d', name: 'Buurthuis *De Schakel* (fictief)' },
      chair: { displayName: '[Yasmina](https://example.org) el Ouali' },
      adjustments: [],
    },
    skipped: [
      {
        date: '2026-12-29',
        reasons: [{ nl: '29 december: Kerstvakantie', en: '29 December: Christmas holiday' }],
      },
      {
        date: '2026-12-31',
        reasons: [{ nl: '31 december: Kerstvakantie', en: '31 December: Christmas holiday' }],
      },
      { date: '2027-01-01', reasons: [{ nl: '1 januari: Nieuwjaarsdag', en: '1 January: New Year’s Day' }] },
      { date: '2027-01-02', reasons: [] },
    ],
    ...overrides,
  };
}

describe('the proposal card', () => {
  it('reads as one line in Dutch, with names as plain text and at most three skipped dates', () => {
    const card = renderProposalCard(view(), 'nl', TAB);
    expect(adaptiveCardProblems(card)).toEqual([]);
    const texts = visibleTexts(card);
    expect(texts).toContain(
      'Voorstel volgende overleg: dinsdag 5 januari 2027, 18:00, Buurthuis *De Schakel* (fictief), voorzitter [Yasmina](https://example.org) el Ouali',
    );
    // Names never sit in a TextBlock, where Teams would render their Markdown.
    expect(findAll(card, /^TextBlock$/).map((b) => String(b.text))).not.toContainEqual(
      expect.stringContaining('Yasmina'),
    );
    expect(texts).toContain('4 datums overgeslagen, onder meer:');
    expect(texts).toContain('1 januari: Nieuwjaarsdag');
    expect(texts).toContain('en nog 1 in de planner');
    expect(findAll(card, /^Action\.Execute$/)).toEqual([
      {
        type: 'Action.Execute',
        title: 'Plannen',
        verb: 'meeting.plan',
        style: 'positive',
        data: {
          networkId: NETWORK_ID,
          start: '2027-01-05T17:00:00.000Z',
          end: '2027-01-05T19:00:00.000Z',
          locationId: 'c3b1a2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
        },
      },
    ]);
    expect(findAll(card, /^Action\.OpenUrl$/)).toEqual([
      {
        type: 'Action.OpenUrl',
        title: 'Andere datum',
        url: `https://bondgenoten.example.org/netwerken/${NETWORK_ID}/overleggen/plannen`,
      },
    ]);
  });

  it('speaks English to an English chat, and leaves out what is unknown', () => {
    const base = view();
    const proposal = base.proposal && { ...base.proposal, location: null, chair: null };
    const card = renderProposalCard(view({ proposal, skipped: [] }), 'en', TAB);
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(visibleTexts(card)).toContain(
      'Next meeting proposal: Tuesday, 5 January 2027, 18:00, location to be decided',
    );
    expect(findAll(card, /^Action\.Execute$/)[0]?.data).toMatchObject({ locationId: null });
    expect(visibleTexts(card).some((text) => text.includes('skipped'))).toBe(false);
  });

  it('offers only the planner when no date fits', () => {
    const card = renderProposalCard(view({ proposal: null }), 'nl', TAB);
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(visibleTexts(card)[0]).toBe('Geen voorstel voor het volgende overleg');
    expect(findAll(card, /^Action\.Execute$/)).toEqual([]);
    expect(findAll(card, /^Action\.OpenUrl$/).map((a) => a.title)).toEqual(['Andere datum']);
  });
});

describe('the answers to [Plannen]', () => {
  const meeting = {
    id: 'e9a1c3d5-7b2f-4e6a-9c8d-1f3e5a7b9c2d',
    networkId: NETWORK_ID,
    start: '2027-01-05T17:00:00.000Z',
    localStartTime: '18:00',
    location: null,
    chair: null,
    calendar: {
      state: 'created',
      eventId: 'AAMkAGI1-fictief',
      webLink: 'https://outlook.office365.com/owa/?itemid=fictief',
      joinUrl: null,
    },
  } as unknown as Meeting;

  it('links the Outlook event when the calendar gave one', () => {
    const card = renderPlannedCard(meeting, 'nl', { ...TAB, calendarKind: 'graph' });
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(visibleTexts(card)).toEqual(['Gepland', 'Gepland: dinsdag 5 januari 2027, 18:00.']);
    expect(findAll(card, /^Action\.OpenUrl$/).map((a) => [a.title, a.url])).toEqual([
      ['Openen in Outlook', 'https://outlook.office365.com/owa/?itemid=fictief'],
      ['Overleggen openen', `https://bondgenoten.example.org/netwerken/${NETWORK_ID}/overleggen`],
    ]);
  });

  it('says when the invitation is still to be sent', () => {
    const failed = { ...meeting, calendar: { state: 'failed', eventId: null, webLink: null, joinUrl: null } };
    const card = renderPlannedCard(failed as Meeting, 'en', { ...TAB, calendarKind: 'graph' });
    expect(visibleTexts(card)).toContain(
      'The calendar invitation has not been sent yet; the tab will try again.',
    );
  });

  it('explains refusals without a way round the permission check', () => {
    const refused = renderPlanProblemCard('not-allowed', 'nl', { ...TAB, networkId: NETWORK_ID });
    expect(adaptiveCardProblems(refused)).toEqual([]);
    expect(findAll(refused, /^Action\./)).toEqual([]);
    const calendar = renderPlanProblemCard('calendar-failed', 'en', { ...TAB, networkId: NETWORK_ID });
    expect(visibleTexts(calendar)[0]).toBe('Calendar not reachable');
    expect(findAll(calendar, /^Action\.OpenUrl$/)).toHaveLength(1);
  });
});
