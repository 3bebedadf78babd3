import type { z } from 'zod';
import type { FieldError } from '../../platform/errors.js';
import { foldWord } from '../../platform/tabular/fold-word.js';
import type { ageBandSchema } from '../schemas.js';
import { AGE_BANDS, type Vocabulary } from './import-vocabulary.js';

/** Why a cell could not be read: a stable code with its parameters, and an English message. */
export type CellProblem = Omit<FieldError, 'field'>;

/** A cell read into a value, or why it could not be. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: CellProblem };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: Omit<CellProblem, 'message'>, message: string): Parsed<T> => ({
  ok: false,
  error: { ...reason, message },
});

/**
 * The export neutralises formulas (`neutraliseFormula`) by putting `'` before a cell that starts
 * with = + - @ tab or CR (exports before 2026-12 did so for every +31 mobile number too). Taking it
 * off again makes an exported file import as it was; the value is stored as text and escaped again
 * on every export.
 */
export function unescapeFormula(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** A value from a closed list, in Dutch or English, whatever its case or spacing. */
export function parseChoice<T>(cell: string, vocabulary: Vocabulary<T>): Parsed<T> {
  const value = vocabulary.words.get(foldWord(cell));
  return value === undefined
    ? fail(
        { code: 'invalid_value', values: vocabulary.expected.split(', ') },
        `must be one of: ${vocabulary.expected}`,
      )
    : ok(value);
}

/** An age band as the tab shows it (18-24 … 65+); spaces and en dashes are forgiven. */
export function parseAgeBand(cell: string): Parsed<z.infer<typeof ageBandSchema>> {
  const compact = cell.replace(/[\u2012-\u2015]/g, '-').replace(/\s+/g, '');
  const band = AGE_BANDS.find((candidate) => candidate === compact);
  return band
    ? ok(band)
    : fail({ code: 'invalid_value', values: [...AGE_BANDS] }, `must be one of: ${AGE_BANDS.join(', ')}`);
}

function isoIfReal(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? date.toISOString().slice(0, 10) : undefined;
}

/** A calendar date as YYYY-MM-DD or as Dutch spreadsheets write it (DD-MM-YYYY, also with / or .). */
export function parseDate(cell: string): Parsed<string> {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(cell);
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(cell);
  const parts = iso ? [iso[1], iso[2], iso[3]] : dutch ? [dutch[3], dutch[2], dutch[1]] : undefined;
  const date = parts ? isoIfReal(Number(parts[0]), Number(parts[1]), Number(parts[2])) : undefined;
  return date
    ? ok(date)
    : fail({ code: 'invalid_format', format: 'date' }, 'must be a date as YYYY-MM-DD or DD-MM-YYYY');
}

/** A list in one cell, items separated by `|` (a comma or semicolon may be the file's separator). */
export function splitList(cell: string): string[] {
  return cell
    .split('|')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Something the municipality keeps a list of (its wijken, its communities), found by name. */
export interface NamedRecord {
  id: string;
  name: string;
}

/** An index of names for lookups that forgive case, accents and spacing. */
export function indexByName(records: readonly NamedRecord[]): ReadonlyMap<string, NamedRecord> {
  return new Map(records.map((record) => [foldWord(record.name), record]));
}

/** What a looked-up name must be: the kind of reference (for the code) and its English wording. */
export interface ListName {
  kind: 'neighbourhood' | 'community';
  what: string;
}

/** One name from the municipality's list; `list` names the list in the error. */
export function lookupName(
  cell: string,
  index: ReadonlyMap<string, NamedRecord>,
  list: ListName,
): Parsed<NamedRecord> {
  const found = index.get(foldWord(cell));
  return found
    ? ok(found)
    : fail({ code: 'unknown_reference', kind: list.kind }, `"${cell}" is not ${list.what}`);
}

/** Several `|`-separated names from the municipality's list; every unknown one is named. */
export function lookupNames(
  cell: string,
  index: ReadonlyMap<string, NamedRecord>,
  list: ListName,
): Parsed<NamedRecord[]> {
  const names = splitList(cell);
  const unknown = names.filter((name) => !index.has(foldWord(name)));
  if (unknown.length > 0) {
    return fail(
      { code: 'unknown_reference', kind: list.kind, count: unknown.length },
      `${unknown.map((name) => `"${name}"`).join(', ')}: not ${list.what}`,
    );
  }
  const found = names.map((name) => index.get(foldWord(name)) as NamedRecord);
  return ok([...new Map(found.map((record) => [record.id, record])).values()]);
}
