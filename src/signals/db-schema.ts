import type { Generated } from 'kysely';
import type { DateOnly, Timestamp } from '../platform/db/column-types.js';
import type { SignalChannel, SignalStatus, SignalUrgency } from './constants.js';

/** A theme signals (and the thermometer) are grouped by, kept by the administrators. */
export interface SignalThemesTable {
  code: string;
  label_nl: string;
  label_en: string;
  position: Generated<number>;
  archived: Generated<boolean>;
  created_at: Generated<Timestamp>;
}

/** What an ally or key figure (or someone anonymous) told a staff member: special-category personal data. */
export interface SignalsTable {
  id: Generated<string>;
  network_id: string;
  received_at: Timestamp;
  received_by: string;
  person_id: string | null;
  channel: SignalChannel;
  urgency: SignalUrgency;
  wijk_ids: Generated<string[]>;
  community_ids: Generated<string[]>;
  themes: Generated<string[]>;
  body: string;
  assessment: string | null;
  created_by: string | null;
  created_at: Timestamp;
  version: Generated<number>;
  /** The bot form's token: one signal per filled-in form (unique per receiver). */
  form_token: string | null;
  updated_at: Timestamp | null;
  updated_by: string | null;
}

/** The reciprocity loop of one signal. */
export interface SignalFollowUpsTable {
  signal_id: string;
  owner_user_id: string | null;
  status: Generated<SignalStatus>;
  actions: string | null;
  not_taken_up_reason: string | null;
  due_on: DateOnly;
  fed_back_on: DateOnly | null;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** A short note of a contact with a person between meetings. */
export interface PersonContactsTable {
  id: Generated<string>;
  person_id: string;
  contacted_on: DateOnly;
  user_id: string | null;
  channel: SignalChannel;
  gist: string;
  created_at: Timestamp;
}

/** The tables signals owns. */
export interface SignalTables {
  signal_themes: SignalThemesTable;
  signals: SignalsTable;
  signal_follow_ups: SignalFollowUpsTable;
  person_contacts: PersonContactsTable;
}
