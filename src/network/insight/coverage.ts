import type { Coverage } from '../schemas.js';

/** A person as coverage sees them: where they are, what they represent, whether they are an ally. */
export interface CoveragePerson {
  kind: 'key_figure' | 'ally' | 'former_ally' | 'former_key_figure';
  neighbourhoodId: string | null;
  communityIds: string[];
}

/** What the coverage is computed from: a network's wijken, the communities in use, the relevance marks, its people. */
export interface CoverageInput {
  neighbourhoods: Coverage['neighbourhoods'];
  communities: Coverage['communities'];
  /** `neighbourhoodId/communityId` of every community marked relevant in a neighbourhood. */
  relevant: ReadonlySet<string>;
  people: CoveragePerson[];
}

/** Allies and key figures per `neighbourhoodId/communityId`. */
export type CoverageCounts = Map<string, { allies: number; keyFigures: number }>;

/** Allies and key figures per `neighbourhoodId/communityId`; former ones count for nothing. */
function countPeople(people: CoveragePerson[]): CoverageCounts {
  const counts: CoverageCounts = new Map();
  for (const person of people) {
    if (!person.neighbourhoodId || (person.kind !== 'ally' && person.kind !== 'key_figure')) continue;
    for (const communityId of person.communityIds) {
      const key = `${person.neighbourhoodId}/${communityId}`;
      const count = counts.get(key) ?? { allies: 0, keyFigures: 0 };
      if (person.kind === 'ally') count.allies += 1;
      else count.keyFigures += 1;
      counts.set(key, count);
    }
  }
  return counts;
}

/**
 * For every neighbourhood × community: allies and key figures there, whether the coordinators marked
 * the community relevant in that neighbourhood, and the gaps (relevant, but no ally). Former allies
 * and former key figures count for nothing. Pure.
 */
export function buildCoverage(input: CoverageInput): Coverage {
  return buildCoverageFromCounts({ ...input, counts: countPeople(input.people) });
}

/** {@link buildCoverage} from the counts per `neighbourhoodId/communityId` (counted by the database). Pure. */
export function buildCoverageFromCounts(
  input: Omit<CoverageInput, 'people'> & { counts: CoverageCounts },
): Coverage {
  const { counts } = input;
  const cells = input.neighbourhoods.flatMap((neighbourhood) =>
    input.communities.map((community) => {
      const key = `${neighbourhood.id}/${community.id}`;
      const { allies, keyFigures } = counts.get(key) ?? { allies: 0, keyFigures: 0 };
      const status =
        allies > 0 ? ('ally' as const) : keyFigures > 0 ? ('key-figure' as const) : ('none' as const);
      return {
        neighbourhoodId: neighbourhood.id,
        communityId: community.id,
        relevant: input.relevant.has(key),
        status,
        allies,
        keyFigures,
      };
    }),
  );
  const gaps = cells.filter((cell) => cell.relevant && cell.status !== 'ally').length;
  return { neighbourhoods: input.neighbourhoods, communities: input.communities, cells, gaps };
}

/** {@link buildCoverage}'s `gaps` without building the cells (the network page shows only the count). Pure. */
export function countCoverageGaps(input: CoverageInput): number {
  const counts = countPeople(input.people);
  let gaps = 0;
  for (const neighbourhood of input.neighbourhoods)
    for (const community of input.communities) {
      const key = `${neighbourhood.id}/${community.id}`;
      if (input.relevant.has(key) && !((counts.get(key)?.allies ?? 0) > 0)) gaps += 1;
    }
  return gaps;
}
