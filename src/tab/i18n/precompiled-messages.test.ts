import { type MessageFormatElement, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from '@jest/globals';
import { createIntl } from 'react-intl';
import { expandTexts, precompileTexts } from '../../../scripts/vite-precompiled-messages.js';
import { intlLocales } from './locale.js';
import { messagesEn } from './messages.en.js';
import { messagesNl } from './messages.nl.js';

// The tab build hands react-intl its catalogues parsed at build time (scripts/vite-precompiled-messages.ts): every
// message must format exactly as its string does, in both languages, for each form of its plurals and selects.

type Values = Record<string, unknown>;

/** Value sets that reach every plural form (0, 1, many) and every select option of a message. */
function valueSets(ast: MessageFormatElement[]): Values[] {
  const sets: Values[] = [{}, {}, {}];
  const visit = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      switch (element.type) {
        case TYPE.argument:
          for (const set of sets) set[element.value] = 'Amira';
          break;
        case TYPE.number:
          for (const set of sets) set[element.value] = 1234.5;
          break;
        case TYPE.date:
        case TYPE.time:
          for (const set of sets) set[element.value] = new Date(Date.UTC(2026, 2, 14, 9, 30));
          break;
        case TYPE.plural:
          [0, 1, 2000].forEach((count, index) => {
            (sets[index] as Values)[element.value] = count;
          });
          for (const option of Object.values(element.options)) visit(option.value);
          break;
        case TYPE.select: {
          const keys = Object.keys(element.options);
          sets.forEach((set, index) => {
            set[element.value] = keys[index % keys.length];
          });
          for (const option of Object.values(element.options)) visit(option.value);
          break;
        }
        case TYPE.tag:
          for (const set of sets) set[element.value] = (chunks: unknown[]) => `[${chunks.join('')}]`;
          visit(element.children);
          break;
        default:
          break;
      }
    }
  };
  visit(ast);
  return sets;
}

describe.each([
  ['nl', messagesNl],
  ['en', messagesEn],
] as const)('the precompiled %s catalogue', (locale, messages) => {
  const compiled = expandTexts(precompileTexts(messages, intlLocales[locale], locale));

  it('has every message, parsed', () => {
    expect(Object.keys(compiled).sort()).toEqual(Object.keys(messages).sort());
    for (const ast of Object.values(compiled)) expect(Array.isArray(ast)).toBe(true);
  });

  it('formats every message as its string does', () => {
    const onError = (error: unknown) => {
      throw error;
    };
    const fromStrings = createIntl({ locale: intlLocales[locale], messages, onError });
    const fromAsts = createIntl({ locale: intlLocales[locale], messages: compiled, onError });
    for (const id of Object.keys(messages)) {
      for (const values of valueSets(compiled[id] as MessageFormatElement[])) {
        const expected = fromStrings.formatMessage({ id }, values as never);
        expect({ id, text: fromAsts.formatMessage({ id }, values as never) }).toEqual({ id, text: expected });
      }
    }
  });
});
