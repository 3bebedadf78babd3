import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../platform/db/schema.js';
import { countReferencesByServiceUrl, deleteReferencesByServiceUrl } from './conversation-store.js';
import { type ServiceUrlPolicy, serviceUrlRefusal } from './service-url-policy.js';

/**
 * The start-up check of stored conversation references: any whose service URL the allow-list refuses
 * (stored before the list existed, or under another configuration) is deleted, so no proactive card goes
 * there. The user is reachable again once they write to the bot from Teams. Logs counts, never URLs.
 */
export async function dropDisallowedReferences(
  db: Kysely<Database>,
  policy: ServiceUrlPolicy,
  logger: Logger,
): Promise<number> {
  const stored = await countReferencesByServiceUrl(db);
  const refused = stored.filter((entry) => serviceUrlRefusal(entry.serviceUrl, policy) !== null);
  const dropped = await deleteReferencesByServiceUrl(
    db,
    refused.map((entry) => entry.serviceUrl),
  );
  const checked = stored.reduce((sum, entry) => sum + entry.references, 0);
  if (dropped > 0)
    logger.warn({ checked, dropped }, 'conversation references outside the service URL allow-list dropped');
  else logger.info({ checked }, 'conversation references checked against the service URL allow-list');
  return dropped;
}
