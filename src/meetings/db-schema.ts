import type { ColumnType, Generated } from 'kysely';

/**
 * Kysely table types of the meetings capability (migration 0004_meetings.sql and 0005_calendar.sql).
 * `Database` in src/platform/db/schema.ts extends this interface.
 */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type RequiredTimestamp = ColumnType<Date, Date | string, Date | string>;
/** A date column kept as 'YYYY-MM-DD' on both engines. */
type DateOnly = ColumnType<string, string | null | undefined, string | null>;
type RequiredDate = ColumnType<string, string, string>;

export type RamadanPolicy = 'avoid' | 'iftar';
export type LocationKind = 'community-centre' | 'police-station' | 'town-hall' | 'other';
export type MeetingStatus = 'planned' | 'cancelled' | 'held';
export type CalendarState = 'pending' | 'created' | 'failed';
export type ActionStatus = 'open' | 'done' | 'dropped';
export type SchoolHolidayRegion = 'noord' | 'midden' | 'zuid';
/** Graph's responseType values. */
export type AttendeeResponse =
  | 'none'
  | 'organizer'
  | 'tentativelyAccepted'
  | 'accepted'
  | 'declined'
  | 'notResponded';

export interface MeetingSettingsTable {
  network_id: string;
  cadence_days: Generated<number>;
  weekdays: Generated<number[]>;
  start_time: Generated<string>;
  duration_minutes: Generated<number>;
  allow_longer_than_two_hours: Generated<boolean>;
  organiser_user_id: string | null;
  organiser_mailbox: string | null;
  ramadan_policy: Generated<RamadanPolicy>;
  observances_added: Generated<string[]>;
  observances_removed: Generated<string[]>;
  meal_arrangements: string | null;
  online_meeting: Generated<boolean>;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface MeetingLocationsTable {
  id: Generated<string>;
  network_id: string;
  name: string;
  address: string | null;
  kind: LocationKind;
  active: Generated<boolean>;
  rotation_order: Generated<number>;
  version: Generated<number>;
}

export interface MeetingAllyPreferencesTable {
  network_id: string;
  person_id: string;
  willing_to_chair: Generated<boolean>;
  available_weekdays: number[] | null;
  absent_from: DateOnly | null;
  absent_until: DateOnly | null;
}

export interface MeetingsTable {
  id: Generated<string>;
  network_id: string;
  series_id: string | null;
  meeting_date: RequiredDate;
  starts_at: RequiredTimestamp;
  ends_at: RequiredTimestamp;
  location_id: string | null;
  chair_person_id: string | null;
  agenda_turn_person_ids: Generated<string[]>;
  trust_building: Generated<boolean>;
  online_meeting: Generated<boolean>;
  status: Generated<MeetingStatus>;
  organiser: string;
  intent_id: string;
  calendar_state: Generated<CalendarState>;
  calendar_event_id: string | null;
  calendar_web_link: string | null;
  join_url: string | null;
  /** The Teams meeting chat's thread id (0049): the side panel's key; null when not an online Teams meeting. */
  teams_thread_id: Generated<string | null>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** When retention expired the meeting's free text and responses (0045); null while they are kept. */
  records_expired_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface MeetingResponsesTable {
  meeting_id: string;
  address: string;
  user_id: string | null;
  person_id: string | null;
  response: AttendeeResponse;
  read_at: Timestamp;
}

export interface MeetingRecordsTable {
  meeting_id: string;
  themes: Generated<string[]>;
  themes_text: string | null;
  mood: number | null;
  recorded_by: string | null;
  recorded_at: Timestamp;
  version: Generated<number>;
}

export interface MeetingAttendanceTable {
  id: Generated<string>;
  meeting_id: string;
  user_id: string | null;
  person_id: string | null;
  present: boolean;
}

export interface MeetingActionsTable {
  id: Generated<string>;
  meeting_id: string;
  network_id: string;
  description: string;
  owner_user_id: string | null;
  owner_person_id: string | null;
  due_on: DateOnly | null;
  status: Generated<ActionStatus>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SchoolHolidaysTable {
  id: Generated<string>;
  region: SchoolHolidayRegion;
  from_date: RequiredDate;
  to_date: RequiredDate;
  label: string;
}

export interface CalendarEventsTable {
  id: Generated<string>;
  organiser: string;
  transaction_id: string;
  uid: string;
  subject: string;
  body_html: string;
  location: string | null;
  starts_at: RequiredTimestamp;
  ends_at: RequiredTimestamp;
  time_zone: string;
  is_online_meeting: Generated<boolean>;
  join_url: string | null;
  status: Generated<'confirmed' | 'cancelled'>;
  sequence: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CalendarAttendeesTable {
  event_id: string;
  address: string;
  name: string | null;
  attendee_type: Generated<'required' | 'optional'>;
  response: Generated<AttendeeResponse>;
}

export interface CalendarOutboxTable {
  id: Generated<string>;
  event_id: string;
  method: 'REQUEST' | 'CANCEL';
  sequence: number;
  recipients: string[];
  subject: string;
  ics: string;
  created_at: Timestamp;
}

export interface MeetingsTables {
  meeting_settings: MeetingSettingsTable;
  meeting_locations: MeetingLocationsTable;
  meeting_ally_preferences: MeetingAllyPreferencesTable;
  meetings: MeetingsTable;
  meeting_responses: MeetingResponsesTable;
  meeting_records: MeetingRecordsTable;
  meeting_attendance: MeetingAttendanceTable;
  meeting_actions: MeetingActionsTable;
  school_holidays: SchoolHolidaysTable;
  calendar_events: CalendarEventsTable;
  calendar_attendees: CalendarAttendeesTable;
  calendar_outbox: CalendarOutboxTable;
}
