import { foldWord } from '../../platform/tabular/fold-word.js';
import { type MatchFacts, matchReason } from '../people/person-match.js';
import type { ImportCellError, ImportRow } from './transfer-schemas.js';

/** What the rules over the whole file need to know about each row. */
export type RowFacts = Pick<ImportRow, 'line' | 'displayName' | 'mobile' | 'kind' | 'isProfessional'>;

/** An error the rules over the whole file found in one row. */
export interface LineError extends ImportCellError {
  /** The row the error belongs to (`line`, if present, is a parameter: the line it refers to). */
  rowLine: number;
}

/**
 * Rows that repeat an earlier row's name and mobile number (both compared loosely, so `06-1234 5678`
 * and `+31612345678` match): the same person twice in one file.
 */
export function findDuplicateRows(rows: readonly RowFacts[]): LineError[] {
  const firstLine = new Map<string, number>();
  const errors: LineError[] = [];
  for (const row of rows) {
    const key = `${foldWord(row.displayName)}|${(row.mobile ?? '').replace(/[^\d+]/g, '')}`;
    const first = firstLine.get(key);
    if (first === undefined) firstLine.set(key, row.line);
    else
      errors.push({
        rowLine: row.line,
        column: 'naam',
        code: 'duplicate',
        kind: 'row',
        line: first,
        message: `the same name and mobile as line ${first}: this person is already in the file`,
      });
  }
  return errors;
}

/**
 * Rows that would add an ally: an ally is admitted through selection (both parties approve, issue 16), never
 * by import. Each such row says so; the file can bring them in as key figures and propose them there.
 */
export function refuseAllyRows(rows: readonly RowFacts[]): LineError[] {
  return rows
    .filter((row) => row.kind === 'ally')
    .map((row) => ({
      rowLine: row.line,
      column: 'soort' as const,
      code: 'ally_via_selection' as const,
      message: 'an ally is admitted through selection (both parties approve); import them as key figure',
    }));
}

/**
 * Rows that would add a former ally or former key figure: a membership ends only through the farewell (end date,
 * reason, thanked; issue 16), so an import never creates one without it.
 */
export function refuseFormerRows(rows: readonly RowFacts[]): LineError[] {
  return rows
    .filter((row) => row.kind === 'former_ally' || row.kind === 'former_key_figure')
    .map((row) => ({
      rowLine: row.line,
      column: 'soort' as const,
      code: 'former_via_farewell' as const,
      message: 'a membership ends only through the farewell; leave this row out',
    }));
}

/**
 * Rows that may be a person the municipality already stored (same mobile, same e-mail, or same name in the same
 * wijk): never silently duplicated. The row names the stored person's kind; the coordinator removes the row or
 * changes that person instead.
 */
export function findStoredMatches(
  rows: readonly { line: number; person: MatchFacts | undefined }[],
  stored: readonly (MatchFacts & { kind: string })[],
): LineError[] {
  const errors: LineError[] = [];
  for (const row of rows) {
    if (!row.person) continue;
    for (const person of stored) {
      const reason = matchReason(row.person, person);
      if (!reason) continue;
      errors.push({
        rowLine: row.line,
        column: reason === 'mobile' ? 'mobiel' : reason === 'email' ? 'email' : 'naam',
        code: 'duplicate',
        kind: 'person',
        reason,
        message: `may be a person already stored (${person.kind}, same ${reason.replace('_', ' + ')}); change that person instead`,
      });
      break;
    }
  }
  return errors;
}
