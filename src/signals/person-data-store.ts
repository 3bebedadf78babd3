import type { Kysely } from 'kysely';
import { joinablePeople } from '../network/index.js';
import { pseudonymiseName } from '../platform/db/pseudonymise.js';
import type { Database } from '../platform/db/schema.js';
import { addDays, startOfLocalDate } from '../platform/time.js';

/**
 * What other capabilities ask of signals about one person, through `src/signals/index.ts`: how many signals
 * each ally brought in (the half-yearly evaluation) and the erasure of a person (the privacy registry).
 */

/** Signals per person of a network received on the local days `from`…`to` (both included). */
export async function countSignalsByPerson(
  db: Kysely<Database>,
  networkId: string,
  from: string,
  to: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('signals')
    .select(['person_id', (eb) => eb.fn.countAll<string>().as('count')])
    .where('network_id', '=', networkId)
    .where('person_id', 'is not', null)
    .where('received_at', '>=', new Date(startOfLocalDate(from)))
    .where('received_at', '<', new Date(startOfLocalDate(addDays(to, 1))))
    .groupBy('person_id')
    .execute();
  return new Map(rows.map((row) => [row.person_id as string, Number(row.count)]));
}

/**
 * Erases what signals hold about an erased person: their contact log goes, the signals they brought in become
 * anonymous (the rows stay, so the thermometer's and the sfeerbeeld's counts stay right), and every mention of
 * their name in a signal's text, assessment or follow-up actions becomes the pseudonym. Returns rows changed.
 */
export async function eraseFromSignals(
  db: Kysely<Database>,
  person: { personId: string; displayName: string; pseudonym: string },
): Promise<number> {
  let changed = Number(
    (await db.deleteFrom('person_contacts').where('person_id', '=', person.personId).executeTakeFirst())
      .numDeletedRows,
  );
  changed += Number(
    (
      await db
        .updateTable('signals')
        .set({ person_id: null })
        .where('person_id', '=', person.personId)
        .executeTakeFirst()
    ).numUpdatedRows,
  );
  changed += await pseudonymiseName(db, 'signals', ['body', 'assessment'], person);
  changed += await pseudonymiseName(db, 'signal_follow_ups', ['actions', 'not_taken_up_reason'], person);
  changed += await pseudonymiseName(db, 'person_contacts', ['gist'], person);
  return changed;
}

/**
 * Retention of the contact log (issue 18, kind `contact-notes`): deletes the contact notes of people of one
 * municipality dated on or before `onOrBefore`; with `dryRun` it only counts them. Signals stay (their counts).
 */
export async function expireContactNotes(
  db: Kysely<Database>,
  request: { municipalityId: string; onOrBefore: string; dryRun: boolean },
): Promise<number> {
  const inMunicipality = db
    .selectFrom(joinablePeople(db).as('people'))
    .select('id')
    .where('municipality_id', '=', request.municipalityId);
  if (request.dryRun) {
    const row = await db
      .selectFrom('person_contacts')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('contacted_on', '<=', request.onOrBefore)
      .where('person_id', 'in', inMunicipality)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }
  const result = await db
    .deleteFrom('person_contacts')
    .where('contacted_on', '<=', request.onOrBefore)
    .where('person_id', 'in', inMunicipality)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Activity (issue 18, kind `key-figures-inactive`): the people with a contact note dated on or after the local
 * day `since`, or a signal they brought in received since then. Ids only.
 */
export async function readSignalActivitySince(db: Kysely<Database>, since: string): Promise<string[]> {
  const contacts = await db
    .selectFrom('person_contacts')
    .select('person_id')
    .distinct()
    .where('contacted_on', '>=', since)
    .execute();
  const signals = await db
    .selectFrom('signals')
    .select('person_id')
    .distinct()
    .where('person_id', 'is not', null)
    .where('received_at', '>=', new Date(startOfLocalDate(since)))
    .execute();
  return [
    ...new Set([
      ...contacts.map((row) => row.person_id),
      ...signals.flatMap((row) => (row.person_id ? [row.person_id] : [])),
    ]),
  ];
}

/**
 * Inzage (issue 18, AVG art. 15): the person's contact notes and the signals they brought in, oldest first,
 * with the texts as held. Read through `src/signals/index.ts` by the privacy registry.
 */
export async function describeSignalsOfPerson(
  db: Kysely<Database>,
  personId: string,
): Promise<
  { kind: string; rows: { on: string | null; facts: Record<string, string | number | boolean | null> }[] }[]
> {
  const contacts = await db
    .selectFrom('person_contacts')
    .select(['contacted_on', 'channel', 'gist'])
    .where('person_id', '=', personId)
    .orderBy('contacted_on')
    .execute();
  const signals = await db
    .selectFrom('signals')
    .select(['received_at', 'channel', 'urgency', 'themes', 'body', 'assessment'])
    .where('person_id', '=', personId)
    .orderBy('received_at')
    .execute();
  return [
    {
      kind: 'contact-notes',
      rows: contacts.map((row) => ({
        on: String(row.contacted_on),
        facts: { channel: row.channel, text: row.gist },
      })),
    },
    {
      kind: 'signals',
      rows: signals.map((row) => ({
        on: new Date(row.received_at).toISOString(),
        facts: {
          channel: row.channel,
          urgency: row.urgency,
          themes: row.themes.join(', '),
          text: row.body,
          assessment: row.assessment,
        },
      })),
    },
  ];
}
