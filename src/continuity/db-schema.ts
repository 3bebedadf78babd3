import type { ColumnType, Generated } from 'kysely';
import type { DateOnly, Timestamp } from '../platform/db/column-types.js';
import type { IntroductionTables } from './introduction-db-schema.js';

/** Where an absence period came from: typed in (tab, API) or read from Outlook's automatic replies. */
export type AbsenceSource = 'manual' | 'outlook';

/** One absence period of a staff member, whole local days, both ends inclusive (migration 0036). */
export interface StaffAbsencesTable {
  id: Generated<string>;
  user_id: string;
  starts_on: DateOnly;
  ends_on: DateOnly;
  source: ColumnType<AbsenceSource, AbsenceSource | undefined, AbsenceSource>;
  note: string | null;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

/** One hand-over: what a staff member held in a network moved to a colleague in one step (migration 0047). */
export interface HandOversTable {
  id: Generated<string>;
  network_id: string;
  from_user_id: string;
  to_user_id: string;
  note: string | null;
  actions: number;
  follow_ups: number;
  calls: number;
  backups: number;
  handed_over_by: string | null;
  handed_over_at: Timestamp;
}

/** The tables the continuity capability owns. */
export interface ContinuityTables extends IntroductionTables {
  staff_absences: StaffAbsencesTable;
  hand_overs: HandOversTable;
}
