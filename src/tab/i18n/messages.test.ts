import { describe, expect, it } from '@jest/globals';
import { createIntl } from 'react-intl';
import { expectSaying } from '../../../tests/helpers/expect-saying.js';
import { type AppLocale, localeFromTag } from './locale.js';
import { messagesEn } from './messages.en.js';
import { messagesNl } from './messages.nl.js';

// The catalogues as the app loads them (English on demand), side by side for the checks below.
const catalogues = { nl: messagesNl, en: messagesEn };

const MISSING_VALUE = /context variable "(\w+)" was not provided/;

/**
 * The placeholders of a message, found by formatting it: each run names one value that is missing, which is then
 * supplied (as a number, so plurals take their `other` branch) until the message formats. Any other error, such as
 * bad ICU syntax, is returned as is.
 */
function placeholdersOf(locale: AppLocale, id: string): { names: string[]; errors: string[] } {
  const values: Record<string, number> = {};
  for (let round = 0; round < 10; round++) {
    const errors: string[] = [];
    const intl = createIntl({
      locale,
      messages: catalogues[locale],
      onError: (error) => errors.push(error.message),
    });
    intl.formatMessage({ id }, values);
    const missing = errors.map((message) => MISSING_VALUE.exec(message)?.[1]);
    const name = missing[0];
    if (errors.length === 0) return { names: Object.keys(values).sort(), errors };
    if (errors.length > 1 || name === undefined) return { names: Object.keys(values).sort(), errors };
    values[name] = 2;
  }
  return { names: Object.keys(values).sort(), errors: ['too many placeholders'] };
}

describe('message catalogues', () => {
  it('have exactly the same keys in Dutch and English', () => {
    expect(Object.keys(catalogues.en).sort()).toEqual(Object.keys(catalogues.nl).sort());
  });

  it('have no empty texts', () => {
    for (const catalogue of Object.values(catalogues)) {
      for (const [id, text] of Object.entries(catalogue)) expectSaying(text.trim(), id).not.toBe('');
    }
  });

  it('are valid ICU messages with the same placeholders in both languages', () => {
    for (const id of Object.keys(catalogues.nl)) {
      const nl = placeholdersOf('nl', id);
      const en = placeholdersOf('en', id);
      expectSaying(nl.errors, `nl ${id}`).toEqual([]);
      expectSaying(en.errors, `en ${id}`).toEqual([]);
      expectSaying(en.names, id).toEqual(nl.names);
    }
  });
});

describe('localeFromTag', () => {
  it('speaks English for any en-* Teams locale and Dutch otherwise', () => {
    expect(localeFromTag('en-us')).toBe('en');
    expect(localeFromTag('en-GB')).toBe('en');
    expect(localeFromTag('nl-nl')).toBe('nl');
    expect(localeFromTag('de-de')).toBe('nl');
    expect(localeFromTag(undefined)).toBe('nl');
  });
});

describe('Dutch wording', () => {
  const nl = createIntl({ locale: 'nl', messages: messagesNl });

  it('spells the call list "bellijst" and never calls newly registered people "nieuwkomers"', () => {
    const texts = Object.values(messagesNl).join('\n');
    expect(texts).not.toMatch(/belijst/i);
    expect(texts).not.toMatch(/nieuwe komers|nieuwkomers/i);
  });

  it('addresses the user as "je" throughout, never "u"', () => {
    expect(Object.values(messagesNl).filter((text) => /(^|[\s(])(u|uw|U|Uw)\b/.test(text))).toEqual([]);
  });

  it('counts staff and allies in singular and plural', () => {
    expect(nl.formatMessage({ id: 'convene.onTheWay' }, { total: 2, staff: 1, allies: 1 })).toBe(
      '2 personen onderweg (1 stafmedewerker, 1 bondgenoot)',
    );
    expect(nl.formatMessage({ id: 'convene.onTheWay' }, { total: 5, staff: 2, allies: 3 })).toBe(
      '5 personen onderweg (2 stafmedewerkers, 3 bondgenoten)',
    );
  });
});
