import { describe, expect, it } from '@jest/globals';
import { renderAlertCard, telUrl } from '../../src/call-outs/bot/cards/call-out-card.js';
import {
  renderAnswerErrorCard,
  renderInvalidInputCard,
} from '../../src/call-outs/bot/cards/call-out-error-card.js';
import { adaptiveCardProblems, buildAlertCardView, findAll, visibleTexts } from './call-out-fixtures.js';

const MINE = {
  answer: 'coming' as const,
  note: 'Ik neem de wijkagent mee',
  etaMinutes: 15,
  answeredAt: '2026-11-29T13:03:00.000Z',
};

function bodyActions(card: { body: unknown }) {
  return findAll(card.body, /^Action\./);
}

describe('the alert card', () => {
  it.each(['nl', 'en'] as const)('is a valid Adaptive Card 1.5 in %s, open and closed', (locale) => {
    const meeting = { joinUrl: 'https://teams.example.nl/meet/fictief', start: '2026-11-29T14:10:00.000Z' };
    for (const view of [
      buildAlertCardView({ mine: MINE, meeting }),
      buildAlertCardView({ status: 'closed', meeting }),
    ]) {
      const card = renderAlertCard(view, locale);
      expect(card).toMatchObject({
        type: 'AdaptiveCard',
        version: '1.5',
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      });
      expect(adaptiveCardProblems(card)).toEqual([]);
    }
  });

  it('offers the three answers as Universal Actions carrying the call-out and the answer', () => {
    const view = buildAlertCardView();
    const executes = bodyActions(renderAlertCard(view, 'nl')).filter((a) => a.type === 'Action.Execute');
    expect(executes.map(({ title, verb, data }) => ({ title, verb, data }))).toEqual([
      {
        title: 'Ik kom / ben beschikbaar',
        verb: 'callout.answer',
        data: { callOutId: view.callOutId, answer: 'coming' },
      },
      {
        title: 'Ik bel mijn bondgenoten',
        verb: 'callout.answer',
        data: { callOutId: view.callOutId, answer: 'calling-allies' },
      },
      {
        title: 'Niet beschikbaar',
        verb: 'callout.answer',
        data: { callOutId: view.callOutId, answer: 'unavailable' },
      },
    ]);
  });

  it('asks for a note of at most 500 characters and an ETA of 0 to 600 minutes, prefilled with my answer', () => {
    const card = renderAlertCard(buildAlertCardView({ mine: MINE }), 'nl');
    expect(findAll(card, /^Input\./)).toEqual([
      expect.objectContaining({ type: 'Input.Text', id: 'note', maxLength: 500, value: MINE.note }),
      expect.objectContaining({ type: 'Input.Number', id: 'etaMinutes', min: 0, max: 600, value: 15 }),
    ]);
  });

  it('refreshes through callout.refresh for at most 60 users', () => {
    const ids = Array.from({ length: 75 }, (_, index) => `29:fictional-user-${index}`);
    const view = buildAlertCardView({ refreshUserIds: ids });
    expect(renderAlertCard(view, 'nl').refresh).toEqual({
      action: {
        type: 'Action.Execute',
        verb: 'callout.refresh',
        data: { callOutId: view.callOutId, version: 7 },
      },
      userIds: ids.slice(0, 60),
    });
    expect(renderAlertCard(buildAlertCardView(), 'nl').refresh?.userIds).toEqual([
      '29:fictional-user-1',
      '29:fictional-user-2',
    ]);
  });

  it('links only valid phone numbers, as E.164 tel: addresses', () => {
    const card = renderAlertCard(buildAlertCardView(), 'nl');
    const calls = bodyActions(card).filter((action) => action.type === 'Action.OpenUrl');
    expect(calls).toEqual([
      { type: 'Action.OpenUrl', title: 'Bel Yusuf Verzonnen', url: 'tel:+31612345678' },
      { type: 'Action.OpenUrl', title: 'Bel Ilse Imaginair', url: 'tel:+32470123456' },
    ]);
    const texts = visibleTexts(card);
    expect(texts).toContain('Kees Kunstmatig: voicemail ingesproken (geen geldig nummer bekend)');
    expect(texts).toContain('Noor Nergens: nog niet gebeld (geen geldig nummer bekend)');
    expect(texts).toContain('Ilse Imaginair: bereikt');
  });

  it.each([
    ['06-12345678', 'tel:+31612345678'],
    ['+31 6 1234 5678', 'tel:+31612345678'],
    ['0031612345678', 'tel:+31612345678'],
    ['12345', null],
    ['06-1234', null],
    ['tel:06-12345678"><script>', null],
    ['', null],
    [null, null],
  ])('reads %j as %j', (mobile, expected) => {
    expect(telUrl(mobile)).toBe(expected);
  });

  it('tells in Dutch what happened, where, what is asked, the goal time and the tally', () => {
    const texts = visibleTexts(renderAlertCard(buildAlertCardView(), 'nl'));
    expect(texts[0]).toBe('Crisisoproep: spanning · direct');
    expect(texts).toContain('Gestart 14:42 · doel: 15:42 het netwerk bijeen');
    expect(texts).toContain('Wijken: Vogelwijk-Noord, Havenkwartier');
    expect(texts).toContain('Gemeenschappen: Jongeren Havenkwartier');
    expect(texts).toContain('Gevraagd: Kom naar het buurthuis aan het Fictieplein en bel je bondgenoten.');
    expect(texts).toContain('Fenna Fictief: Ik kom, over 15 min — Ik neem de wijkagent mee');
    expect(texts).toContain('Bram Bedacht: Ik bel mijn bondgenoten');
    expect(texts).toContain('Je hebt nog niet geantwoord.');
    const [tally] = findAll(renderAlertCard(buildAlertCardView(), 'nl'), /^FactSet$/);
    expect(tally?.facts).toEqual([
      { title: 'Ik kom', value: '2' },
      { title: 'Ik bel mijn bondgenoten', value: '1' },
      { title: 'Niet beschikbaar', value: '0' },
      { title: 'Nog geen antwoord', value: '4' },
    ]);
  });

  it('tells an absent recipient that their back-up got the call-out first, as a valid card', () => {
    const card = renderAlertCard(buildAlertCardView({ absent: true }), 'nl');
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(visibleTexts(card)).toContain(
      'Je staat als afwezig geregistreerd: je back-up heeft deze oproep als eerste gekregen.',
    );
    expect(visibleTexts(renderAlertCard(buildAlertCardView({ absent: true }), 'en'))).toContain(
      'You are recorded as absent: your back-up got this call-out first.',
    );
    expect(visibleTexts(renderAlertCard(buildAlertCardView(), 'nl')).join(' ')).not.toContain('afwezig');
  });

  it('says the same in English', () => {
    const card = renderAlertCard(buildAlertCardView({ mine: MINE }), 'en');
    const texts = visibleTexts(card);
    expect(texts[0]).toBe('Crisis call-out: tension · immediate');
    expect(texts).toContain('Started 14:42 · goal: network together by 15:42');
    expect(texts).toContain("Your answer: I'm coming, in 15 min (14:03) — answering again changes it");
    expect(findAll(card, /^FactSet$/)[0]?.facts).toContainEqual({ title: 'No answer yet', value: '4' });
    expect(bodyActions(card).map((action) => action.title)).toContain("I'm calling my allies");
  });

  it('shows your answer in the default text colour (Teams light green fails WCAG AA on white)', () => {
    const card = renderAlertCard(buildAlertCardView({ mine: MINE }), 'en');
    const block = findAll(card, /^TextBlock$/).find((b) => String(b.text).startsWith('Your answer'));
    expect(block?.weight).toBe('Bolder');
    expect(block?.color).toBe('Default');
  });

  it('shows how far the alert got: cards delivered of N, answers, and unreachable recipients', () => {
    expect(visibleTexts(renderAlertCard(buildAlertCardView(), 'nl'))).toContain(
      'Kaart bij 6 van 7 · 3 geantwoord · 1 onbereikbaar',
    );
    const everyoneReached = buildAlertCardView({
      progress: { recipients: 7, sent: 7, unreachable: 0, answered: 2 },
    });
    expect(visibleTexts(renderAlertCard(everyoneReached, 'nl'))).toContain(
      'Kaart bij 7 van 7 · 2 geantwoord',
    );
    expect(visibleTexts(renderAlertCard(buildAlertCardView(), 'en'))).toContain(
      'Card with 6 of 7 · 3 answered · 1 unreachable',
    );
  });

  it('shows my own answer, and says so when this answer replaced an earlier one', () => {
    const view = buildAlertCardView({ mine: MINE });
    expect(visibleTexts(renderAlertCard(view, 'nl'))).toContain(
      'Je antwoord: Ik kom, over 15 min (14:03) — nogmaals antwoorden wijzigt het',
    );
    expect(visibleTexts(renderAlertCard(view, 'nl', { answerChanged: true }))).toContain(
      'Je antwoord is gewijzigd in: Ik kom, over 15 min (14:03) — nogmaals antwoorden wijzigt het',
    );
  });

  it('shows a closed call-out as "Afgesloten" without inputs, buttons, links or refresh', () => {
    const card = renderAlertCard(
      buildAlertCardView({
        status: 'closed',
        mine: MINE,
        meeting: { joinUrl: 'https://teams.example.nl/meet/fictief', start: '2026-11-29T14:10:00.000Z' },
      }),
      'nl',
    );
    expect(visibleTexts(card)).toContain('Afgesloten');
    expect(findAll(card, /^(Action\.|Input\.|ActionSet$)/)).toEqual([]);
    expect(card).not.toHaveProperty('refresh');
    expect(visibleTexts(card)).toContain('Online bijeenkomst om 15:10.');
  });

  it('joins the meeting over https only, and says the link follows while there is none', () => {
    const start = '2026-11-29T14:10:00.000Z';
    const joined = renderAlertCard(
      buildAlertCardView({ meeting: { joinUrl: 'https://teams.example.nl/meet/fictief', start } }),
      'nl',
    );
    expect(bodyActions(joined)).toContainEqual({
      type: 'Action.OpenUrl',
      title: 'Deelnemen aan de bijeenkomst',
      url: 'https://teams.example.nl/meet/fictief',
    });
    for (const joinUrl of [null, 'javascript:alert(1)', 'http://teams.example.nl/meet']) {
      const card = renderAlertCard(buildAlertCardView({ meeting: { joinUrl, start } }), 'nl');
      expect(bodyActions(card).filter((action) => !String(action.url ?? '').startsWith('tel:'))).toHaveLength(
        3,
      );
      expect(visibleTexts(card)).toContain('De link volgt zodra de bijeenkomst is aangemaakt.');
    }
  });

  it('never reads what people typed as Markdown, so a note cannot add a link', () => {
    const summary = 'Zie [deze pagina](https://phishing.example) **nu**';
    const card = renderAlertCard(
      buildAlertCardView({
        summary,
        answers: [
          { displayName: '[Klik](https://x.example)', answer: 'coming', note: summary, etaMinutes: 0 },
        ],
      }),
      'nl',
    );
    const markdownTexts = findAll(card, /^(TextBlock|FactSet)$/).map((element) => JSON.stringify(element));
    expect(markdownTexts.join('\n')).not.toContain('https://phishing.example');
    expect(markdownTexts.join('\n')).not.toContain('https://x.example');
    expect(visibleTexts(card)).toContain(summary);
    expect(visibleTexts(card)).toContain(`[Klik](https://x.example): Ik kom, is er al — ${summary}`);
  });

  it('lists at most 10 answers and 15 calls, staying under the Teams message size with 60 long answers', () => {
    const note = 'x'.repeat(500);
    const answers = Array.from({ length: 60 }, (_, index) => ({
      displayName: `Fictieve Medewerker ${index}`,
      answer: 'unavailable' as const,
      note,
      etaMinutes: null,
    }));
    const callList = Array.from({ length: 30 }, (_, index) => ({
      personId: `p-${index}`,
      displayName: `Fictieve Bondgenoot ${index}`,
      mobile: '06-12345678',
      outcome: null,
    }));
    // Teams user MRIs run to about 115 characters.
    const ids = Array.from({ length: 60 }, (_, index) => `29:${'a'.repeat(110)}${index}`);
    const card = renderAlertCard(
      buildAlertCardView({ answers, callList, refreshUserIds: ids, mine: { ...MINE, note } }),
      'nl',
    );
    const texts = visibleTexts(card);
    expect(texts.filter((text) => text.startsWith('Fictieve Medewerker'))).toHaveLength(10);
    expect(texts).toContain('en nog 50 antwoorden');
    expect(texts.filter((text) => text.startsWith('Fictieve Bondgenoot'))).toHaveLength(15);
    expect(texts).toContain('en nog 15 op je bellijst in de Bondgenoten-tab');
    // https://learn.microsoft.com/microsoftteams/platform/bots/how-to/format-your-bot-messages: 40 KB in
    // UTF-16 (the older figure), leaving room for the activity around the card.
    expect(JSON.stringify(card).length * 2).toBeLessThan(38_000);
  });
});

