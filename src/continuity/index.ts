/**
 * The continuity capability's public API: what call-outs, the network page and the planner ask about staff
 * absence. They import this file, never continuity's stores.
 */
export { absentAt, readAbsencePeriods, readAbsentNow } from './absence-queries.js';
export { absenceFirstOrder } from './absence-rules.js';
export { INTRODUCTION_DUE_WEEKS } from './constants.js';
export type { HandOverHoldings } from './hand-over-port.js';
export { handOverInTransaction } from './hand-over-service.js';
export { overdueNewcomers } from './introduction-queries.js';
export { startIntroduction } from './introduction-service.js';
export {
  joinableNetworkStaffAbsences,
  joinableNotIntroduced,
  joinableNotIntroducedIn,
  joinableStaffAbsencesIn,
  type NetworkScope,
} from './joinable-store.js';
