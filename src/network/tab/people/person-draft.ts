import type { CreatePerson, PersonDetail, PersonKind, UpdatePerson } from '../api/network-endpoints.js';

/**
 * What the person form holds: text fields as typed (empty = not recorded), choices as values or null. The form
 * keeps this draft through any error, so nothing the user typed is lost.
 */
export interface PersonDraft {
  displayName: string;
  kind: PersonKind;
  isProfessional: boolean;
  neighbourhoodId: string | null;
  communityIds: string[];
  mobile: string;
  email: string;
  following: string;
  preferredChannel: PersonDetail['preferredChannel'];
  languages: string;
  availability: string;
  ageBand: PersonDetail['ageBand'];
  gender: PersonDetail['gender'];
  legalBasis: PersonDetail['legalBasis'];
  consentDate: string;
}

/** The form of a new person: a key figure, recorded with consent. */
export const emptyPersonDraft: PersonDraft = {
  displayName: '',
  kind: 'key_figure',
  isProfessional: false,
  neighbourhoodId: null,
  communityIds: [],
  mobile: '',
  email: '',
  following: '',
  preferredChannel: null,
  languages: '',
  availability: '',
  ageBand: null,
  gender: null,
  legalBasis: 'consent',
  consentDate: '',
};

/** The form filled with a person as the API returned them. */
export function draftFromPerson(person: PersonDetail): PersonDraft {
  return {
    displayName: person.displayName,
    kind: person.kind,
    isProfessional: person.isProfessional,
    neighbourhoodId: person.neighbourhood?.id ?? null,
    communityIds: person.communities.map((community) => community.id),
    mobile: person.mobile ?? '',
    email: person.email ?? '',
    following: person.following ?? '',
    preferredChannel: person.preferredChannel,
    languages: person.languages.join(', '),
    availability: person.availability ?? '',
    ageBand: person.ageBand,
    gender: person.gender,
    legalBasis: person.legalBasis,
    consentDate: person.consentDate ?? '',
  };
}

/** "Nederlands, Arabisch" as a list, blanks dropped. */
export function languagesOf(text: string): string[] {
  return text
    .split(',')
    .map((language) => language.trim())
    .filter((language) => language !== '');
}

/** The body of `POST /networks/{id}/people` for a draft. */
export function createBodyOf(draft: PersonDraft): CreatePerson {
  return {
    displayName: draft.displayName.trim(),
    kind: draft.kind,
    isProfessional: draft.isProfessional,
    neighbourhoodId: draft.neighbourhoodId,
    communityIds: draft.communityIds,
    mobile: draft.mobile.trim() || null,
    email: draft.email.trim() || null,
    following: draft.following.trim() || null,
    preferredChannel: draft.preferredChannel,
    languages: languagesOf(draft.languages),
    availability: draft.availability.trim() || null,
    ageBand: draft.ageBand,
    gender: draft.gender,
    legalBasis: draft.legalBasis,
    consentDate: draft.consentDate || null,
  };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, index) => value === b[index]);

/**
 * The body of `PATCH /people/{id}`: only the fields that differ from the person as last read, with its version,
 * so a change by someone else to another field is not overwritten.
 */
export function changesOf(person: PersonDetail, draft: PersonDraft, version: number): UpdatePerson {
  const before = createBodyOf(draftFromPerson(person));
  const after = createBodyOf(draft);
  const change: UpdatePerson = { version };
  for (const key of Object.keys(after) as (keyof CreatePerson)[]) {
    const a = before[key];
    const b = after[key];
    const same = Array.isArray(a) && Array.isArray(b) ? sameList([...a].sort(), [...b].sort()) : a === b;
    if (!same) Object.assign(change, { [key]: b });
  }
  return change;
}

/** Why the consent date cannot be saved: missing, in the future, or before 1900 (as the server refuses). */
export type ConsentDateProblem = 'required' | 'future' | 'before1900';

/** Today's date in Europe/Amsterdam as YYYY-MM-DD: the day the server compares a consent date with. */
export function amsterdamToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);
}

function consentDateProblem(draft: PersonDraft, today: string): ConsentDateProblem | undefined {
  if (draft.consentDate === '') return draft.legalBasis === 'consent' ? 'required' : undefined;
  // An ISO date compares as text; a browser date input only yields YYYY-MM-DD or ''.
  if (draft.consentDate < '1900-01-01') return 'before1900';
  if (draft.consentDate > today) return 'future';
  return undefined;
}

/** The problems the form can name before asking the server (which checks everything again). */
export function draftProblems(
  draft: PersonDraft,
  today: string = amsterdamToday(),
): { displayName?: 'required'; consentDate?: ConsentDateProblem } {
  const consentDate = consentDateProblem(draft, today);
  return {
    ...(draft.displayName.trim() === '' ? { displayName: 'required' as const } : {}),
    ...(consentDate ? { consentDate } : {}),
  };
}
