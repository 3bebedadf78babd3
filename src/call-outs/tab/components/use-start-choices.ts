import { useCallback } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import {
  type AreaOverview,
  type CommunityRef,
  getAreaOverview,
  listNetworkCommunities,
  type Me,
} from '../../../tab/api/endpoints.js';
import { useAsync } from '../../../tab/hooks/use-async.js';

/** What the start form offers: the wijken per district, and per municipality the communities one can pick. */
export interface StartChoices {
  municipalities: AreaOverview['municipalities'];
  /** By municipality id; from the networks where the user has a role (those are the communities they know). */
  communities: Record<string, CommunityRef[]>;
}

/**
 * Loads the area overview, then the communities through each municipality's first network where the user has a
 * role (a network's list is its municipality's list). Municipalities without such a network offer none.
 */
export function useStartChoices(api: ApiClient, me: Me) {
  const load = useCallback(async (): Promise<StartChoices> => {
    const overview = await getAreaOverview(api);
    const roleNetworks = new Set(me.roles.map((role) => role.networkId));
    const communities: Record<string, CommunityRef[]> = {};
    await Promise.all(
      overview.municipalities.map(async (municipality) => {
        const network = municipality.districts
          .flatMap((district) => district.networks)
          .find((candidate) => roleNetworks.has(candidate.id));
        if (!network) return;
        const list = await listNetworkCommunities(api, network.id);
        communities[municipality.id] = [...list].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
      }),
    );
    return { municipalities: overview.municipalities, communities };
  }, [api, me]);
  return useAsync(load);
}
