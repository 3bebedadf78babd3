import type { MessageId } from '../../../tab/i18n/messages.nl.js';
import type { Meeting } from '../meeting-endpoints.js';

type Response = Meeting['responses'][number]['response'];

/** What each attendee's calendar answer means, in words. */
export const responseMessage: Record<Response, MessageId> = {
  none: 'meetings.response.none',
  organizer: 'meetings.response.organizer',
  tentativelyAccepted: 'meetings.response.tentativelyAccepted',
  accepted: 'meetings.response.accepted',
  declined: 'meetings.response.declined',
  notResponded: 'meetings.response.none',
};

/** The calendar event's state: created, still pending, or failed (the planner can retry). */
export const calendarStateMessage: Record<Meeting['calendar']['state'], MessageId> = {
  pending: 'meetings.calendarState.pending',
  created: 'meetings.calendarState.created',
  failed: 'meetings.calendarState.failed',
};

/** The meeting's status. */
export const meetingStatusMessage: Record<Meeting['status'], MessageId> = {
  planned: 'meetings.status.planned',
  cancelled: 'meetings.status.cancelled',
  held: 'meetings.status.held',
};

/** The mood at the table, 1 (tense) to 5 (very good). */
export const moodMessage: Record<number, MessageId> = {
  1: 'meetings.mood.1',
  2: 'meetings.mood.2',
  3: 'meetings.mood.3',
  4: 'meetings.mood.4',
  5: 'meetings.mood.5',
};

/** The counts of accepted, tentative, declined and unanswered invitations (the organiser not counted). */
export function responseCounts(responses: Meeting['responses']) {
  const counts = { accepted: 0, tentative: 0, declined: 0, open: 0 };
  for (const { response } of responses) {
    if (response === 'accepted') counts.accepted++;
    else if (response === 'tentativelyAccepted') counts.tentative++;
    else if (response === 'declined') counts.declined++;
    else if (response !== 'organizer') counts.open++;
  }
  return counts;
}
