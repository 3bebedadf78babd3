/**
 * Call-out limits shared by the API's schemas, the answer rule, the alert card and the tab: zod-free, so the
 * tab can import them instead of copying the numbers.
 */

/** The longest note a staff member can add to an answer. */
export const NOTE_MAX_LENGTH = 500;

/**
 * The latest arrival a staff member can give, in minutes. 600 is what the API has always documented
 * (`StaffAnswerInput.etaMinutes` in the OpenAPI document) and the tab enforced; the card used to stop at
 * 240, so an answer the tab accepted could not be given on the card.
 */
export const ETA_MAX_MINUTES = 600;

/**
 * Every kind of line the call-out's timeline (`call_out_events.kind`) can hold. `appendEvent` takes only these,
 * so a new kind is added here first, and the labels of the tab and of the exports (typed by this list) follow.
 */
export const CALL_OUT_EVENT_KINDS = [
  'started',
  'delivery-sent',
  'delivery-failed',
  'delivery-unreachable',
  'app-installed',
  'app-install-failed',
  'answered',
  'answer-changed',
  'call-recorded',
  'escalated-to-backup',
  'escalated-to-next-group',
  'reminders-queued',
  'meeting-requested',
  'meeting-created',
  'meeting-failed',
  'meeting-invites-added',
  'meeting-update-failed',
  'meeting-mail-sent',
  'meeting-mail-failed',
  'closed',
  'follow-up-planned',
] as const;

/** A kind of timeline line, e.g. `delivery-sent` or `meeting-mail-sent`. */
export type CallOutEventKind = (typeof CALL_OUT_EVENT_KINDS)[number];
