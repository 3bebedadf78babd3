/**
 * Kysely table types of the meetings capability (migration 0004_meetings.sql and 0005_calendar.sql).
 * `Database` in src/db/schema.ts extends this interface.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in as the meetings tables land
export interface MeetingsTables {}
