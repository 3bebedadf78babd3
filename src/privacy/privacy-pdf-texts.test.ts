import { describe, expect, it } from '@jest/globals';
import { PRIVACY_TEXTS, REGISTER_TEXTS, RETENTION_KINDS } from './constants.js';
import { PRIVACY_PDF_TEXTS } from './privacy-pdf-texts.js';

describe('the words of the privacy PDFs', () => {
  it.each(RETENTION_KINDS)(
    'names retention kind "%s" with its clock and reason in Dutch and English',
    (kind) => {
      for (const words of [PRIVACY_TEXTS.nl, PRIVACY_TEXTS.en]) {
        expect(words.kind[kind]?.trim()).toBeTruthy();
        expect(words.clock[kind]?.trim()).toBeTruthy();
        expect(words.reason[kind]?.trim()).toBeTruthy();
      }
      expect(PRIVACY_TEXTS.nl.reason[kind]).not.toBe(PRIVACY_TEXTS.en.reason[kind]);
    },
  );

  it('has every fixed register text in Dutch, differing from the English source', () => {
    for (const key of Object.keys(REGISTER_TEXTS) as (keyof typeof REGISTER_TEXTS)[])
      expect(PRIVACY_TEXTS.nl.registerText[key]).not.toBe(REGISTER_TEXTS[key]);
  });

  it('labels the same parts, fields, codes and holders in Dutch and English', () => {
    const { nl, en } = PRIVACY_PDF_TEXTS;
    for (const group of ['parts', 'fields', 'values', 'holderNames'] as const)
      expect(Object.keys(en[group]).sort()).toEqual(Object.keys(nl[group]).sort());
  });
});
