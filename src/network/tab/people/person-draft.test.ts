import { describe, expect, it } from '@jest/globals';
import type { PersonDetail } from '../api/network-endpoints.js';
import {
  amsterdamToday,
  changesOf,
  createBodyOf,
  draftFromPerson,
  draftProblems,
  emptyPersonDraft,
} from './person-draft.js';

const ID = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

function buildPerson(overrides: Partial<PersonDetail> = {}): PersonDetail {
  return {
    id: ID(1),
    displayName: 'Fictieve Schoolleider',
    kind: 'key_figure',
    isProfessional: false,
    neighbourhood: { id: ID(2), name: 'De Velden' },
    communities: [
      { id: ID(3), name: 'Scholen', category: 'group' },
      { id: ID(4), name: 'Jongeren', category: 'group' },
    ],
    networks: [{ id: ID(5), name: 'Bondgenoten Haven' }],
    mobile: '+31612345678',
    email: null,
    following: null,
    preferredChannel: 'phone',
    languages: ['Nederlands', 'Arabisch'],
    availability: null,
    ageBand: '45-54',
    gender: 'female',
    legalBasis: 'consent',
    consentDate: '2026-11-01',
    consentWithdrawnOn: null,
    version: 3,
    updatedAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

describe('createBodyOf', () => {
  it('trims text, sends empty text as null and splits the languages', () => {
    const body = createBodyOf({
      ...emptyPersonDraft,
      displayName: '  Ilse  ',
      mobile: ' ',
      languages: 'Nederlands, , Turks ',
      consentDate: '2026-11-01',
    });
    expect(body).toMatchObject({
      displayName: 'Ilse',
      mobile: null,
      email: null,
      languages: ['Nederlands', 'Turks'],
      consentDate: '2026-11-01',
      kind: 'key_figure',
    });
  });
});

describe('changesOf', () => {
  it('sends only what changed, with the version last read', () => {
    const person = buildPerson();
    const draft = { ...draftFromPerson(person), mobile: '06-1234', kind: 'ally' as const };
    expect(changesOf(person, draft, 4)).toEqual({ version: 4, mobile: '06-1234', kind: 'ally' });
  });

  it('sees no change in the same communities in another order', () => {
    const person = buildPerson();
    const draft = { ...draftFromPerson(person), communityIds: [ID(4), ID(3)] };
    expect(changesOf(person, draft, 3)).toEqual({ version: 3 });
  });

  it('clears a field that was emptied', () => {
    const person = buildPerson();
    expect(changesOf(person, { ...draftFromPerson(person), languages: '' }, 3)).toEqual({
      version: 3,
      languages: [],
    });
  });
});

describe('draftProblems', () => {
  it('asks for a name, and a consent date only when the basis is consent', () => {
    expect(draftProblems(emptyPersonDraft)).toEqual({ displayName: 'required', consentDate: 'required' });
    expect(draftProblems({ ...emptyPersonDraft, displayName: 'Ilse', legalBasis: 'public_task' })).toEqual(
      {},
    );
  });

  it('refuses a consent date in the future or before 1900, as the server does', () => {
    const draft = { ...emptyPersonDraft, displayName: 'Ilse' };
    const today = '2026-12-05';
    expect(draftProblems({ ...draft, consentDate: '2026-12-06' }, today)).toEqual({ consentDate: 'future' });
    expect(draftProblems({ ...draft, consentDate: '1899-12-31' }, today)).toEqual({
      consentDate: 'before1900',
    });
    expect(draftProblems({ ...draft, consentDate: '2026-12-05' }, today)).toEqual({});
    expect(draftProblems({ ...draft, consentDate: '1900-01-01' }, today)).toEqual({});
    // A date is checked even when the basis needs none: the server refuses it all the same.
    expect(draftProblems({ ...draft, legalBasis: 'public_task', consentDate: '3000-01-01' }, today)).toEqual({
      consentDate: 'future',
    });
  });

  it('takes today in Amsterdam, which is a day ahead of UTC late in the evening', () => {
    expect(amsterdamToday(new Date('2026-12-05T23:30:00Z'))).toBe('2026-12-06');
  });
});
