import { createGraphClient } from '../m365/graph-client.js';
import { GraphMail } from '../m365/graph-mail.js';
import { createGraphTokens, type GraphTokens } from '../m365/graph-tokens.js';
import type { AppDeps } from '../server/deps.js';
import { LocalOutbox } from './local-outbox.js';
import type { MailPort } from './mail-port.js';

/** Chooses the mail port like the calendar: Graph sendMail in Entra mode, the local outbox otherwise. */
export function createMail(deps: Pick<AppDeps, 'config' | 'db'>, tokens?: GraphTokens): MailPort {
  const { config } = deps;
  if (config.authMode !== 'entra' || !config.aad) return new LocalOutbox(deps.db);
  const client = createGraphClient({
    graphBaseUrl: config.graphBaseUrl,
    tokens: tokens ?? createGraphTokens(config),
    credential: { kind: 'app' },
  });
  return new GraphMail(client);
}
