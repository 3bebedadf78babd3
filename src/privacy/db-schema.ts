import type { Generated } from 'kysely';
import type { DateOnly } from '../platform/db/column-types.js';

/** Why a person was erased: a code, never free text (AVG art. 17(1) grounds as the municipality uses them). */
export type ErasureReason = 'data-subject-request' | 'consent-withdrawn' | 'no-longer-needed' | 'unlawful';

/** One erasure of one person (0031): the id, the reason code, who and when. */
export interface PersonErasuresTable {
  person_id: string;
  reason: ErasureReason;
  erased_by: string | null;
  erased_at: Date;
}

/** The tables privacy owns. */
export interface PrivacyTables {
  person_erasures: PersonErasuresTable;
  retention_rules: RetentionRulesTable;
  retention_runs: RetentionRunsTable;
  retention_run_counts: RetentionRunCountsTable;
}

/** A municipality's own retention for one kind (0034); kinds without a row use the default. */
export interface RetentionRulesTable {
  municipality_id: string;
  kind: string;
  days: number;
  updated_by: string | null;
  updated_at: Date;
}

/** One day's run of the retention job for one municipality (0034); the unique day is the claim. */
export interface RetentionRunsTable {
  id: Generated<string>;
  municipality_id: string;
  run_on: DateOnly;
  started_at: Date;
  finished_at: Date | null;
}

/** How many records one run expired per kind (0034). */
export interface RetentionRunCountsTable {
  run_id: string;
  kind: string;
  expired: number;
}
