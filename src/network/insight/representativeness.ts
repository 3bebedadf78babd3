import type { Representativeness } from './insight-schemas.js';

/** A difference between actual and target share at or above this is highlighted. */
export const HIGHLIGHT_THRESHOLD = 0.15;

type Dimension = Representativeness['dimensions'][number]['dimension'];

/** What each ally contributes per dimension (a person may represent several communities). */
export interface RepresentativenessPerson {
  ageBand: string | null;
  gender: string | null;
  communities: string[];
}

function valuesOf(person: RepresentativenessPerson, dimension: Dimension): string[] {
  if (dimension === 'community') return person.communities;
  const value = dimension === 'age_band' ? person.ageBand : person.gender;
  return value ? [value] : ['unknown'];
}

/**
 * The network's mix of allies per dimension next to the coordinator's target profile. Shares are of
 * the number of allies (for communities they can add up to more than 1). Pure.
 */
export function compareToTarget(
  allies: RepresentativenessPerson[],
  targets: { dimension: Dimension; value: string; share: number }[],
): Representativeness {
  const dimensions: Dimension[] = ['age_band', 'gender', 'community'];
  return {
    total: allies.length,
    dimensions: dimensions.map((dimension) => {
      const counts = new Map<string, number>();
      for (const ally of allies)
        for (const value of valuesOf(ally, dimension)) counts.set(value, (counts.get(value) ?? 0) + 1);
      const wanted = new Map(targets.filter((t) => t.dimension === dimension).map((t) => [t.value, t.share]));
      const values = [...new Set([...counts.keys(), ...wanted.keys()])].sort();
      return {
        dimension,
        rows: values.map((value) => {
          const count = counts.get(value) ?? 0;
          const share = allies.length === 0 ? 0 : count / allies.length;
          const target = wanted.get(value) ?? null;
          const difference = target === null ? null : Math.round((share - target) * 1000) / 1000;
          return {
            value,
            count,
            share: Math.round(share * 1000) / 1000,
            target,
            difference,
            highlighted: difference !== null && Math.abs(difference) >= HIGHLIGHT_THRESHOLD,
          };
        }),
      };
    }),
  };
}
