import { describe, expect, it } from '@jest/globals';
import {
  indexByName,
  type ListName,
  lookupName,
  lookupNames,
  type Parsed,
  parseAgeBand,
  parseChoice,
  parseDate,
  splitList,
  unescapeFormula,
} from './import-values.js';
import { CHANNELS, GENDERS, KINDS, LEGAL_BASES, YES_NO } from './import-vocabulary.js';

const value = <T>(parsed: Parsed<T>) => (parsed.ok ? parsed.value : `error: ${parsed.error.message}`);
const known: ListName = { kind: 'community', what: 'known' };

describe('closed lists', () => {
  it('reads soort in Dutch and English', () => {
    expect(value(parseChoice('Sleutelfiguur', KINDS))).toBe('key_figure');
    expect(value(parseChoice('bondgenoot', KINDS))).toBe('ally');
    expect(value(parseChoice('Oud-bondgenoot', KINDS))).toBe('former_ally');
    expect(value(parseChoice('former ally', KINDS))).toBe('former_ally');
    expect(value(parseChoice('vriend', KINDS))).toBe(
      'error: must be one of: sleutelfiguur, bondgenoot, oud-bondgenoot, oud-sleutelfiguur',
    );
  });

  it('reads professional as ja/nee', () => {
    expect(value(parseChoice('Ja', YES_NO))).toBe(true);
    expect(value(parseChoice('nee', YES_NO))).toBe(false);
    expect(value(parseChoice('yes', YES_NO))).toBe(true);
    expect(value(parseChoice('misschien', YES_NO))).toBe('error: must be one of: ja, nee');
  });

  it('reads voorkeurskanaal, gender and grondslag', () => {
    expect(value(parseChoice('Telefoon', CHANNELS))).toBe('phone');
    expect(value(parseChoice('WhatsApp', CHANNELS))).toBe('whatsapp');
    expect(value(parseChoice('e-mail', CHANNELS))).toBe('email');
    expect(value(parseChoice('duif', CHANNELS))).toMatch(/telefoon, sms, whatsapp, email/);
    expect(value(parseChoice('Non-binair', GENDERS))).toBe('non-binary');
    expect(value(parseChoice('vrouw', GENDERS))).toBe('female');
    expect(value(parseChoice('publieke taak', LEGAL_BASES))).toBe('public_task');
    expect(value(parseChoice('Toestemming', LEGAL_BASES))).toBe('consent');
    expect(value(parseChoice('contract', LEGAL_BASES))).toMatch(/^error/);
  });

  it('reads leeftijd bands, forgiving spaces and en dashes', () => {
    expect(value(parseAgeBand('35-44'))).toBe('35-44');
    expect(value(parseAgeBand('18 – 24'))).toBe('18-24');
    expect(value(parseAgeBand('65 +'))).toBe('65+');
    expect(value(parseAgeBand('40'))).toMatch(/^error: must be one of: 18-24/);
  });
});

describe('parseDate', () => {
  it('reads ISO and Dutch dates', () => {
    expect(value(parseDate('2026-01-05'))).toBe('2026-01-05');
    expect(value(parseDate('05-01-2026'))).toBe('2026-01-05');
    expect(value(parseDate('5/1/2026'))).toBe('2026-01-05');
  });

  it('refuses dates that do not exist or are written otherwise', () => {
    for (const cell of ['2026-02-30', '31-04-2026', '01/05/26', 'gisteren', '2026-13-01']) {
      expect(value(parseDate(cell))).toBe('error: must be a date as YYYY-MM-DD or DD-MM-YYYY');
    }
  });
});

describe('lists and lookups', () => {
  const communities = indexByName([
    { id: 'c1', name: 'Marokkaans' },
    { id: 'c2', name: 'LHBTI' },
  ]);

  it('splits on | and drops empty items', () => {
    expect(splitList(' Nederlands | Arabisch ||')).toEqual(['Nederlands', 'Arabisch']);
  });

  it('finds names loosely and names each unknown one', () => {
    expect(value(lookupName('marokkaans', communities, known))).toEqual({ id: 'c1', name: 'Marokkaans' });
    expect(value(lookupNames('Marokkaans|lhbti|Marokkaans', communities, known))).toEqual([
      { id: 'c1', name: 'Marokkaans' },
      { id: 'c2', name: 'LHBTI' },
    ]);
    expect(value(lookupNames('Marokkaans|Vissers|Boeren', communities, known))).toBe(
      'error: "Vissers", "Boeren": not known',
    );
    expect(lookupNames('Vissers|Boeren', communities, known)).toMatchObject({
      ok: false,
      error: { code: 'unknown_reference', kind: 'community', count: 2 },
    });
  });
});

describe('unescapeFormula', () => {
  it("takes off the ' the export puts before formula characters, and nothing else", () => {
    expect(unescapeFormula("'+31612345678")).toBe('+31612345678');
    expect(unescapeFormula("'=1+1")).toBe('=1+1');
    expect(unescapeFormula("'s-Hertogenbosch")).toBe("'s-Hertogenbosch");
    expect(unescapeFormula('+31612345678')).toBe('+31612345678');
  });
});
