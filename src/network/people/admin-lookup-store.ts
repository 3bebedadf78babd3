import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** A person as an administrator's privacy lookup shows them: no contact data, no special categories. */
export interface PersonLookupRow {
  id: string;
  displayName: string;
  kind: 'key_figure' | 'ally' | 'former_ally' | 'former_key_figure';
  legalBasis: 'consent' | 'public_task';
  consentDate: string | null;
  consentWithdrawnOn: string | null;
  networks: { id: string; name: string }[];
}

/**
 * People of one municipality whose name contains the text (case-insensitive), for the privacy pages of
 * administrators, who act for the whole municipality and belong to no network. Erased people (tombstones) are
 * never found. Sorted by name, at most `limit`.
 */
export async function findPeopleByName(
  db: Executor,
  search: { municipalityId: string; text: string; limit: number },
): Promise<PersonLookupRow[]> {
  // ILIKE with the user's text escaped, so % and _ are literal characters.
  const pattern = `%${search.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .selectFrom('people')
    .select([
      'id',
      'display_name as displayName',
      'kind',
      'legal_basis as legalBasis',
      'consent_date as consentDate',
      'consent_withdrawn_on as consentWithdrawnOn',
    ])
    .where('municipality_id', '=', search.municipalityId)
    .where('erased_at', 'is', null)
    .where('display_name', 'ilike', pattern)
    .orderBy('display_name')
    .orderBy('id')
    .limit(search.limit)
    .execute();
  if (rows.length === 0) return [];
  const memberships = await db
    .selectFrom('network_people')
    .innerJoin('networks', 'networks.id', 'network_people.network_id')
    .select(['network_people.person_id as personId', 'networks.id', 'networks.name'])
    .where(
      'network_people.person_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('networks.name')
    .execute();
  return rows.map((row) => ({
    ...row,
    consentDate: row.consentDate === null ? null : String(row.consentDate),
    consentWithdrawnOn: row.consentWithdrawnOn === null ? null : String(row.consentWithdrawnOn),
    networks: memberships
      .filter((membership) => membership.personId === row.id)
      .map(({ id, name }) => ({ id, name })),
  }));
}
