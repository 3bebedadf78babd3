import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../../platform/errors.js';
import { columnFor, IMPORT_COLUMNS, mapHeader } from './import-columns.js';

describe('columnFor', () => {
  it('knows every Dutch heading whatever its case or spacing', () => {
    for (const column of IMPORT_COLUMNS) {
      expect(columnFor(column)).toBe(column);
      expect(columnFor(` ${column.toUpperCase()} `)).toBe(column);
    }
  });

  it('accepts English and common Dutch variants', () => {
    expect(columnFor('Name')).toBe('naam');
    expect(columnFor('E-mail')).toBe('email');
    expect(columnFor('Preferred channel')).toBe('voorkeurskanaal');
    expect(columnFor('consent_date')).toBe('toestemmingsdatum');
    expect(columnFor('Telefoonnummer')).toBe('mobiel');
    expect(columnFor('Legal basis')).toBe('grondslag');
    expect(columnFor('Geslacht')).toBe('gender');
  });

  it('does not guess at headings it does not know', () => {
    expect(columnFor('opmerkingen')).toBeUndefined();
    expect(columnFor('')).toBeUndefined();
  });
});

describe('mapHeader', () => {
  it('maps each position to its column and lists unknown headings', () => {
    expect(mapHeader(['Naam', 'Opmerking', 'mobile', ''])).toEqual({
      byPosition: ['naam', undefined, 'mobiel', undefined],
      recognised: ['naam', 'mobiel'],
      unknown: ['Opmerking'],
    });
  });

  it('refuses a file without a name column or with a column twice', () => {
    expect(() => mapHeader(['soort', 'mobiel'])).toThrow(DomainError);
    expect(() => mapHeader(['naam', 'name'])).toThrow(/two columns for naam/);
  });
});