describe('the error cards', () => {
  it.each(['nl', 'en'] as const)('are valid Adaptive Cards 1.5 in %s', (locale) => {
    for (const code of [
      'not-found',
      'not-a-recipient',
      'closed',
      'invalid',
      'unavailable',
      'failed',
    ] as const) {
      expect(adaptiveCardProblems(renderAnswerErrorCard(code, locale, { callOutId: 'c-1' }))).toEqual([]);
    }
    expect(
      adaptiveCardProblems(renderInvalidInputCard(['note', 'etaMinutes'], locale, { callOutId: 'c-1' })),
    ).toEqual([]);
  });

  it('explain a closed call-out and lead back to it', () => {
    const card = renderAnswerErrorCard('closed', 'nl', { callOutId: 'c-1' });
    expect(visibleTexts(card)).toEqual([
      'Oproep afgesloten',
      'Deze oproep is afgesloten; antwoorden kan niet meer.',
    ]);
    expect(findAll(card, /^Action\./)).toEqual([
      {
        type: 'Action.Execute',
        title: 'Terug naar de oproep',
        verb: 'callout.refresh',
        data: { callOutId: 'c-1' },
      },
    ]);
  });

  it('offer no way back to a call-out the user may not see', () => {
    for (const code of ['not-found', 'not-a-recipient'] as const) {
      expect(findAll(renderAnswerErrorCard(code, 'nl', { callOutId: 'c-1' }), /^Action\./)).toEqual([]);
    }
    expect(visibleTexts(renderAnswerErrorCard('not-a-recipient', 'en'))).toContain(
      'This call-out was not sent to you, so you cannot answer it.',
    );
  });

  it('name each refused field once, in the user language', () => {
    const card = renderInvalidInputCard(['note', 'etaMinutes', 'note'], 'en');
    expect(visibleTexts(card)).toEqual([
      'Answer not sent',
      '- The note can be at most 500 characters long.',
      '- Give the number of minutes as a whole number from 0 to 600.',
    ]);
    expect(findAll(card, /^Action\./)).toEqual([]);
  });
});
