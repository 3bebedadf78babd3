import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildCoverage, type CoveragePerson } from '../../src/network/insight/coverage.js';
import { getNetworkCoverage } from '../../src/network/page/network-service.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { createTestDatabase } from '../helpers/test-db.js';

/*
 * The coverage matrix is counted by the database (allies and key figures per wijk × community) instead of from
 * every person of the network read into Node. This pins it to the pure `buildCoverage` over the people read
 * straight from the tables: same cells, same counts, same gaps, former allies counting for nothing.
 */

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase({ seed: true });
});
afterAll(async () => {
  await handle.close();
});

/** The network's people as coverage sees them, read from the tables without the route's statement. */
async function peopleOf(networkId: string): Promise<CoveragePerson[]> {
  const db = handle.db;
  const people = await db
    .selectFrom('network_people')
    .innerJoin('people', 'people.id', 'network_people.person_id')
    .select(['people.id', 'people.kind', 'people.neighbourhood_id'])
    .where('network_people.network_id', '=', networkId)
    .execute();
  const links = await db.selectFrom('person_communities').select(['person_id', 'community_id']).execute();
  return people.map((person) => ({
    kind: person.kind,
    neighbourhoodId: person.neighbourhood_id,
    communityIds: links.filter((link) => link.person_id === person.id).map((link) => link.community_id),
  }));
}

async function relevantPairs(): Promise<Set<string>> {
  const rows = await handle.db
    .selectFrom('neighbourhood_communities')
    .select(['area_id', 'community_id'])
    .execute();
  return new Set(rows.map((row) => `${row.area_id}/${row.community_id}`));
}

describe('the coverage matrix counted by the database', () => {
  it('equals the matrix built from every person of the network, for every network', async () => {
    const db = handle.db;
    // A former ally and a key figure in a wijk with a community, so both kinds are counted (or not) for real.
    const networks = await db.selectFrom('networks').select('id').execute();
    const [someAlly] = await db
      .selectFrom('people')
      .innerJoin('person_communities', 'person_communities.person_id', 'people.id')
      .select('people.id')
      .where('people.kind', '=', 'ally')
      .where('people.neighbourhood_id', 'is not', null)
      .orderBy('people.id')
      .limit(2)
      .execute();
    const movable = await db
      .selectFrom('people')
      .innerJoin('person_communities', 'person_communities.person_id', 'people.id')
      .select('people.id')
      .where('people.kind', '=', 'ally')
      .where('people.neighbourhood_id', 'is not', null)
      .orderBy('people.id', 'desc')
      .limit(1)
      .execute();
    expect(someAlly).toBeDefined();
    expect(movable).toHaveLength(1);
    await db
      .updateTable('people')
      .set({ kind: 'former_ally' })
      .where('id', '=', someAlly?.id ?? '')
      .execute();
    await db
      .updateTable('people')
      .set({ kind: 'key_figure' })
      .where('id', '=', movable[0]?.id ?? '')
      .execute();

    const relevant = await relevantPairs();
    let allies = 0;
    let keyFigures = 0;
    for (const { id } of networks) {
      const actual = await getNetworkCoverage(db, id);
      const expected = buildCoverage({
        neighbourhoods: actual.neighbourhoods,
        communities: actual.communities,
        relevant,
        people: await peopleOf(id),
      });
      expect(actual).toEqual(expected);
      for (const cell of actual.cells) {
        allies += cell.allies;
        keyFigures += cell.keyFigures;
      }
    }
    // Not vacuous: the demo counts allies and key figures somewhere.
    expect(allies).toBeGreaterThan(0);
    expect(keyFigures).toBeGreaterThan(0);
  });

  it('refuses an unknown network as not found', async () => {
    await expect(getNetworkCoverage(handle.db, '00000000-0000-4000-8000-00000000dead')).rejects.toMatchObject(
      {
        code: 'not-found',
      },
    );
  });
});
