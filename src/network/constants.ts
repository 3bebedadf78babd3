/**
 * Network's zod-free vocabulary that the tab may import: how a network grows.
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
