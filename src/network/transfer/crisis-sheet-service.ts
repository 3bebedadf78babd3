import type { Kysely } from 'kysely';
import { type AuditOrigin, auditEvent } from '../../audit/audit-origin.js';
import { appendAuditEvent } from '../../audit/index.js';
import { readAbsentNow } from '../../continuity/index.js';
import { readNetworkStaff } from '../../identity/index.js';
import type { Database } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import { readNetwork } from '../page/network-store.js';
import { buildCrisisSheet } from './crisis-sheet.js';
import { readPeopleWithContacts } from './export-store.js';
import type { CrisisSheet } from './transfer-schemas.js';

/** The printable crisis sheet of a network for its staff; it holds contact data, so reading it is audited. */
export async function getCrisisSheet(
  db: Kysely<Database>,
  origin: AuditOrigin,
  networkId: string,
  now: Date,
): Promise<CrisisSheet> {
  const network = await readNetwork(db, networkId);
  if (!network) throw new DomainError('not-found', 'No network with this id exists.');
  const [staff, people] = await Promise.all([
    readNetworkStaff(db, networkId),
    readPeopleWithContacts(db, networkId),
  ]);
  const absent = await readAbsentNow(
    db,
    staff.map((s) => s.userId),
    now,
  );
  await appendAuditEvent(
    db,
    auditEvent(origin, 'network.crisis-sheet', { type: 'network', id: networkId }),
    now,
  );
  return buildCrisisSheet({
    network: { id: network.id, name: network.name },
    municipality: network.municipality.name,
    staff: staff.map((s) => ({ ...s, absentUntil: absent.get(s.userId) ?? null })),
    people,
    now,
  });
}
