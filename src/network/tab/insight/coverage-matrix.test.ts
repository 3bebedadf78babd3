import { describe, expect, it } from '@jest/globals';
import type { Coverage } from '../api/insight-endpoints.js';
import { coverageRows, isGap, relevanceAfterToggle, withRelevance } from './coverage-matrix.js';

const W1 = '00000000-0000-4000-8000-000000000001';
const W2 = '00000000-0000-4000-8000-000000000002';
const TURKS = '00000000-0000-4000-8000-0000000000a1';
const JOODS = '00000000-0000-4000-8000-0000000000a2';
const JONGEREN = '00000000-0000-4000-8000-0000000000a3';

const coverage: Coverage = {
  neighbourhoods: [
    { id: W1, name: 'Centrum Haven' },
    { id: W2, name: 'De Marken' },
  ],
  communities: [
    { id: JONGEREN, name: 'Jongeren', category: 'group' },
    { id: TURKS, name: 'Turks', category: 'origin' },
    { id: JOODS, name: 'Joods', category: 'religion' },
  ],
  cells: [
    { neighbourhoodId: W1, communityId: TURKS, relevant: true, status: 'ally', allies: 1, keyFigures: 0 },
    {
      neighbourhoodId: W2,
      communityId: TURKS,
      relevant: true,
      status: 'key-figure',
      allies: 0,
      keyFigures: 1,
    },
    { neighbourhoodId: W1, communityId: JONGEREN, relevant: false, status: 'none', allies: 0, keyFigures: 0 },
  ],
  gaps: 1,
};

describe('coverageRows', () => {
  it('groups communities by category (religion, origin, group) with a cell per wijk in order', () => {
    const groups = coverageRows(coverage, false);
    expect(groups.map((group) => group.category)).toEqual(['religion', 'origin', 'group']);
    const turks = groups[1]?.rows[0];
    expect(turks?.cells.map((cell) => cell.status)).toEqual(['ally', 'key-figure']);
    // A cell the API left out counts as not relevant and nobody.
    expect(groups[0]?.rows[0]?.cells[1]).toMatchObject({ relevant: false, status: 'none' });
  });

  it('keeps only communities relevant somewhere when asked', () => {
    expect(coverageRows(coverage, true).map((group) => group.rows.map((row) => row.community.name))).toEqual([
      ['Turks'],
    ]);
  });
});

describe('isGap and relevanceAfterToggle', () => {
  it('calls a relevant cell without an ally a gap', () => {
    expect(coverage.cells.map(isGap)).toEqual([false, true, false]);
  });

  it('adds or removes one community from the wijk’s relevant ones, leaving the input alone', () => {
    expect(relevanceAfterToggle(coverage, W1, JONGEREN, true)).toEqual([TURKS, JONGEREN]);
    expect(relevanceAfterToggle(coverage, W1, TURKS, false)).toEqual([]);
    expect(coverage.cells[0]?.relevant).toBe(true);
  });
});

describe('withRelevance', () => {
  it('switches one cell and leaves the rest and the input alone', () => {
    const next = withRelevance(coverage, W1, JONGEREN, true);
    expect(next.cells.map((cell) => cell.relevant)).toEqual([true, true, true]);
    expect(coverage.cells[2]?.relevant).toBe(false);
  });
});
