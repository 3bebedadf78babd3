/**
 * Kysely table types of the crisis call-out capability (migration 0006_call_outs.sql).
 * `Database` in src/platform/db/schema.ts extends this interface.
 */
import type { ColumnType, Generated } from 'kysely';
import type { CallOutKind, CallOutUrgency, StaffAnswer } from './contract.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type RecipientReason = 'network-staff' | 'backup' | 'crisis-team';
export type DeliveryState = 'pending' | 'sending' | 'sent' | 'failed' | 'unreachable';
export type DeliveryKind = 'alert' | 'reminder';
export type TimerKind = 'backup-after-no-answer' | 'next-group' | 'reminder';
export type CallOutcome = 'reached' | 'voicemail' | 'not-reached';

export interface CallOutSettingsTable {
  municipality_id: string;
  backup_after_minutes: Generated<number>;
  min_available_staff: Generated<number>;
  next_group_after_minutes: Generated<number>;
  reminder_after_minutes: Generated<number>;
}

export interface CallOutCrisisTeamTable {
  municipality_id: string;
  user_id: string;
}

export interface CallOutsTable {
  id: Generated<string>;
  municipality_id: string;
  started_by: string;
  kind: CallOutKind;
  urgency: CallOutUrgency;
  summary: string;
  ask: string;
  status: Generated<'open' | 'closed'>;
  started_at: Timestamp;
  goal_at: Timestamp;
  version: Generated<number>;
  evaluation_note: string | null;
  closed_at: NullableTimestamp;
  closed_by: string | null;
  /** When retention expired the call-out's personal parts (0045); null while they are kept. */
  records_expired_at: NullableTimestamp;
  /** The idempotency key of the start (the bot's form token), unique per starter; null from the API. */
  start_token: ColumnType<string | null, string | null | undefined, never>;
}

export interface CallOutPlacesTable {
  call_out_id: string;
  area_id: string;
}

export interface CallOutCommunitiesTable {
  call_out_id: string;
  community_id: string;
}

