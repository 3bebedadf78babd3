import { useCallback } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { getNetwork } from '../api/network-endpoints.js';

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
