/**
 * Setup's public API: what other capabilities read or change of the municipality and its reference data.
 * They import this file, never setup's stores.
 */
export {
  insertCommunity,
  readCommunitiesByIds,
  replaceNeighbourhoodCommunities,
  updateCommunityRow,
} from './community-store.js';
export {
  joinableAreas,
  joinableCommunities,
  joinableMunicipalities,
  joinableNeighbourhoodCommunities,
  joinableOrganisations,
  joinableRelationTypes,
} from './joinable-store.js';
export {
  lockMunicipality,
  readMunicipalities,
  readMunicipality,
  updateAllyLimits,
  updateSchoolHolidayRegion,
} from './municipality-store.js';
