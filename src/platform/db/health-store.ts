import { type Kysely, sql } from 'kysely';

/** The cheapest round trip to the database (`select 1`): resolves when it answers, throws when it cannot. */
export async function probeDatabase<DB>(db: Kysely<DB>): Promise<void> {
  await sql`select 1`.execute(db);
}
