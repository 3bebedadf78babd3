import type { Kysely } from 'kysely';
import { LocalOutbox } from '../mail/local-outbox.js';
import type { MailPort } from '../mail/mail-port.js';
import type { Database } from '../platform/db/schema.js';
import { createGraphClient } from './graph-client.js';
import type { GraphConfig } from './graph-config.js';
import { GraphMail } from './graph-mail.js';
import { createGraphTokens, type GraphTokens } from './graph-tokens.js';

/** Chooses the mail port like the calendar: Graph sendMail in Entra mode, the local outbox otherwise. */
export function createMail(
  deps: { config: GraphConfig; db: Kysely<Database> },
  tokens?: GraphTokens,
): MailPort {
  const { config } = deps;
  if (config.authMode !== 'entra' || !config.aad) return new LocalOutbox(deps.db);
  const client = createGraphClient({
    graphBaseUrl: config.graphBaseUrl,
    tokens: tokens ?? createGraphTokens(config),
    credential: { kind: 'app' },
  });
  return new GraphMail(client);
}
