import type { Kysely } from 'kysely';
import { type AuditOrigin, auditEvent } from '../../audit/audit-origin.js';
import { appendAuditEvent } from '../../audit/index.js';
import type { Database } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import { readNetwork } from '../page/network-store.js';
import { exportFileName, peopleToCsv } from './export-csv.js';
import { readPeopleWithContacts } from './export-store.js';

/** Everyone in a network as CSV that the import reads back (coordinators; audited). */
export async function exportNetwork(
  db: Kysely<Database>,
  origin: AuditOrigin,
  networkId: string,
  now: Date,
): Promise<{ fileName: string; csv: string }> {
  const network = await readNetwork(db, networkId);
  if (!network) throw new DomainError('not-found', 'No network with this id exists.');
  const people = await readPeopleWithContacts(db, networkId);
  await appendAuditEvent(db, auditEvent(origin, 'network.export', { type: 'network', id: networkId }), now);
  return { fileName: exportFileName(network.name, now), csv: peopleToCsv(people) };
}
