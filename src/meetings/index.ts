/**
 * The meetings capability's public face: what other folders (the Teams side, the composition root) may use.
 * Anything not exported here is internal to src/meetings.
 */
export type { MeetingNotifier, MeetingRecordedEvent } from './meeting-notifier.js';
export {
  createSeries,
  getMeeting,
  listMeetings,
  type MeetingDeps,
  nextProposal,
} from './meeting-service.js';
export { localDate } from './meeting-time.js';
