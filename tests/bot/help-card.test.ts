import { describe, expect, it } from '@jest/globals';
import { AdaptiveCard, SerializationContext } from 'adaptivecards';
import { startCommandHelp } from '../../src/call-outs/bot/call-out-start-invoke.js';
import { helpCard } from '../../src/teams/cards/help-card.js';
import { unknownActionCard } from '../../src/teams/cards/unknown-action-card.js';

const TAB_URL = 'https://bondgenoten.example.nl/';

/** Every problem the official Adaptive Cards library reports while parsing and validating a card. */
function adaptiveCardProblems(json: unknown): string[] {
  const card = new AdaptiveCard();
  const context = new SerializationContext();
  card.parse(json, context);
  const parseProblems = Array.from(
    { length: context.eventCount },
    (_, index) => context.getEventAt(index).message,
  );
  const validationProblems = card.validateProperties().validationEvents.map((event) => event.message);
  return [...parseProblems, ...validationProblems];
}

describe('the help card', () => {
  it.each(['nl', 'en'] as const)('is a valid Adaptive Card 1.5 in %s', (locale) => {
    const json = helpCard(locale, { tabUrl: TAB_URL });

    expect(json).toMatchObject({
      type: 'AdaptiveCard',
      version: '1.5',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    });
    expect(adaptiveCardProblems(json)).toEqual([]);
  });

  it('says what works now and what is coming, in Dutch', () => {
    const text = JSON.stringify(helpCard('nl', { tabUrl: TAB_URL }));
    expect(text).toContain('"title":"help"');
    expect(text).toContain('Wat hier binnenkomt');
    expect(text).toContain('Crisisoproep');
    expect(text).toContain('Volgend overleg');
  });

  it('lists the command that starts a crisis call-out after help, in both languages', () => {
    const facts = (locale: 'nl' | 'en') =>
      helpCard(locale, { tabUrl: TAB_URL, commands: [startCommandHelp(locale)] }).body.flatMap((element) =>
        element.type === 'FactSet' ? element.facts.map((fact) => fact.title) : [],
      );
    expect(facts('nl').slice(0, 2)).toEqual(['help', 'crisisoproep']);
    expect(facts('en').slice(0, 2)).toEqual(['help', 'call-out']);
  });

  it('lists only its own command when no capability hands it one', () => {
    const titles = helpCard('nl', { tabUrl: TAB_URL }).body.flatMap((element) =>
      element.type === 'FactSet' ? element.facts.map((fact) => fact.title) : [],
    );
    expect(titles).toContain('help');
    expect(titles).not.toContain('crisisoproep');
  });

  it('opens the tab at the address it is given', () => {
    expect(helpCard('en', { tabUrl: TAB_URL }).actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open Bondgenoten', url: TAB_URL },
    ]);
  });
});

describe('the card check itself', () => {
  it('reports an element type the schema does not know', () => {
    const card = helpCard('nl', { tabUrl: TAB_URL });
    const broken = { ...card, body: [...card.body, { type: 'TextBlok', text: 'typo' }] };
    expect(adaptiveCardProblems(broken)).toEqual([
      expect.stringContaining('Unknown element type "TextBlok"'),
    ]);
  });

  it('reports an action without its required url', () => {
    const card = helpCard('nl', { tabUrl: TAB_URL });
    const broken = { ...card, actions: [{ type: 'Action.OpenUrl', title: 'Open' }] };
    expect(adaptiveCardProblems(broken)).toEqual([expect.stringContaining('"url" must be set')]);
  });
});

describe('the unknown-action card (issue 13)', () => {
  it.each(['nl', 'en'] as const)('is a valid Adaptive Card 1.5 in %s', (locale) => {
    const json = unknownActionCard(locale);
    expect(json).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(adaptiveCardProblems(json)).toEqual([]);
    expect(JSON.stringify(json)).toContain(
      locale === 'nl' ? 'Deze actie ken ik niet' : "I don't know this action",
    );
  });
});
