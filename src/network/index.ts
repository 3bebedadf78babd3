/**
 * The network capability's public API: what other capabilities read about networks and people. They import
 * this file, never network's stores.
 */

export { readEndedMemberships } from './farewell/farewell-store.js';
export { countCoverageGaps } from './insight/coverage-gap-store.js';
export { getRepresentativeness } from './insight/insight-service.js';
export {
  joinableNetworkPeople,
  joinableNetworks,
  joinablePeople,
  joinablePersonCommunities,
  joinablePersonOrganisations,
  joinableRelations,
} from './joinable-store.js';
export { readActiveNetworks } from './page/network-list-store.js';
export { getNetworkCoverage } from './page/network-service.js';
export {
  type NetworkRecord,
  readActiveNetworkDates,
  readCommunities,
  readNetwork,
  readNetworkBasics,
  readNetworkDates,
  readNetworkNeighbourhoods,
  readNetworksByName,
  readNetworksInAreas,
} from './page/network-store.js';
export { findPeopleByName, type PersonLookupRow } from './people/admin-lookup-store.js';
export {
  type ConsentState,
  readConsentState,
  readConsentWithdrawals,
  recordConsentWithdrawal,
} from './people/consent-store.js';
export { ERASED_PERSON_NAME, erasePersonRecords } from './people/erasure-store.js';
export { type AllyAdmission, admitAlly, checkReferences } from './people/people-service.js';
export { readPeopleOfNetwork, readPersonDetail } from './people/people-store.js';
export {
  countAllies,
  readInvitableAllies,
  readMatchablePeople,
  readNetworkCommunityIds,
  readNetworkPersonIds,
  readPeopleStates,
  readPersonNames,
  readPersonNetworkIds,
} from './people/person-lookup-store.js';
export { type MatchFacts, type MatchReason, matchReason } from './people/person-match.js';
export { normaliseMobile } from './people/person-rules.js';
export { readInactivityCandidates, readMunicipalityNetworkIds } from './people/retention-store.js';
export { type RelationRow, readRelationsOf } from './relations/relation-store.js';
