import { describe, expect, it } from 'vitest';
import { checkAllyRulesOverFile, findDuplicateRows, type RowFacts } from './import-rules.js';

const limits = { soft: 10, hard: 15 };

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

const allies = (count: number, firstLine = 2) =>
  Array.from({ length: count }, (_, i) =>
    buildRow({ line: firstLine + i, displayName: `Fictieve Bondgenoot ${i}`, kind: 'ally' }),
  );

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

describe('checkAllyRulesOverFile', () => {
  it('never lets a professional be an ally', () => {
    const { errors } = checkAllyRulesOverFile(
      [
        buildRow({ line: 5, kind: 'ally', isProfessional: true }),
        buildRow({ line: 6, isProfessional: true }),
      ],
      0,
      limits,
    );
    expect(errors).toEqual([
      {
        rowLine: 5,
        column: 'soort',
        code: 'rule_professional',
        message: expect.stringContaining('never an ally'),
      },
    ]);
  });

  it('counts the allies of the network and of the file against the hard limit', () => {
    const { errors, warnings } = checkAllyRulesOverFile(allies(4), 12, limits);
    expect(errors).toEqual([
      {
        rowLine: 5,
        column: 'soort',
        code: 'rule_hard_limit',
        max: 15,
        count: 12,
        message: 'the network has 12 allies and this file adds 4; the limit is 15',
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it('allows up to the hard limit with a warning above the soft limit', () => {
    const { errors, warnings } = checkAllyRulesOverFile(allies(3), 12, limits);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([{ code: 'over-soft-limit', count: 15, limit: 10, userIds: [] }]);
  });

  it('says nothing when the file stays under the soft limit or adds no allies', () => {
    expect(checkAllyRulesOverFile(allies(5), 5, limits)).toEqual({ errors: [], warnings: [] });
    expect(checkAllyRulesOverFile([buildRow()], 15, limits)).toEqual({ errors: [], warnings: [] });
  });
});
