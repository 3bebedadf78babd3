/**
 * The call-outs capability's public query functions for other capabilities; they import this file, never
 * call-outs' stores.
 */
export { readAllyCallOutTally } from './ally-tally-store.js';
export { type CallOutCounts, countCallOuts } from './call-out-count-store.js';
export { readOrganisedCallOutEventIds } from './convene/convene-store.js';
export { findVisibleCallOutByThread } from './convene/meeting-thread.js';
export { readOpenCallsOwnedBy, reassignOpenCalls } from './hand-over-store.js';
export { joinableCallOutCrisisTeam, joinableCallOutPlaces } from './joinable-store.js';
export {
  describeCallOutsOfPerson,
  expireCallOutRecords,
  readCallOutActivitySince,
} from './retention-store.js';
