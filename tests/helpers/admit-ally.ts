import type { Kysely } from 'kysely';
import { type AllyAdmission, admitAlly } from '../../src/network/index.js';
import type { Database } from '../../src/platform/db/schema.js';
import { transaction } from '../../src/platform/db/transaction.js';

/**
 * Admits an ally the way selection's second approval does (network's `admitAlly`, with the ally rules), for
 * tests about what allies change (coverage, limits, warnings) rather than about selection itself, which
 * tests/selection walks through the API. The people API refuses to make allies (issue 16).
 */
export async function admitAllyForTest(
  db: Kysely<Database>,
  networkId: string,
  admission:
    | AllyAdmission
    | { person: Partial<Extract<AllyAdmission, { person: unknown }>['person']> & { displayName: string } },
) {
  const full: AllyAdmission =
    'personId' in admission
      ? admission
      : {
          person: {
            neighbourhoodId: null,
            communityIds: [],
            mobile: null,
            email: null,
            ...admission.person,
          },
        };
  const origin = { actorUserId: null, channel: 'api' as const, clientAddress: null, requestId: null };
  return transaction(db, (tx) =>
    admitAlly(tx, origin, networkId, full, { consentDate: '2026-11-01', legalBasis: 'consent' }, new Date()),
  );
}
