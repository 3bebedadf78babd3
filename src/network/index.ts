/**
 * The network capability's public API: what other capabilities read about networks and people. They import
 * this file, never network's stores.
 */

export { readActiveNetworks } from './page/network-list-store.js';
export {
  readBackupUserId,
  readCommunities,
  readNetwork,
  readNetworkNeighbourhoods,
  readNetworksByName,
  readNetworkStaff,
  readNetworksInAreas,
} from './page/network-store.js';
export {
  type ConsentState,
  readConsentState,
  recordConsentWithdrawal,
} from './people/consent-store.js';
export {
  readNetworkPersonIds,
  readPeopleOfNetwork,
  readPersonNames,
  readPersonNetworkIds,
} from './people/people-store.js';
