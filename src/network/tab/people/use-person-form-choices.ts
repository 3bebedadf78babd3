import { useCallback } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { type AreaOverview, getAreaOverview } from '../../../tab/api/endpoints.js';
import { type AsyncLoad, useAsync } from '../../../tab/hooks/use-async.js';
import { type CommunityRef, listNetworkCommunities } from '../api/network-endpoints.js';
import type { NeighbourhoodChoice } from './person-form-fields.js';

/** What the person form offers: the network's communities and the wijken of its district. */
export interface PersonFormChoices {
  communities: CommunityRef[];
  neighbourhoods: NeighbourhoodChoice[];
}

/** The wijken of the district the network belongs to, from the area overview. */
export function neighbourhoodsOfNetwork(overview: AreaOverview, networkId: string): NeighbourhoodChoice[] {
  for (const municipality of overview.municipalities) {
    for (const district of municipality.districts) {
      if (district.networks.some((network) => network.id === networkId)) return district.neighbourhoods;
    }
  }
  return [];
}

/** Loads the person form's choices for a network. */
export function usePersonFormChoices(api: ApiClient, networkId: string): AsyncLoad<PersonFormChoices> {
  return useAsync(
    useCallback(async () => {
      const [communities, overview] = await Promise.all([
        listNetworkCommunities(api, networkId),
        getAreaOverview(api),
      ]);
      return { communities, neighbourhoods: neighbourhoodsOfNetwork(overview, networkId) };
    }, [api, networkId]),
  );
}
