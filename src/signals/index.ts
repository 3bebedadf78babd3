/**
 * The signals capability's public API: what other capabilities (the evaluation, the privacy registry) read or
 * ask of signals. They import this file, never signals' stores.
 */

export { readOpenFollowUpsOwnedBy, reassignOpenFollowUps } from './hand-over-store.js';
export {
  countSignalsByPerson,
  describeSignalsOfPerson,
  eraseFromSignals,
  expireContactNotes,
  readSignalActivitySince,
} from './person-data-store.js';
