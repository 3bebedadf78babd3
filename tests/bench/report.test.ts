import { describe, expect, it } from '@jest/globals';
import { formatRatios } from '../../bench/lib/report.js';
import { formatNumber, formatTable } from '../../bench/lib/table.js';

describe('the bench report', () => {
  it('aligns text left and numbers right under their headings', () => {
    expect(
      formatTable(
        ['role', 'measurement', 'req/s'],
        [
          ['baseline', 'GET /healthz', '1,016'],
          ['subject', 'GET /api/v1/areas', '54'],
        ],
      ).split('\n'),
    ).toEqual([
      'role      measurement        req/s',
      '--------  -----------------  -----',
      'baseline  GET /healthz       1,016',
      'subject   GET /api/v1/areas     54',
    ]);
  });

  it('prints n/a for a figure that could not be measured', () => {
    expect(formatNumber(Number.NaN)).toBe('n/a');
    expect(formatNumber(1234.567, 1)).toBe('1,234.6');
  });

  it('says which direction is good and whether the goal is met', () => {
    expect(
      formatRatios([
        { label: 'a ÷ b', value: 0.42, better: 'higher', goal: { atLeast: 0.5 } },
        { label: 'c ÷ d', value: 3, better: 'lower' },
      ]),
    ).toEqual([
      '  a ÷ b = 0.42  [higher is better]  (goal ≥ 0.5: NOT MET)',
      '  c ÷ d = 3.00  [lower is better]',
    ]);
  });
});
