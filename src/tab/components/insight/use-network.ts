import { useCallback } from 'react';
import type { ApiClient } from '../../api/client.js';
import { getNetwork } from '../../api/network-endpoints.js';
import { useAsync } from '../../hooks/use-async.js';

/** The network an insight page belongs to: its name for the header and whether the caller coordinates it. */
export function useNetwork(api: ApiClient, networkId: string) {
  const load = useAsync(useCallback(() => getNetwork(api, networkId), [api, networkId]));
  const network = load.state.status === 'done' ? load.state.value : null;
  return {
    load,
    name: network?.name ?? null,
    isCoordinator: network?.myRole === 'coordinator',
  };
}
