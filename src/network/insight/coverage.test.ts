import { describe, expect, it } from '@jest/globals';
import { networkWarnings } from '../page/network-warnings.js';
import { buildCoverage, countCoverageGaps } from './coverage.js';

const wijk = (id: string) => ({ id, name: `Wijk ${id}` });
const community = (id: string) => ({ id, name: `Gemeenschap ${id}`, category: 'group' as const });

describe('buildCoverage', () => {
  const base = {
    neighbourhoods: [wijk('w1'), wijk('w2')],
    communities: [community('c1'), community('c2')],
    relevant: new Set(['w1/c1', 'w1/c2', 'w2/c1']),
  };

  it('marks ally, key figures only, and nobody per cell, and counts relevant cells without an ally as gaps', () => {
    const coverage = buildCoverage({
      ...base,
      people: [
        { kind: 'ally', neighbourhoodId: 'w1', communityIds: ['c1'] },
        { kind: 'key_figure', neighbourhoodId: 'w1', communityIds: ['c1', 'c2'] },
        { kind: 'former_ally', neighbourhoodId: 'w2', communityIds: ['c1'] },
        { kind: 'ally', neighbourhoodId: null, communityIds: ['c2'] },
      ],
    });
    const cell = (w: string, c: string) =>
      coverage.cells.find((x) => x.neighbourhoodId === w && x.communityId === c);
    expect(cell('w1', 'c1')).toMatchObject({ status: 'ally', allies: 1, keyFigures: 1, relevant: true });
    expect(cell('w1', 'c2')).toMatchObject({
      status: 'key-figure',
      allies: 0,
      keyFigures: 1,
      relevant: true,
    });
    expect(cell('w2', 'c1')).toMatchObject({ status: 'none', relevant: true });
    expect(cell('w2', 'c2')).toMatchObject({ status: 'none', relevant: false });
    expect(coverage.gaps).toBe(2);
  });

  it('closes a gap when a key figure becomes an ally', () => {
    const people = [{ kind: 'key_figure' as const, neighbourhoodId: 'w1', communityIds: ['c2'] }];
    const before = buildCoverage({ ...base, people });
    const after = buildCoverage({
      ...base,
      people: [{ kind: 'ally', neighbourhoodId: 'w1', communityIds: ['c2'] }],
    });
    expect(after.gaps).toBe(before.gaps - 1);
  });

  it('counts the same gaps without building the cells (the network page), relevance marks outside the frame ignored', () => {
    const input = {
      ...base,
      // A mark for a wijk or community outside the frame (an archived community) is no cell, so no gap.
      relevant: new Set([...base.relevant, 'w9/c1', 'w2/c9']),
      people: [
        { kind: 'ally' as const, neighbourhoodId: 'w1', communityIds: ['c1'] },
        { kind: 'key_figure' as const, neighbourhoodId: 'w1', communityIds: ['c2'] },
        { kind: 'former_ally' as const, neighbourhoodId: 'w2', communityIds: ['c1'] },
      ],
    };
    expect(countCoverageGaps(input)).toBe(2);
    expect(countCoverageGaps(input)).toBe(buildCoverage(input).gaps);
    const closed = {
      ...input,
      people: [...input.people, { kind: 'ally' as const, neighbourhoodId: 'w2', communityIds: ['c1'] }],
    };
    expect(countCoverageGaps(closed)).toBe(1);
    expect(countCoverageGaps(closed)).toBe(buildCoverage(closed).gaps);
  });
});

describe('networkWarnings', () => {
  const staff = [
    { userId: 'u1', organisation: 'gemeente' as const, role: 'coordinator', backupUserId: 'u2' },
    { userId: 'u2', organisation: 'politie' as const, role: 'member', backupUserId: 'u1' },
  ];
  const facts = { staff, allies: 5, limits: { soft: 10, hard: 15 }, coverageGaps: 0 };

  it('is quiet for a complete network', () => {
    expect(networkWarnings(facts)).toEqual([]);
  });

  it('asks for someone of the police, a back-up, fewer allies and closing gaps', () => {
    const codes = networkWarnings({
      ...facts,
      staff: [
        { userId: 'u1', organisation: 'gemeente', role: 'coordinator', backupUserId: null },
        { userId: 'u2', organisation: 'politie', role: 'viewer', backupUserId: 'u1' },
      ],
      allies: 12,
      coverageGaps: 3,
    }).map((warning) => warning.code);
    expect(codes).toEqual(['no-politie-staff', 'staff-without-backup', 'over-soft-limit', 'coverage-gaps']);
  });

  it('reports the hard limit rather than the soft one when both are passed', () => {
    expect(networkWarnings({ ...facts, allies: 16 }).map((w) => w.code)).toEqual(['over-hard-limit']);
  });
});
