import { DomainError } from '../../platform/errors.js';
import { type AllyChange, checkAllyRules } from '../people/person-rules.js';
import type { NetworkWarning } from '../schemas.js';
import type { CellProblem } from './import-values.js';
import { foldWord } from './import-vocabulary.js';
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

/** Runs the ally rules on one change; the errors they raise become messages instead of a throw. */
function ruleOutcome(change: AllyChange): { problems: CellProblem[]; warnings: NetworkWarning[] } {
  try {
    return { problems: [], warnings: checkAllyRules(change) };
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'rule-violated') throw error;
    return { problems: error.errors.map(({ field: _field, ...problem }) => problem), warnings: [] };
  }
}

/**
 * The ally rules over the whole file, as if its rows were added one by one after the allies the
 * network has now: a professional is never an ally, and allies beyond the hard limit are refused
 * (each such row says so). Above the soft limit the import is allowed with a warning.
 */
export function checkAllyRulesOverFile(
  rows: readonly RowFacts[],
  existingAllies: number,
  limits: AllyChange['limits'],
): { errors: LineError[]; warnings: NetworkWarning[] } {
  const allyRows = rows.filter((row) => row.kind === 'ally');
  const errors: LineError[] = [];
  let warnings: NetworkWarning[] = [];
  allyRows.forEach((row, position) => {
    const professional = ruleOutcome({
      kindAfter: 'ally',
      isProfessionalAfter: row.isProfessional === true,
      alliesAfter: 0,
      addsAlly: false,
      limits,
    });
    for (const problem of professional.problems)
      errors.push({ rowLine: row.line, column: 'soort', ...problem });
    const limit = ruleOutcome({
      kindAfter: 'ally',
      isProfessionalAfter: false,
      alliesAfter: existingAllies + position + 1,
      addsAlly: true,
      limits,
    });
    warnings = limit.warnings;
    if (limit.problems.length > 0) {
      errors.push({
        rowLine: row.line,
        column: 'soort',
        code: 'rule_hard_limit',
        max: limits.hard,
        count: existingAllies,
        message: `the network has ${existingAllies} allies and this file adds ${allyRows.length}; the limit is ${limits.hard}`,
      });
    }
  });
  // The last ally decides: above the soft limit it warns, above the hard limit it has an error instead.
  return { errors, warnings };
}
