import { describe, expect, it } from '@jest/globals';
import { parseCommand } from '../../src/teams/commands.js';
import { localeOf, textsFor } from '../../src/teams/messages.js';

describe('parseCommand', () => {
  it.each(['help', 'HELP', 'Hulp', ' ? ', '<at>Bondgenoten</at> help', '<at>Bondgenoten</at>&nbsp;hulp\n'])(
    'reads %j as help',
    (text) => {
      expect(parseCommand(text)).toBe('help');
    },
  );

  it.each(['crisisoproep', 'Crisisoproep ', 'call-out', 'CALLOUT', '<at>Bondgenoten</at> crisisoproep'])(
    'reads %j as the call-out form',
    (text) => {
      expect(parseCommand(text)).toBe('call-out');
    },
  );

  it.each([
    undefined,
    '',
    'helpen',
    'help me',
    'hulp nodig?',
    'de <at>Bondgenoten</at> help',
    '??',
    'crisisoproep starten',
    'call out',
  ])('does not read %j as a command', (text) => {
    expect(parseCommand(text)).toBeNull();
  });
});

describe('localeOf', () => {
  it.each([
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['EN', 'en'],
    ['nl-NL', 'nl'],
    ['nl-BE', 'nl'],
    ['de-DE', 'nl'],
    ['eng', 'nl'],
    [undefined, 'nl'],
  ])('picks the language for %j', (activityLocale, expected) => {
    expect(localeOf(activityLocale)).toBe(expected);
  });

  it('has every text, non-empty, in both languages', () => {
    const entries = (value: object, prefix = ''): [string, unknown][] =>
      Object.entries(value).flatMap(([key, item]): [string, unknown][] =>
        typeof item === 'object' && item !== null
          ? entries(item, `${prefix}${key}.`)
          : [[`${prefix}${key}`, item]],
      );
    const dutch = entries(textsFor('nl'));
    const english = entries(textsFor('en'));
    expect(english.map(([key]) => key)).toEqual(dutch.map(([key]) => key));
    for (const [, text] of [...dutch, ...english]) expect(text).toMatch(/\S/);
  });
});