export interface CallOutRecipientsTable {
  id: Generated<string>;
  call_out_id: string;
  user_id: string;
  reason: RecipientReason;
  network_id: string | null;
  backup_for_user_id: string | null;
  added_at: Timestamp;
  /** Absent (continuity) when the call-out started: their back-up's card went first (migration 0036). */
  absent: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface CallOutAlliesTable {
  call_out_id: string;
  person_id: string;
  network_id: string;
  caller_user_id: string;
}

export interface CallOutDeliveriesTable {
  id: Generated<string>;
  call_out_id: string;
  recipient_id: string;
  kind: DeliveryKind;
  state: Generated<DeliveryState>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  claimed_by: string | null;
  claimed_until: NullableTimestamp;
  service_url: string | null;
  conversation_id: string | null;
  activity_id: string | null;
  last_error: string | null;
  sent_at: NullableTimestamp;
  shown_version: number | null;
  created_at: Timestamp;
}

export interface CallOutCardUpdatesTable {
  delivery_id: string;
  call_out_id: string;
  wanted_version: number;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  claimed_by: string | null;
  claimed_until: NullableTimestamp;
}

export interface CallOutAnswersTable {
  call_out_id: string;
  user_id: string;
  answer: StaffAnswer;
  note: string | null;
  eta_minutes: number | null;
  answered_at: Timestamp;
}

export interface CallOutCallsTable {
  id: Generated<string>;
  call_out_id: string;
  person_id: string;
  caller_user_id: string;
  outcome: CallOutcome;
  heard: string | null;
  coming: boolean;
  recorded_at: Timestamp;
}

export interface CallOutTimersTable {
  id: Generated<string>;
  call_out_id: string;
  kind: TimerKind;
  due_at: Timestamp;
  fired_at: NullableTimestamp;
  recipient_id: string | null;
}

export interface CallOutEventsTable {
  /** bigint identity: `pg` returns it as a string, PGlite as a number. */
  id: ColumnType<string | number, never, never>;
  call_out_id: string;
  at: Timestamp;
  kind: string;
  user_id: string | null;
  person_id: string | null;
  delivery_id: string | null;
}

/** Closing plans a follow-up meeting (processing and reconciliation) per targeted network. */
export interface CallOutFollowUpsTable {
  call_out_id: string;
  network_id: string;
  /** `YYYY-MM-DD`, Europe/Amsterdam; both drivers return dates as strings. */
  due_on: ColumnType<string, string, string>;
  created_by: string;
  created_at: Timestamp;
}

/** The e-mail fallback of a recipient Teams cannot reach and its one-time answer link (migration 0020). */
export interface CallOutAnswerLinksTable {
  call_out_id: string;
  user_id: string;
  state: Generated<'pending' | 'sending' | 'sent' | 'failed' | 'skipped'>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  claimed_by: string | null;
  claimed_until: NullableTimestamp;
  /** Hex SHA-256 of the token; the token itself is only ever in the e-mail. */
  token_hash: string | null;
  expires_at: NullableTimestamp;
  used_at: NullableTimestamp;
  last_error: string | null;
  created_at: Timestamp;
}

/**
 * The meeting *Bijeenkomst nu* creates for a call-out (migration 0009_mail_and_convening.sql): convening
 * (src/call-outs/convene) writes it; the local outbox reads its organiser through call-outs' index.
 */
export interface CallOutMeetingsTable {
  call_out_id: string;
  organiser: string;
  organiser_user_id: string;
  intent_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  state: Generated<'pending' | 'created' | 'failed'>;
  event_id: string | null;
  join_url: string | null;
  join_url_local: Generated<boolean>;
  /** The Teams meeting chat's thread id (0049): the side panel's key; null for the local run's placeholder. */
  teams_thread_id: Generated<string | null>;
  created_at: Timestamp;
}

/** The invitation mail to one coming ally about a call-out's meeting, claimed so it goes out once (0009). */
export interface CallOutMeetingMailsTable {
  call_out_id: string;
  person_id: string;
  state: 'sending' | 'sent' | 'failed';
  attempts: Generated<number>;
  updated_at: Timestamp;
}

/** Counts kept by triggers (migration 0050) so the change stamp reads one row; never written by code. */
export interface CallOutProgressTable {
  call_out_id: string;
  recipients: Generated<number>;
  answered: Generated<number>;
  alert_pending: Generated<number>;
  alert_sending: Generated<number>;
  alert_sent: Generated<number>;
  alert_failed: Generated<number>;
  alert_unreachable: Generated<number>;
  reminder_pending: Generated<number>;
  reminder_sending: Generated<number>;
  reminder_sent: Generated<number>;
  reminder_failed: Generated<number>;
  reminder_unreachable: Generated<number>;
}

export interface CallOutTables {
  call_out_settings: CallOutSettingsTable;
  call_out_crisis_team: CallOutCrisisTeamTable;
  call_outs: CallOutsTable;
  call_out_places: CallOutPlacesTable;
  call_out_communities: CallOutCommunitiesTable;
  call_out_recipients: CallOutRecipientsTable;
  call_out_allies: CallOutAlliesTable;
  call_out_deliveries: CallOutDeliveriesTable;
  call_out_card_updates: CallOutCardUpdatesTable;
  call_out_progress: CallOutProgressTable;
  call_out_answers: CallOutAnswersTable;
  call_out_calls: CallOutCallsTable;
  call_out_timers: CallOutTimersTable;
  call_out_events: CallOutEventsTable;
  call_out_follow_ups: CallOutFollowUpsTable;
  call_out_answer_links: CallOutAnswerLinksTable;
  call_out_meetings: CallOutMeetingsTable;
  call_out_meeting_mails: CallOutMeetingMailsTable;
}
