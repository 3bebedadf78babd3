import type { DateOnly, Timestamp } from '../platform/db/column-types.js';

/** A newcomer's introduction to a network, started when they got a role there (migration 0048). */
export interface IntroductionsTable {
  network_id: string;
  user_id: string;
  started_on: DateOnly;
}

/** One ticked item of an introduction checklist (migration 0048); unticking deletes the row. */
export interface IntroductionItemsTable {
  network_id: string;
  user_id: string;
  item_key: string;
  done_on: DateOnly;
  meeting_id: string | null;
  ticked_by: string | null;
  ticked_at: Timestamp;
}

/** The introduction tables of the continuity capability. */
export interface IntroductionTables {
  introductions: IntroductionsTable;
  introduction_items: IntroductionItemsTable;
}
