/**
 * The network capability's zod-free vocabularies, which the tab imports. The farewell's: a farewell (afscheid)
 * ends someone's membership; an ally becomes a former ally, a key figure a former key figure.
 */

/** Why a membership ended; 'other' needs a note. */
export const FAREWELL_REASONS = [
  'own_wish',
  'evaluation',
  'moved',
  'integrity',
  'deceased',
  'other',
] as const;
export type FarewellReason = (typeof FAREWELL_REASONS)[number];

/** The kinds whose membership can end, and the kind each becomes. */
export const FORMER_KIND = { ally: 'former_ally', key_figure: 'former_key_figure' } as const;

/** Kinds that mean a membership has ended: nothing but the farewell may set them. */
export const ENDED_KINDS: readonly string[] = ['former_ally', 'former_key_figure'];
