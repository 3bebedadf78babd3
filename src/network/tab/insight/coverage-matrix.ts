import type { Coverage } from '../api/insight-endpoints.js';

type Cell = Coverage['cells'][number];
type Community = Coverage['communities'][number];

/** The categories in the order the matrix groups its rows. */
export const categoryOrder: readonly Community['category'][] = ['religion', 'origin', 'group'];

/** A community's row: its cell per wijk (in the wijken's order) and whether any of them is relevant. */
export interface CoverageRow {
  community: Community;
  cells: Cell[];
  relevant: boolean;
}

/** The rows per category, communities sorted by name; with `onlyRelevant`, rows without a relevant cell go. */
export function coverageRows(
  coverage: Coverage,
  onlyRelevant: boolean,
): { category: Community['category']; rows: CoverageRow[] }[] {
  const byKey = new Map(coverage.cells.map((cell) => [`${cell.communityId}|${cell.neighbourhoodId}`, cell]));
  const rowOf = (community: Community): CoverageRow => {
    const cells = coverage.neighbourhoods.map(
      (wijk) =>
        byKey.get(`${community.id}|${wijk.id}`) ?? {
          neighbourhoodId: wijk.id,
          communityId: community.id,
          relevant: false,
          status: 'none' as const,
          allies: 0,
          keyFigures: 0,
        },
    );
    return { community, cells, relevant: cells.some((cell) => cell.relevant) };
  };
  return categoryOrder
    .map((category) => ({
      category,
      rows: coverage.communities
        .filter((community) => community.category === category)
        .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
        .map(rowOf)
        .filter((row) => !onlyRelevant || row.relevant),
    }))
    .filter((group) => group.rows.length > 0);
}

/** A relevant cell without an ally: what the coverage calls a gap. */
export const isGap = (cell: Cell) => cell.relevant && cell.status !== 'ally';

/** The communities relevant in one wijk after switching one of them on or off, for the relevance PUT. */
export function relevanceAfterToggle(
  coverage: Coverage,
  neighbourhoodId: string,
  communityId: string,
  relevant: boolean,
): string[] {
  const current = coverage.cells
    .filter((cell) => cell.neighbourhoodId === neighbourhoodId && cell.relevant)
    .map((cell) => cell.communityId)
    .filter((id) => id !== communityId);
  return relevant ? [...current, communityId] : current;
}

/** The matrix with one cell's relevance switched, before the server has answered. Pure. */
export function withRelevance(
  coverage: Coverage,
  neighbourhoodId: string,
  communityId: string,
  relevant: boolean,
): Coverage {
  return {
    ...coverage,
    cells: coverage.cells.map((cell) =>
      cell.neighbourhoodId === neighbourhoodId && cell.communityId === communityId
        ? { ...cell, relevant }
        : cell,
    ),
  };
}
