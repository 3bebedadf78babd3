import type { MessageId } from '../../../tab/i18n/messages.nl.js';
import type { CallOutEventKind } from '../../constants.js';
import type {
  CallOutcome,
  CallOutDetail,
  CallOutKind,
  CallOutRecipient,
  CallOutUrgency,
  StaffAnswer,
} from '../api/call-out-endpoints.js';

export const callOutKinds: readonly CallOutKind[] = ['incident', 'tension', 'planned-intervention'];
export const callOutUrgencies: readonly CallOutUrgency[] = ['immediate', 'today', 'this-week'];
export const staffAnswers: readonly StaffAnswer[] = ['coming', 'calling-allies', 'unavailable'];
export const callOutcomes: readonly CallOutcome[] = ['reached', 'voicemail', 'not-reached'];

export const kindMessage: Record<CallOutKind, MessageId> = {
  incident: 'callOut.kind.incident',
  tension: 'callOut.kind.tension',
  'planned-intervention': 'callOut.kind.planned-intervention',
};

export const urgencyMessage: Record<CallOutUrgency, MessageId> = {
  immediate: 'callOut.urgency.immediate',
  today: 'callOut.urgency.today',
  'this-week': 'callOut.urgency.this-week',
};

/** The answer as a status ("Komt"), for tables and the tally. */
export const answerMessage: Record<StaffAnswer, MessageId> = {
  coming: 'callOut.answer.coming',
  'calling-allies': 'callOut.answer.calling-allies',
  unavailable: 'callOut.answer.unavailable',
};

/** The answer as a button in the first person ("Ik kom"), the same words as the Teams card. */
export const answerButtonMessage: Record<StaffAnswer, MessageId> = {
  coming: 'callOut.answerButton.coming',
  'calling-allies': 'callOut.answerButton.calling-allies',
  unavailable: 'callOut.answerButton.unavailable',
};

export const outcomeMessage: Record<CallOutcome, MessageId> = {
  reached: 'callOut.outcome.reached',
  voicemail: 'callOut.outcome.voicemail',
  'not-reached': 'callOut.outcome.not-reached',
};

type Delivery = NonNullable<CallOutRecipient['delivery']>;
export const deliveryMessage: Record<Delivery, MessageId> = {
  pending: 'callOut.delivery.pending',
  sending: 'callOut.delivery.sending',
  sent: 'callOut.delivery.sent',
  failed: 'callOut.delivery.failed',
  unreachable: 'callOut.delivery.unreachable',
};

export const reasonMessage: Record<CallOutRecipient['reason'], MessageId> = {
  'network-staff': 'callOut.reason.network-staff',
  backup: 'callOut.reason.backup',
  'crisis-team': 'callOut.reason.crisis-team',
};

/** A recipient nobody reaches through Teams: someone has to phone them. */
export const needsPhoneCall = (recipient: CallOutRecipient) =>
  recipient.delivery === 'failed' || recipient.delivery === 'unreachable';

/** The tab's words for every kind of timeline line; typed by the list of kinds, so none can be missing. */
export const timelineMessages: Record<CallOutEventKind, MessageId> = {
  started: 'callOut.event.started',
  'delivery-sent': 'callOut.event.delivery-sent',
  'delivery-failed': 'callOut.event.delivery-failed',
  'delivery-unreachable': 'callOut.event.delivery-unreachable',
  answered: 'callOut.event.answered',
  'answer-changed': 'callOut.event.answer-changed',
  'call-recorded': 'callOut.event.call-recorded',
  'escalated-to-backup': 'callOut.event.escalated-to-backup',
  'escalated-to-next-group': 'callOut.event.escalated-to-next-group',
  'reminders-queued': 'callOut.event.reminders-queued',
  closed: 'callOut.event.closed',
  'follow-up-planned': 'callOut.event.follow-up-planned',
  'app-installed': 'callOut.event.app-installed',
  'app-install-failed': 'callOut.event.app-install-failed',
  'meeting-requested': 'callOut.event.meeting-requested',
  'meeting-created': 'callOut.event.meeting-created',
  'meeting-failed': 'callOut.event.meeting-failed',
  'meeting-invites-added': 'callOut.event.meeting-invites-added',
  'meeting-update-failed': 'callOut.event.meeting-update-failed',
  'meeting-mail-sent': 'callOut.event.meeting-mail-sent',
  'meeting-mail-failed': 'callOut.event.meeting-mail-failed',
};

/** The text of a timeline event; a kind this tab does not know yet is shown as the API names it. */
export function timelineMessage(kind: string): MessageId | null {
  return Object.hasOwn(timelineMessages, kind) ? timelineMessages[kind as CallOutEventKind] : null;
}

/** The wijk names of a call-out, joined for a heading. */
export const placeNames = (callOut: Pick<CallOutDetail, 'places'>) =>
  callOut.places.map((place) => place.name).join(', ');
