/**
 * The network capability's public API: what other capabilities read about networks and people. They import
 * this file, never network's stores.
 */
export { readBackupUserId, readNetworksInAreas } from './page/network-store.js';
export {
  type ConsentState,
  readConsentState,
  recordConsentWithdrawal,
} from './people/consent-store.js';
export { ERASED_PERSON_NAME, erasePersonRecords } from './people/erasure-store.js';
export { readPersonDetail, readPersonNames, readPersonNetworkIds } from './people/people-store.js';
