import { stringify } from 'csv-stringify/sync';
import { CONFIDENTIAL_NOTICE } from '../../platform/confidential-notice.js';
import type { PersonWithContacts } from './export-store.js';
import { IMPORT_COLUMNS, type ImportColumn } from './import-columns.js';
import {
  CHANNEL_WORDS,
  GENDER_WORDS,
  KIND_WORDS,
  LEGAL_BASIS_WORDS,
  YES_NO_WORDS,
} from './import-vocabulary.js';

/** One person as a row of the export: the same Dutch columns and words the import reads. */
export function toExportRecord(person: PersonWithContacts): Record<ImportColumn, string> {
  return {
    naam: person.displayName,
    soort: KIND_WORDS[person.kind],
    professional: person.isProfessional ? YES_NO_WORDS.yes : YES_NO_WORDS.no,
    wijk: person.neighbourhood ?? '',
    gemeenschappen: person.communities.join('|'),
    mobiel: person.mobile ?? '',
    email: person.email ?? '',
    achterban: person.following ?? '',
    voorkeurskanaal: person.preferredChannel ? CHANNEL_WORDS[person.preferredChannel] : '',
    talen: person.languages.join('|'),
    beschikbaarheid: person.availability ?? '',
    leeftijd: person.ageBand ?? '',
    gender: person.gender ? GENDER_WORDS[person.gender] : '',
    grondslag: LEGAL_BASIS_WORDS[person.legalBasis],
    toestemmingsdatum: person.consentDate ?? '',
  };
}

/** A number in E.164 (`+` and 8–15 digits): a spreadsheet can read it as a sum, never run it. */
const E164 = /^\+[1-9]\d{7,14}$/;

/**
 * A cell that a spreadsheet would read as a formula (it starts with = + - @ tab or CR) gets a
 * leading ' (OWASP CSV injection). The phone column is spared when it holds a plain E.164 number:
 * `'+316…` in every row only made the file harder to use and re-import.
 */
export function neutraliseFormula(column: ImportColumn, cell: string): string {
  if (column === 'mobiel' && E164.test(cell)) return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * The people of a network as CSV for Dutch Excel: `;`-separated, CRLF, a byte-order mark so Excel
 * reads UTF-8, and formulas neutralised (`neutraliseFormula`).
 */
export function peopleToCsv(people: readonly PersonWithContacts[]): string {
  const records = people.map((person) => {
    const record = toExportRecord(person);
    for (const column of IMPORT_COLUMNS) record[column] = neutraliseFormula(column, record[column]);
    return record;
  });
  // The notice comes first; the import skips it, so the file still reads back (issue 18, item 7).
  const notice = stringify([[CONFIDENTIAL_NOTICE.nl]], { delimiter: ';', record_delimiter: 'windows' });
  return `\uFEFF${notice}${stringify(records, {
    header: true,
    columns: [...IMPORT_COLUMNS],
    delimiter: ';',
    record_delimiter: 'windows',
  })}`;
}

/** `Bondgenoten Haven` → `bondgenoten-haven`: ASCII letters and digits only, safe in a header. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'netwerk' : slug;
}

/** The export's file name: `bondgenoten-<network slug>-<date in the Netherlands>.csv`. */
export function exportFileName(networkName: string, now: Date): string {
  // en-CA formats as YYYY-MM-DD; the date is the one on the coordinator's clock, not UTC.
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);
  return `bondgenoten-${slugify(networkName)}-${date}.csv`;
}
