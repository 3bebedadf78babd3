import type { ColumnType } from 'kysely';

/** A timestamptz column: read as Date, written as Date or ISO string, defaulted by the database. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** A date column (no time), kept as a 'YYYY-MM-DD' string on both engines so no time zone can shift it. */
export type DateOnly = ColumnType<string, string | null | undefined, string | null>;
