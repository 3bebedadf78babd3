/**
 * The network capability's public API: what other capabilities read about networks and people. They import
 * this file, never network's stores.
 */

/**
 * The retention hook (issue 18, privacy): people whose membership ended (a farewell, migration 0026) on or
 * before a date, with the farewell's `ended_on` as the start of the retention clock.
 */
export { readEndedMemberships } from './farewell/farewell-store.js';
/** The coverage matrix and the representativeness of a network, for the half-yearly evaluation's network questions. */
export { getRepresentativeness } from './insight/insight-service.js';
export { getNetworkCoverage } from './page/network-service.js';
export {
  readActiveNetworkDates,
  readBackupUserId,
  readNetworkDates,
  readNetworkStaff,
  readNetworksInAreas,
} from './page/network-store.js';
/** Everyone in a network without contact data (allies, key figures, former ones), for the evaluation. */
export { readPeopleOfNetwork, readPeopleStates, readPersonNames } from './people/people-store.js';
