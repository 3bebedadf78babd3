import type { ColumnType } from 'kysely';

/** The idempotency key of [Plannen] on the proposal card: one row per network and date (migration 0018). */
export interface MeetingPlanActionsTable {
  network_id: string;
  /** 'YYYY-MM-DD', as every date column. */
  meeting_date: string;
  /** Which press holds the claim. */
  claim_id: string;
  claimed_until: ColumnType<Date, Date | string, Date | string>;
  meeting_id: string | null;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** The tables of the meetings' Teams side. */
export interface MeetingBotTables {
  meeting_plan_actions: MeetingPlanActionsTable;
}
