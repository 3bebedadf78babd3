import type { Kysely } from 'kysely';
import { joinableNetworks } from '../network/index.js';
import { pseudonymiseName } from '../platform/db/pseudonymise.js';
import type { Database } from '../platform/db/schema.js';
import { addDays, startOfLocalDate } from '../platform/time.js';

/**
 * Erases what selection holds about an erased person (the privacy registry): the candidate rows that led to
 * them lose name, contact data and motivation, the assessments' and the home visit's notes on them go, and a
 * mention of their name in another candidate's texts becomes the pseudonym. Statuses, parties and dates stay,
 * so the pipeline's counts stay right. Returns the rows changed.
 */
export async function eraseFromSelection(
  db: Kysely<Database>,
  person: { personId: string; displayName: string; pseudonym: string },
): Promise<number> {
  const candidates = (
    await db
      .selectFrom('selection_candidates')
      .select('id')
      .where('person_id', '=', person.personId)
      .execute()
  ).map((row) => row.id);
  let changed = 0;
  if (candidates.length > 0) {
    changed += Number(
      (
        await db
          .updateTable('selection_candidates')
          .set({ display_name: person.pseudonym, mobile: null, email: null, motivation: null })
          .where('id', 'in', candidates)
          .executeTakeFirst()
      ).numUpdatedRows,
    );
    for (const table of ['selection_assessments', 'selection_visits'] as const)
      changed += Number(
        (
          await db
            .updateTable(table)
            .set({ note: null })
            .where('candidate_id', 'in', candidates)
            .executeTakeFirst()
        ).numUpdatedRows,
      );
  }
  changed += await pseudonymiseName(db, 'selection_candidates', ['motivation'], person);
  changed += await pseudonymiseName(db, 'selection_assessments', ['note'], person);
  changed += await pseudonymiseName(db, 'selection_visits', ['note'], person);
  return changed;
}

/** What a candidate not admitted is called once retention has emptied the row. */
export const EXPIRED_CANDIDATE_NAME = 'Gewiste kandidaat';

/**
 * Retention of candidates not admitted (issue 18, kind `not-admitted`): in one municipality, candidates
 * decided `not_admitted` on or before `onOrBefore` (local day) lose name, contact data, motivation and the
 * notes of their assessments and visit; status, parties and dates stay for the pipeline's counts. With
 * `dryRun` it only counts. A row emptied once is not counted again. Returns the candidates expired.
 */
export async function expireNotAdmittedCandidates(
  db: Kysely<Database>,
  request: { municipalityId: string; onOrBefore: string; dryRun: boolean },
): Promise<number> {
  const rows = await db
    .selectFrom('selection_candidates as c')
    .innerJoin(joinableNetworks(db).as('n'), 'n.id', 'c.network_id')
    .select('c.id')
    .where('n.municipality_id', '=', request.municipalityId)
    .where('c.status', '=', 'not_admitted')
    .where('c.decided_at', '<', new Date(startOfLocalDate(addDays(request.onOrBefore, 1))))
    .where('c.display_name', '<>', EXPIRED_CANDIDATE_NAME)
    .execute();
  const ids = rows.map((row) => row.id);
  if (request.dryRun || ids.length === 0) return ids.length;
  await db
    .updateTable('selection_candidates')
    .set({ display_name: EXPIRED_CANDIDATE_NAME, mobile: null, email: null, motivation: null })
    .where('id', 'in', ids)
    .execute();
  for (const table of ['selection_assessments', 'selection_visits'] as const)
    await db.updateTable(table).set({ note: null }).where('candidate_id', 'in', ids).execute();
  return ids.length;
}

type InzageRows = { on: string | null; facts: Record<string, string | number | boolean | null> }[];

/**
 * Inzage (AVG art. 15): what selection holds about one person — the candidate rows that led to them (name and
 * contact data as proposed, the motivation, the status), each party's assessment with its note, and the home
 * visit with its outcome, note and the consent recorded there. Parts by stable code for the JSON and the PDF.
 */
export async function describeSelectionOfPerson(
  db: Kysely<Database>,
  personId: string,
): Promise<{ kind: string; rows: InzageRows }[]> {
  const candidates = await db
    .selectFrom('selection_candidates')
    .select([
      'id',
      'created_at',
      'display_name',
      'mobile',
      'email',
      'proposed_by_party',
      'motivation',
      'status',
    ])
    .where('person_id', '=', personId)
    .orderBy('created_at')
    .execute();
  const ids = candidates.map((row) => row.id);
  const [assessments, visits] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          db
            .selectFrom('selection_assessments')
            .select(['assessed_at', 'party', 'criterion', 'verdict', 'note'])
            .where('candidate_id', 'in', ids)
            .orderBy('assessed_at')
            .execute(),
          db
            .selectFrom('selection_visits')
            .select(['visited_on', 'outcome', 'note', 'consent_date', 'legal_basis'])
            .where('candidate_id', 'in', ids)
            .orderBy('visited_on')
            .execute(),
        ]);
  return [
    {
      kind: 'selection-candidacies',
      rows: candidates.map((row) => ({
        on: new Date(row.created_at).toISOString(),
        facts: {
          displayName: row.display_name,
          mobile: row.mobile,
          email: row.email,
          proposedBy: row.proposed_by_party,
          motivation: row.motivation,
          status: row.status,
        },
      })),
    },
    {
      kind: 'selection-assessments',
      rows: assessments.map((row) => ({
        on: new Date(row.assessed_at).toISOString(),
        facts: { party: row.party, criterion: row.criterion, verdict: row.verdict, text: row.note },
      })),
    },
    {
      kind: 'selection-visits',
      rows: visits.map((row) => ({
        on: String(row.visited_on),
        facts: {
          outcome: row.outcome,
          text: row.note,
          consentDate: row.consent_date === null ? null : String(row.consent_date),
          legalBasis: row.legal_basis,
        },
      })),
    },
  ];
}
