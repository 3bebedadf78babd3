/**
 * The meetings capability's public API: what src/meetings/bot, src/teams, the composition root and other
 * capabilities may use. Everything else under src/meetings is internal to the capability.
 */
export type { CalendarPort } from './calendar-port.js';
export { reissueFutureInvitations } from './calendar-sync/calendar-sync-service.js';
export { type InvitationReader, readInvitations } from './embedded-calendar-store.js';
export { followUpSchema } from './follow-up-schema.js';
export { joinableMeetings } from './joinable-store.js';
export { readMeetingDates } from './meeting-dates-store.js';
export type { MeetingNotifier, MeetingRecordedEvent } from './meeting-notifier.js';
export {
  createSeries,
  type FollowUp,
  type FollowUpSource,
  getMeeting,
  listMeetings,
  type MeetingDeps,
  nextProposal,
} from './meeting-service.js';
export { createMeetingsModule, type MeetingsDeps, type MeetingsModule } from './module.js';
export type { CallOutMeetingFinder } from './panel/panel-service.js';
export { type ErasedPersonRef, eraseFromMeetings } from './person-erasure-store.js';
export { readAttendanceTally } from './records/attendance-tally-store.js';
export { readOpenActionsOwnedBy, reassignOpenActions } from './records/hand-over-store.js';
export { countMeetings, type MeetingCounts } from './records/meeting-count-store.js';
export { readMeetingMoods } from './records/mood-store.js';
export {
  describeMeetingsOfPerson,
  expireMeetingRecords,
  readMeetingActivitySince,
} from './retention-store.js';
