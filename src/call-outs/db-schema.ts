/**
 * Kysely table types of the crisis call-out capability (migration 0006_call_outs.sql).
 * `Database` in src/db/schema.ts extends this interface.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in as the call-out tables land
export interface CallOutTables {}
