/**
 * The network capability's public API: what other capabilities read about networks and people. They import
 * this file, never network's stores.
 */
export { readBackupUserId, readNetworksByName, readNetworksInAreas } from './page/network-store.js';
export { readNetworkPersonIds, readPersonNames } from './people/people-store.js';
