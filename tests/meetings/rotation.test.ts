import { describe, expect, it } from '@jest/globals';
import { type RotationAlly, rotate } from '../../src/meetings/rotation.js';

const ally = (personId: string, willingToChair = true, absent?: [string, string]): RotationAlly => ({
  personId,
  willingToChair,
  absentFrom: absent?.[0] ?? null,
  absentUntil: absent?.[1] ?? null,
});
const empty = { chairs: [], lastLocationId: null, agendaTurns: [], meetingsSoFar: 0 };
const slots = (...dates: string[]) => dates.map((date) => ({ date }));

describe('rotation', () => {
  it('shares the chair fairly and never gives it to the same ally twice in a row', () => {
    const result = rotate(
      slots('2027-01-12', '2027-02-23', '2027-04-06', '2027-05-18', '2027-06-29', '2027-08-10'),
      [ally('a'), ally('b'), ally('c'), ally('d', false)],
      [],
      empty,
    );
    expect(result.map((r) => r.chairPersonId)).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
  });

  it('continues from history: the last chair waits, whoever chaired least goes first', () => {
    const result = rotate(slots('2027-01-12', '2027-02-23'), [ally('a'), ally('b'), ally('c')], [], {
      chairs: ['a', 'b', 'a'],
      lastLocationId: null,
      agendaTurns: [],
      meetingsSoFar: 3,
    });
    expect(result.map((r) => r.chairPersonId)).toEqual(['c', 'b']);
  });

  it('skips absent allies and leaves the chair open rather than repeating the previous chair', () => {
    const result = rotate(
      slots('2027-03-02', '2027-04-13'),
      [ally('a'), ally('b', true, ['2027-03-01', '2027-05-01'])],
      [],
      { chairs: ['a'], lastLocationId: null, agendaTurns: [], meetingsSoFar: 1 },
    );
    expect(result.map((r) => r.chairPersonId)).toEqual([null, 'a']);
  });

  it('rotates locations after the last one used and honours a chosen location', () => {
    const result = rotate(slots('2027-01-12', '2027-02-23', '2027-04-06'), [], ['x', 'y', 'z'], {
      ...empty,
      lastLocationId: 'y',
    });
    expect(result.map((r) => r.locationId)).toEqual(['z', 'x', 'y']);
    const chosen = rotate(
      [{ date: '2027-01-12', locationId: 'x' }, { date: '2027-02-23' }],
      [],
      ['x', 'y', 'z'],
      empty,
    );
    expect(chosen.map((r) => r.locationId)).toEqual(['x', 'y']);
  });

  it('marks the first three meetings of a network trust-building, without agenda turns', () => {
    const result = rotate(
      slots('2027-01-12', '2027-02-23', '2027-04-06', '2027-05-18', '2027-06-29'),
      [ally('a'), ally('b'), ally('c'), ally('d')],
      [],
      { ...empty, chairs: ['d'], meetingsSoFar: 1 },
    );
    expect(result.map((r) => r.trustBuilding)).toEqual([true, true, false, false, false]);
    expect(result[0]?.agendaTurnPersonIds).toEqual([]);
    // Agenda turns walk the list two at a time, skipping the chair of that meeting.
    expect(result.slice(2).map((r) => [r.chairPersonId, r.agendaTurnPersonIds])).toEqual([
      ['c', ['a', 'b']],
      ['d', ['c', 'a']], // d chaired longest ago among those who chaired once
      ['a', ['b', 'c']],
    ]);
  });
});
