import { describe, expect, it } from '@jest/globals';
import { planLargeMunicipality } from '../../bench/lib/large-municipality.js';
import { viewersOfNetwork } from '../../bench/lib/many-users.js';

const plan = planLargeMunicipality();

describe('the many-user rows’ viewers of a Benchstad network', () => {
  const network = plan.networks[0];
  if (!network) throw new Error('Benchstad has no networks');
  const own = plan.roles.filter((role) => role.networkId === network.id);

  it('are distinct staff, the coordinator first, then the network’s own staff, then others to be made viewers', () => {
    const { userIds, toGrant } = viewersOfNetwork(plan, network.id, 50);
    expect(userIds).toHaveLength(50);
    expect(new Set(userIds).size).toBe(50);
    expect(userIds[0]).toBe(own.find((role) => role.role === 'coordinator')?.userId);
    expect(new Set(userIds.slice(0, own.length))).toEqual(new Set(own.map((role) => role.userId)));
    expect(toGrant).toEqual(userIds.slice(own.length));
    for (const id of toGrant) expect(own.some((role) => role.userId === id)).toBe(false);
  });

  it('grant nobody when the network’s own staff suffice, and refuse more than Benchstad has', () => {
    expect(viewersOfNetwork(plan, network.id, 1)).toEqual({
      userIds: [own.find((role) => role.role === 'coordinator')?.userId],
      toGrant: [],
    });
    expect(() => viewersOfNetwork(plan, network.id, plan.users.length + 1)).toThrow(/fewer than/);
  });
});
