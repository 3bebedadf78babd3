import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { type AuditOrigin, auditEvent } from '../privacy/audit-origin.js';
import { appendAuditEvent } from '../privacy/audit-store.js';
import { DomainError } from '../shared/errors.js';
import { exportFileName, peopleToCsv } from './export-csv.js';
import { readPeopleWithContacts } from './export-store.js';
import { readNetwork } from './network-store.js';

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
