/**
 * The network capability's zod-free vocabularies, which the tab imports: how a network grows, and the
 * farewell's — a farewell (afscheid) ends someone's membership; an ally becomes a former ally, a key figure a
 * former key figure.
 */

/** A new network starts with 4–5 allies (DOMAIN.md, Structure) and grows towards the soft limit. */
export const START_SIZE = { min: 4, max: 5 } as const;

export type GrowthStage = 'starting' | 'start_size' | 'growing' | 'at_soft_limit' | 'over_soft_limit';

/** Where a network stands: below the start size, at it, growing towards the soft limit, at it, or beyond. Pure. */
export function growthStage(allies: number, softLimit: number): GrowthStage {
  if (allies > softLimit) return 'over_soft_limit';
  if (allies === softLimit) return 'at_soft_limit';
  if (allies < START_SIZE.min) return 'starting';
  if (allies <= START_SIZE.max) return 'start_size';
  return 'growing';
}

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
