/**
 * The selection capability's public API: what other capabilities (the privacy registry) ask of selection. They
 * import this file, never selection's stores.
 */
export {
  describeSelectionOfPerson,
  eraseFromSelection,
  expireNotAdmittedCandidates,
} from './person-data-store.js';
