import { describe, expect, it } from '@jest/globals';
import {
  alliesPerNetwork,
  LARGE_SHAPE,
  planLargeMunicipality,
  seededRandom,
} from '../../bench/lib/large-municipality.js';

// Planned once: building Benchstad takes ~0.1 s and needs no database.
const plan = planLargeMunicipality();

describe('the large fictional municipality (Benchstad)', () => {
  it('is the same on every run of the same seed, and differs for another seed', () => {
    expect(planLargeMunicipality()).toEqual(plan);
    expect(planLargeMunicipality(1).people[0]?.displayName).not.toBe(plan.people[0]?.displayName);
    const a = seededRandom(42);
    const b = seededRandom(42);
    expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
  });

  it('has the asked-for shape', () => {
    const districts = plan.areas.filter((area) => area.kind === 'district');
    expect(districts).toHaveLength(LARGE_SHAPE.districts);
    for (const district of districts) {
      const wijken = plan.areas.filter((area) => area.parentId === district.id);
      expect(wijken.length).toBeGreaterThanOrEqual(LARGE_SHAPE.neighbourhoodsPerDistrict.min);
      expect(wijken.length).toBeLessThanOrEqual(LARGE_SHAPE.neighbourhoodsPerDistrict.max);
      expect(plan.networks.filter((network) => network.areaId === district.id)).toHaveLength(1);
    }
    expect(plan.communities).toHaveLength(LARGE_SHAPE.communities);
    expect(plan.organisations).toHaveLength(LARGE_SHAPE.organisations);
    expect(plan.networks).toHaveLength(LARGE_SHAPE.networks);
    expect(plan.people).toHaveLength(LARGE_SHAPE.people);
    expect(plan.relations).toHaveLength(LARGE_SHAPE.relations);
    expect(plan.users).toHaveLength(LARGE_SHAPE.staff);
    expect(plan.relations.some((relation) => relation.until !== null)).toBe(true);
    expect(plan.relevance.length).toBeGreaterThan(0);
  });

  it('keeps the rules: ≤ 15 allies per network, professionals never allies, a coordinator per network', () => {
    for (const allies of alliesPerNetwork(plan).values())
      expect(allies).toBeLessThanOrEqual(LARGE_SHAPE.allyHardLimit);
    expect(plan.people.filter((person) => person.isProfessional && person.kind === 'ally')).toEqual([]);
    expect(plan.people.some((person) => person.isProfessional)).toBe(true);
    for (const network of plan.networks)
      expect(plan.roles.some((role) => role.networkId === network.id && role.role === 'coordinator')).toBe(
        true,
      );
    for (const role of plan.roles) expect(role.backupUserId).not.toBe(role.userId);
  });

  it('relates people only within a network they share, and gives everyone 1–3 communities and a wijk', () => {
    const networksOf = new Map<string, Set<string>>();
    for (const { networkId, personId } of plan.memberships)
      networksOf.set(personId, (networksOf.get(personId) ?? new Set()).add(networkId));
    for (const relation of plan.relations) {
      expect((relation.relatedPersonId === null) !== (relation.organisationId === null)).toBe(true);
      if (relation.relatedPersonId === null) continue;
      expect(relation.relatedPersonId).not.toBe(relation.personId);
      const shared = [...(networksOf.get(relation.personId) ?? [])].some((id) =>
        networksOf.get(relation.relatedPersonId as string)?.has(id),
      );
      expect(shared).toBe(true);
    }
    const wijken = new Set(plan.areas.filter((area) => area.kind === 'neighbourhood').map((area) => area.id));
    for (const person of plan.people) {
      expect(person.communityIds.length).toBeGreaterThanOrEqual(1);
      expect(person.communityIds.length).toBeLessThanOrEqual(3);
      expect(new Set(person.communityIds).size).toBe(person.communityIds.length);
      expect(wijken.has(person.neighbourhoodId)).toBe(true);
    }
  });

  it('holds only obviously fictional contact data and unique ids', () => {
    for (const person of plan.people) {
      expect(person.mobile).toMatch(/^\+3160000\d{4}$/);
      expect(person.email).toMatch(/@example\.org$/);
    }
    for (const user of plan.users) expect(user.email).toMatch(/@example\.org$/);
    const ids = [...plan.people, ...plan.networks, ...plan.users, ...plan.areas, ...plan.relations].map(
      (row) => row.id,
    );
    expect(new Set(ids).size).toBe(ids.length);
  });
});
