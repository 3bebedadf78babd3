import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { CONFIDENTIAL_NOTICE } from '../../platform/confidential-notice.js';
import { exportFileName, neutraliseFormula, peopleToCsv, slugify } from './export-csv.js';
import type { PersonWithContacts } from './export-store.js';
import { checkImportFile, readCsvImportFile } from './import-check.js';

const ids = {
  centrum: '00000000-0000-4000-8000-0000000000a1',
  islamitisch: '00000000-0000-4000-8000-0000000000c1',
  marokkaans: '00000000-0000-4000-8000-0000000000c2',
};

function buildPerson(overrides: Partial<PersonWithContacts> = {}): PersonWithContacts {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    displayName: 'Fictieve Bondgenoot',
    kind: 'ally',
    isProfessional: false,
    neighbourhood: 'Centrum Haven',
    communities: ['Islamitisch', 'Marokkaans'],
    mobile: '+31612340001',
    email: 'bondgenoot@example.org',
    following: 'Moskeebestuur (fictief); ouders',
    preferredChannel: 'whatsapp',
    languages: ['Nederlands', 'Arabisch'],
    availability: 'Avonds, "na het gebed"',
    ageBand: '35-44',
    gender: 'female',
    legalBasis: 'consent',
    consentDate: '2025-01-15',
    ...overrides,
  };
}

describe('peopleToCsv', () => {
  it('writes the notice, then the Dutch columns and words with ;, CRLF and a byte-order mark', () => {
    const csv = peopleToCsv([buildPerson()]);
    const lines = csv.split('\r\n');
    // One quoted cell (the notice holds the separator), so a spreadsheet shows it whole in A1.
    expect(lines[0]).toBe(`\uFEFF"${CONFIDENTIAL_NOTICE.nl}"`);
    expect(lines[1]?.startsWith('naam;soort;professional;wijk;gemeenschappen;mobiel;')).toBe(true);
    expect(lines).toHaveLength(4);
    const [, row] = parse(csv, { delimiter: ';', bom: true, from_line: 2 }) as string[][];
    expect(row).toEqual([
      'Fictieve Bondgenoot',
      'bondgenoot',
      'nee',
      'Centrum Haven',
      'Islamitisch|Marokkaans',
      '+31612340001',
      'bondgenoot@example.org',
      'Moskeebestuur (fictief); ouders',
      'whatsapp',
      'Nederlands|Arabisch',
      'Avonds, "na het gebed"',
      '35-44',
      'vrouw',
      'toestemming',
      '2025-01-15',
    ]);
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    const csv = peopleToCsv([
      buildPerson({ displayName: '=HYPERLINK("http://example.org")', following: '@SUM(A1)' }),
    ]);
    const [, row] = parse(csv, { delimiter: ';', bom: true, from_line: 2 }) as string[][];
    expect(row?.[0]).toBe('\'=HYPERLINK("http://example.org")');
    expect(row?.[7]).toBe("'@SUM(A1)");
  });

  it('leaves a valid E.164 phone number as it is, and escapes anything else in that column', () => {
    expect(neutraliseFormula('mobiel', '+31612340001')).toBe('+31612340001');
    expect(neutraliseFormula('mobiel', '+1+1')).toBe("'+1+1");
    expect(neutraliseFormula('mobiel', '=1+1')).toBe("'=1+1");
    // A leading + outside the phone column is still a formula start.
    expect(neutraliseFormula('achterban', '+31612340001')).toBe("'+31612340001");
  });

  it('imports back as it was exported', () => {
    // Key figures only: an ally row is refused on import (allies come in through selection).
    const people = [
      buildPerson({ kind: 'key_figure' }),
      buildPerson({
        displayName: '-Fictieve Sleutelfiguur',
        kind: 'key_figure',
        isProfessional: true,
        neighbourhood: null,
        communities: [],
        mobile: null,
        email: null,
        following: null,
        preferredChannel: null,
        languages: [],
        availability: null,
        ageBand: null,
        gender: null,
        legalBasis: 'public_task',
        consentDate: null,
      }),
    ];
    const { preview, people: imported } = checkImportFile(readCsvImportFile(peopleToCsv(people)), {
      neighbourhoods: [{ id: ids.centrum, name: 'Centrum Haven' }],
      communities: [
        { id: ids.islamitisch, name: 'Islamitisch' },
        { id: ids.marokkaans, name: 'Marokkaans' },
      ],
      storedPeople: [],
    });
    expect(preview.invalid).toBe(0);
    expect(imported[0]).toMatchObject({
      mobile: '+31612340001',
      communityIds: [ids.islamitisch, ids.marokkaans],
    });
    expect(imported[1]).toMatchObject({ displayName: '-Fictieve Sleutelfiguur', legalBasis: 'public_task' });
    const { id: _id, neighbourhood: _n, communities: _c, ...first } = buildPerson({ kind: 'key_figure' });
    expect(imported[0]).toMatchObject(first);
  });
});

describe('exportFileName', () => {
  it('slugs the network name and dates the file on Dutch time', () => {
    expect(slugify('Bondgenoten Haven')).toBe('bondgenoten-haven');
    expect(slugify('Buiten/Hout & Stad — één')).toBe('buiten-hout-stad-een');
    expect(slugify('***')).toBe('netwerk');
    // 23:30 UTC on 31 December is already New Year's Day in Amsterdam.
    expect(exportFileName('Bondgenoten Stad', new Date('2025-12-31T23:30:00Z'))).toBe(
      'bondgenoten-bondgenoten-stad-2026-01-01.csv',
    );
  });
});
