import { foldWord } from '../../platform/tabular/fold-word.js';

/** What matching needs to know about a person or a candidate: name, wijk and contact data. */
export interface MatchFacts {
  displayName: string;
  neighbourhoodId: string | null;
  /** E.164, as stored. */
  mobile: string | null;
  email: string | null;
}

/** Why two records may be the same person: the same mobile, the same e-mail, or the same name in the same wijk. */
export type MatchReason = 'mobile' | 'email' | 'name_wijk';

/** A name folded for comparison; the Turkish dotless ı has no decomposition, so it is mapped by hand. */
const foldName = (name: string): string => foldWord(name.replace(/ı/g, 'i'));

/**
 * Whether two records may be the same person (name + wijk, or phone, or e-mail), the strongest reason first;
 * null when nothing matches. A name alone is not enough: common names recur across wijken. Pure.
 */
export function matchReason(a: MatchFacts, b: MatchFacts): MatchReason | null {
  if (a.mobile && b.mobile && a.mobile === b.mobile) return 'mobile';
  if (a.email && b.email && a.email.trim().toLowerCase() === b.email.trim().toLowerCase()) return 'email';
  const sameName = foldName(a.displayName) !== '' && foldName(a.displayName) === foldName(b.displayName);
  if (sameName && a.neighbourhoodId !== null && a.neighbourhoodId === b.neighbourhoodId) return 'name_wijk';
  return null;
}
