import { type Kysely, sql } from 'kysely';
import { pseudonymiseName } from '../platform/db/pseudonymise.js';
import type { Database } from '../platform/db/schema.js';

/** What meetings erases for one person (issue 18): the id, and the address and name to pseudonymise. */
export interface ErasedPersonRef {
  personId: string;
  email: string | null;
  displayName: string;
  /** What the name becomes where free text mentioned it, and the address where a row must keep one. */
  pseudonym: string;
  pseudonymAddress: string;
}

/**
 * Erases the person from meetings' tables: rotation preferences deleted; their address in responses, the
 * embedded calendar's attendees and the organiser copies of local invitations replaced by a pseudonym (the
 * rows stay, so attendance and response counts stay right); their own .ics copies deleted; their name in
 * action items and record notes replaced. Returns how many rows changed.
 */
export async function eraseFromMeetings(db: Kysely<Database>, person: ErasedPersonRef): Promise<number> {
  let changed = 0;
  const count = (result: { numUpdatedRows?: bigint; numDeletedRows?: bigint }) => {
    changed += Number(result.numUpdatedRows ?? result.numDeletedRows ?? 0n);
  };
  count(
    await db
      .deleteFrom('meeting_ally_preferences')
      .where('person_id', '=', person.personId)
      .executeTakeFirst(),
  );
  const address = person.email?.toLowerCase() ?? null;
  count(
    await db
      .updateTable('meeting_responses')
      .set({ address: person.pseudonymAddress })
      .where((eb) =>
        address
          ? eb.or([eb('person_id', '=', person.personId), eb(sql<string>`lower(address)`, '=', address)])
          : eb('person_id', '=', person.personId),
      )
      .executeTakeFirst(),
  );
  if (address) {
    count(
      await db
        .updateTable('calendar_attendees')
        .set({ address: person.pseudonymAddress, name: person.pseudonym })
        .where(sql<string>`lower(address)`, '=', address)
        .executeTakeFirst(),
    );
    count(
      await db
        .deleteFrom('calendar_outbox')
        .where(sql<boolean>`array_length(recipients, 1) = 1 and lower(recipients[1]) = ${address}`)
        .executeTakeFirst(),
    );
    count(
      await db
        .updateTable('calendar_outbox')
        .set({
          ics: sql`replace(replace(ics, ${person.email}, ${person.pseudonymAddress}), ${person.displayName}, ${person.pseudonym})`,
        })
        .where(sql<boolean>`strpos(lower(ics), ${address}) > 0`)
        .executeTakeFirst(),
    );
  }
  changed += await pseudonymiseName(db, 'meeting_actions', ['description'], person);
  changed += await pseudonymiseName(db, 'meeting_records', ['themes_text'], person);
  return changed;
}
