/**
 * The network capability's public API: what other capabilities read about networks and people. They import
 * this file, never network's stores.
 */
export {
  type NetworkRecord,
  readBackupUserId,
  readCommunities,
  readNetwork,
  readNetworkNeighbourhoods,
  readNetworkStaff,
  readNetworksInAreas,
} from './page/network-store.js';
export { type AllyAdmission, admitAlly, checkReferences } from './people/people-service.js';
export { countAllies, readMatchablePeople, readPersonNames } from './people/people-store.js';
export { type MatchFacts, type MatchReason, matchReason } from './people/person-match.js';
export { normaliseMobile } from './people/person-rules.js';
