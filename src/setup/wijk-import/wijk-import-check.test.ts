import { describe, expect, it } from '@jest/globals';
import type { CsvRecord } from '../../platform/tabular/csv-table.js';
import { checkWijkImport, type WijkImportContext } from './wijk-import-check.js';
import { mapWijkHeader } from './wijk-import-columns.js';

const context: WijkImportContext = {
  gemeentecode: 'GM9901',
  districts: [{ id: 'd1', name: 'Noord' }],
  wijken: [{ name: 'Bestaand', cbsCode: 'WK990101' }],
  usedCodes: new Set(['WK990101', 'WK990199']),
  defaultDistrict: null,
};

function check(lines: string[][], overrides: Partial<WijkImportContext> = {}) {
  const [header = [], ...rows] = lines;
  const records: CsvRecord[] = rows.map((cells, index) => ({ line: index + 2, cells }));
  return checkWijkImport(records, mapWijkHeader(header), { ...context, ...overrides });
}

describe('mapWijkHeader', () => {
  it('reads the CBS headings and Dutch words, ignoring kerncijfers', () => {
    const header = mapWijkHeader(['WK_CODE', 'WK_NAAM', 'GM_CODE', 'GM_NAAM', 'AANT_INW', 'Stadsdeel']);
    expect([...header.entries()]).toEqual([
      ['wijkcode', 0],
      ['wijknaam', 1],
      ['gemeentecode', 2],
      ['stadsdeel', 5],
    ]);
    expect([...mapWijkHeader(['Wijknaam', 'wijk code']).keys()]).toEqual(['wijknaam', 'wijkcode']);
  });
});

describe('checkWijkImport', () => {
  it('plans new wijken and the districts they name, creating each district once', () => {
    const result = check([
      ['WK_CODE', 'WK_NAAM', 'stadsdeel'],
      ['wk990102', 'Een', 'Zuid'],
      ['WK990103', 'Twee', 'zuid'],
      ['', 'Drie', 'Noord'],
    ]);
    expect(result.preview).toMatchObject({ toCreate: 3, invalid: 0, skipped: 0, newDistricts: ['Zuid'] });
    expect(result.wijken).toEqual([
      { name: 'Een', cbsCode: 'WK990102', district: 'Zuid' },
      { name: 'Twee', cbsCode: 'WK990103', district: 'zuid' },
      { name: 'Drie', cbsCode: null, district: 'Noord' },
    ]);
  });

  it('skips other gemeenten, water parts, wijken already there and identical repeats', () => {
    const result = check(
      [
        ['WK_CODE', 'WK_NAAM', 'GM_CODE', 'WATER'],
        ['WK003401', 'Elders', 'GM0034', 'NEE'],
        ['WK990102', 'Een', 'GM9901', 'JA'],
        ['WK990101', 'Bestaand', 'GM9901', 'NEE'],
        ['WK990102', 'Een', 'GM9901', 'NEE'],
        ['WK990102', 'Een', 'GM9901', 'NEE'],
      ],
      { defaultDistrict: { id: 'd1', name: 'Noord' } },
    );
    expect(result.preview.rows.map((row) => row.action)).toEqual([
      'other-municipality',
      'water',
      'existing',
      'create',
      'existing',
    ]);
    expect(result.wijken).toHaveLength(1);
  });

  it('puts an error on each bad cell and plans nothing then (all or nothing)', () => {
    const result = check([
      ['WK_CODE', 'WK_NAAM', 'stadsdeel'],
      ['WK99010', 'Kapot', 'Noord'],
      ['WK003401', 'Verkeerde gemeente', 'Noord'],
      ['WK990199', 'Code bezet', 'Noord'],
      ['WK990101', 'Bestaand', ''],
      ['', '', 'Noord'],
      ['', 'Zonder stadsdeel', ''],
      ['WK990150', 'Twee keer', 'Noord'],
      ['WK990151', 'twee keer', 'Noord'],
      ['', 'Nul\u0000', 'Noord'],
    ]);
    const errors = result.preview.rows.map((row) =>
      row.errors.map((error) => `${error.column}: ${error.message}`),
    );
    expect(errors).toEqual([
      ["wijkcode: must be a CBS wijkcode: 'WK' and six digits"],
      ['wijkcode: does not lie in gemeente GM9901'],
      ['wijkcode: belongs to another area already'],
      [],
      ['wijknaam: is required'],
      ['stadsdeel: is empty: add a stadsdeel column or choose a district'],
      [],
      ['wijknaam: repeats line 8'],
      ['wijknaam: must not contain control characters'],
    ]);
    expect(result.preview.invalid).toBe(7);
    expect(result.preview.rows[3]?.action).toBe('existing');
    expect(result.wijken).toEqual([]);
    expect(result.newDistricts).toEqual([]);
  });

  it('refuses every row of a file without a name column', () => {
    const result = check([['WK_CODE'], ['WK990102']], { defaultDistrict: { id: 'd1', name: 'Noord' } });
    expect(result.preview.rows[0]?.errors).toEqual([
      {
        column: 'wijknaam',
        code: 'unreadable_file',
        reason: 'no-name-column',
        message: 'the file has no WK_NAAM or wijknaam column',
      },
    ]);
  });
});
