import { describe, expect, it } from '@jest/globals';
import { findDuplicateRows, type RowFacts, refuseAllyRows, refuseFormerRows } from './import-rules.js';

function buildRow(overrides: Partial<RowFacts> = {}): RowFacts {
  return {
    line: 2,
    displayName: 'Fictief Persoon',
    mobile: null,
    kind: 'key_figure',
    isProfessional: false,
    ...overrides,
  };
}

describe('findDuplicateRows', () => {
  it('flags a later row with the same name and mobile, pointing at the first', () => {
    const errors = findDuplicateRows([
      buildRow({ line: 2, displayName: 'Fictieve Anna', mobile: '+31612345678' }),
      buildRow({ line: 3, displayName: 'Fictieve Bram', mobile: '+31612345678' }),
      buildRow({ line: 4, displayName: 'fictieve  anna', mobile: '+31612345678' }),
    ]);
    expect(errors).toEqual([
      {
        rowLine: 4,
        column: 'naam',
        code: 'duplicate',
        kind: 'row',
        line: 2,
        message: expect.stringContaining('the same name and mobile as line 2'),
      },
    ]);
  });

  it('treats the same name with no mobile twice as a duplicate, and another mobile as another person', () => {
    const errors = findDuplicateRows([
      buildRow({ line: 2, displayName: 'Fictieve Cor' }),
      buildRow({ line: 3, displayName: 'Fictieve Cor' }),
      buildRow({ line: 4, displayName: 'Fictieve Cor', mobile: '+31612345679' }),
    ]);
    expect(errors.map((error) => error.rowLine)).toEqual([3]);
  });
});

describe('refuseFormerRows', () => {
  it('refuses every row that would add a former ally or former key figure, and only those', () => {
    const rows = [
      { line: 2, displayName: 'A', mobile: null, kind: 'former_ally' as const, isProfessional: false },
      { line: 3, displayName: 'B', mobile: null, kind: 'key_figure' as const, isProfessional: false },
      { line: 4, displayName: 'C', mobile: null, kind: 'former_key_figure' as const, isProfessional: false },
    ];
    expect(refuseFormerRows(rows)).toEqual([
      expect.objectContaining({ rowLine: 2, column: 'soort', code: 'former_via_farewell' }),
      expect.objectContaining({ rowLine: 4, column: 'soort', code: 'former_via_farewell' }),
    ]);
  });
});

describe('refuseAllyRows', () => {
  it('refuses every row that would add an ally, and only those', () => {
    const rows = [
      { line: 2, displayName: 'A', mobile: null, kind: 'ally' as const, isProfessional: false },
      { line: 3, displayName: 'B', mobile: null, kind: 'key_figure' as const, isProfessional: false },
    ];
    expect(refuseAllyRows(rows)).toEqual([
      expect.objectContaining({ rowLine: 2, column: 'soort', code: 'ally_via_selection' }),
    ]);
  });
});
