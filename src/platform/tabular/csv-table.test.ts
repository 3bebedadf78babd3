import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../../platform/errors.js';
import { detectSeparator, IMPORT_MAX_ROWS, readCsvTable } from './csv-table.js';

function fileErrorOf(text: string): string {
  try {
    readCsvTable(text);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('validation-failed');
    return (error as DomainError).errors[0]?.message ?? '';
  }
  throw new Error('expected the file to be refused');
}

describe('detectSeparator', () => {
  it('picks ; for Dutch Excel and , for English spreadsheets', () => {
    expect(detectSeparator('naam;soort;mobiel')).toBe(';');
    expect(detectSeparator('name,kind,mobile')).toBe(',');
  });

  it('ignores separators inside quoted headings', () => {
    expect(detectSeparator('"naam, volledig";soort')).toBe(';');
    expect(detectSeparator('"a;b;c",d,e')).toBe(',');
  });

  it('chooses ; when a single column gives no hint', () => {
    expect(detectSeparator('naam')).toBe(';');
  });
});

describe('readCsvTable', () => {
  it('reads a Dutch Excel file with a byte-order mark and CRLF', () => {
    const table = readCsvTable('\uFEFFnaam;soort\r\nFictieve Een;bondgenoot\r\nFictieve Twee;\r\n');
    expect(table.separator).toBe(';');
    expect(table.header).toEqual(['naam', 'soort']);
    expect(table.records).toEqual([
      { line: 2, cells: ['Fictieve Een', 'bondgenoot'] },
      { line: 3, cells: ['Fictieve Twee', ''] },
    ]);
  });

  it('reads commas, quoted separators and keeps the line a multi-line cell starts on', () => {
    const table = readCsvTable('name,following\n"Fictief, A","line one\nline two"\nFictief B,x\n');
    expect(table.records).toEqual([
      { line: 2, cells: ['Fictief, A', 'line one\nline two'] },
      { line: 4, cells: ['Fictief B', 'x'] },
    ]);
  });

  it('skips empty lines and rows of empty cells, counting lines as the file has them', () => {
    const table = readCsvTable('naam;soort\n\n;;\nFictief C;sleutelfiguur\n');
    expect(table.records).toEqual([{ line: 4, cells: ['Fictief C', 'sleutelfiguur'] }]);
  });

  it("honours Excel's sep= line", () => {
    const table = readCsvTable('sep=,\nnaam,soort\nFictief D,bondgenoot\n');
    expect(table.separator).toBe(',');
    expect(table.records).toEqual([{ line: 3, cells: ['Fictief D', 'bondgenoot'] }]);
  });

  it('refuses a file it cannot read, naming the line', () => {
    expect(fileErrorOf('naam;soort\nFictief;"open\n')).toMatch(/could not be read as CSV near line 2/);
  });

  it('refuses a file that was not UTF-8 (accents read as replacement characters)', () => {
    expect(fileErrorOf('naam\nFictieve Ay\uFFFDe\n')).toMatch(/not UTF-8/);
  });

  it('refuses an empty file, one with only headings, and one with too many rows', () => {
    expect(fileErrorOf('\n\n')).toMatch(/holds no rows/);
    expect(fileErrorOf('naam;soort\r\n')).toMatch(/no people/);
    const many = `naam\n${Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => `Fictief ${i}`).join('\n')}`;
    expect(fileErrorOf(many)).toMatch(/at most 1000/);
  });
});
