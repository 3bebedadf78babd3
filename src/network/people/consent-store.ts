import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** A person's legal basis and consent state, for the privacy capability (no contact data). */
export interface ConsentState {
  id: string;
  municipalityId: string;
  legalBasis: 'consent' | 'public_task';
  consentDate: string | null;
  consentWithdrawnOn: string | null;
  erasedAt: Date | null;
}

/** The consent state of one person, or undefined when there is none. */
export async function readConsentState(db: Executor, personId: string): Promise<ConsentState | undefined> {
  return db
    .selectFrom('people')
    .select([
      'id',
      'municipality_id as municipalityId',
      'legal_basis as legalBasis',
      'consent_date as consentDate',
      'consent_withdrawn_on as consentWithdrawnOn',
      'erased_at as erasedAt',
    ])
    .where('id', '=', personId)
    .executeTakeFirst();
}

/** Records the day a person withdrew consent (the first withdrawal counts); false when nothing changed. */
export async function recordConsentWithdrawal(
  db: Executor,
  personId: string,
  withdrawnOn: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('people')
    .set((eb) => ({ consent_withdrawn_on: withdrawnOn, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', personId)
    .where('consent_withdrawn_on', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * The retention hook for withdrawn consent: people not yet erased who withdrew consent on or before
 * `withdrawnOnOrBefore`, with their municipality and the day (the retention clock's start).
 */
export async function readConsentWithdrawals(
  db: Executor,
  withdrawnOnOrBefore: string,
): Promise<{ personId: string; municipalityId: string; withdrawnOn: string }[]> {
  const rows = await db
    .selectFrom('people')
    .select(['id as personId', 'municipality_id as municipalityId', 'consent_withdrawn_on as withdrawnOn'])
    .where('consent_withdrawn_on', '<=', withdrawnOnOrBefore)
    .where('erased_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ ...row, withdrawnOn: String(row.withdrawnOn) }));
}
