import type { Kysely, Transaction } from 'kysely';
import { type AuditOrigin, auditEvent } from '../../audit/audit-origin.js';
import { appendAuditEvent } from '../../audit/index.js';
import type { Database } from '../../platform/db/schema.js';
import { transaction } from '../../platform/db/transaction.js';
import { DomainError } from '../../platform/errors.js';
import { type NetworkRecord, readCommunities, readNetwork } from '../page/network-store.js';
import { insertPerson } from '../people/people-store.js';
import { readMatchablePeople } from '../people/person-lookup-store.js';
import type { NetworkWarning } from '../schemas.js';
import { checkImportFile, type ImportContext, importRefusal, readImportFile } from './import-check.js';
import { readMunicipalityNeighbourhoods } from './import-store.js';
import type { ImportPreview, ImportRequest } from './transfer-schemas.js';

type Executor = Kysely<Database> | Transaction<Database>;

async function requireNetwork(db: Executor, networkId: string, lock: boolean): Promise<NetworkRecord> {
  const network = await readNetwork(db, networkId, lock);
  if (!network) throw new DomainError('not-found', 'No network with this id exists.');
  return network;
}

/** The municipality's lists and the people it stored, which every row is checked against. */
async function loadContext(db: Executor, network: NetworkRecord): Promise<ImportContext> {
  // One after another: inside the import's transaction the queries share one connection.
  const neighbourhoods = await readMunicipalityNeighbourhoods(db, network.municipality.id);
  const communities = await readCommunities(db, network.municipality.id);
  const storedPeople = await readMatchablePeople(db, network.municipality.id);
  return { neighbourhoods, communities, storedPeople };
}

/** Checks a file against a network and shows what an import would store; stores nothing (audited). */
export async function previewImport(
  db: Kysely<Database>,
  origin: AuditOrigin,
  networkId: string,
  source: ImportRequest,
  now: Date,
): Promise<ImportPreview> {
  const file = await readImportFile(source);
  const network = await requireNetwork(db, networkId, false);
  const { preview } = checkImportFile(file, await loadContext(db, network));
  await appendAuditEvent(
    db,
    auditEvent(origin, 'network.import-preview', { type: 'network', id: networkId }),
    now,
  );
  return preview;
}

/**
 * Imports every row of a file into a network, or none: one transaction with the network row locked
 * (so concurrent additions cannot overrun the ally limit), one audit row per person plus one for
 * the import. A refused file is audited as a failed import.
 */
export async function importPeople(
  db: Kysely<Database>,
  origin: AuditOrigin,
  networkId: string,
  source: ImportRequest,
  now: Date,
): Promise<{ imported: number; warnings: NetworkWarning[] }> {
  const file = await readImportFile(source);
  const network = { type: 'network', id: networkId };
  try {
    return await transaction(db, async (tx) => {
      const locked = await requireNetwork(tx, networkId, true);
      const check = checkImportFile(file, await loadContext(tx, locked));
      if (check.preview.invalid > 0) throw importRefusal(check.preview);
      for (const person of check.people) {
        const personId = await insertPerson(tx, locked.municipality.id, networkId, person);
        await appendAuditEvent(
          tx,
          auditEvent(origin, 'person.create', { type: 'person', id: personId }),
          now,
        );
      }
      await appendAuditEvent(tx, auditEvent(origin, 'network.import', network), now);
      return { imported: check.people.length, warnings: check.preview.warnings };
    });
  } catch (error) {
    if (error instanceof DomainError && error.code === 'rule-violated') {
      await appendAuditEvent(db, auditEvent(origin, 'network.import', network, 'failed'), now);
    }
    throw error;
  }
}
