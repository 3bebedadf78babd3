import type { Kysely } from 'kysely';
import type { AutomaticRepliesPort } from '../continuity/automatic-replies-port.js';
import type { Directory } from '../identity/directory-port.js';
import { LocalDirectory } from '../identity/local-directory.js';
import { createAppGraphClient } from '../m365/graph-app-client.js';
import { GraphAutomaticReplies } from '../m365/graph-automatic-replies.js';
import { GraphCalendar } from '../m365/graph-calendar.js';
import type { GraphRetryPolicy } from '../m365/graph-client.js';
import type { GraphConfig } from '../m365/graph-config.js';
import { GraphDirectory } from '../m365/graph-directory.js';
import { GraphMail } from '../m365/graph-mail.js';
import { createGraphTokens, type GraphTokens } from '../m365/graph-tokens.js';
import { TenantGraphClients } from '../m365/tenant-clients.js';
import { LocalOutbox } from '../mail/local-outbox.js';
import type { MailPort } from '../mail/mail-port.js';
import type { CalendarPort } from '../meetings/calendar-port.js';
import { EmbeddedCalendar } from '../meetings/embedded-calendar.js';
import type { Database } from '../platform/db/schema.js';
import { DEMO_TENANT_ID } from './seed/demo-data.js';

/**
 * The ports whose implementation depends on the sign-in mode. Each port belongs to its capability (identity's
 * directory, mail's mail port, meetings' calendar), which also holds the local implementation; src/m365
 * implements them on Microsoft Graph. Only this file picks one: Graph with an app-only token in Entra mode (the
 * home tenant's for calendar and mail; each allowed tenant's for the directory; each staff member's own tenant's
 * for automatic replies and free/busy),
 * the local counterpart otherwise. Pass the process's shared `tokens` when there is one.
 */
interface AdapterDeps {
  config: GraphConfig;
  db: Kysely<Database>;
}

function inEntraMode(config: GraphConfig): config is GraphConfig & { aad: NonNullable<GraphConfig['aad']> } {
  return config.authMode === 'entra' && config.aad !== null;
}

/**
 * A search someone is waiting for: one retry, and a Retry-After of more than 3 s is not waited out (the tenant is
 * reported as throttled instead, beside the other tenant's matches).
 */
const DIRECTORY_SEARCH_RETRY: GraphRetryPolicy = { maxRetries: 1, maxRetryAfterSeconds: 3, delaySeconds: 1 };

/**
 * The directory: Graph `/users` of the home tenant and every other allowed tenant (the police) in Entra mode,
 * each with its own app-only token; the local `users` table (demo staff of both organisations) otherwise.
 */
export function createDirectory(deps: AdapterDeps, tokens?: GraphTokens): Directory {
  const { config } = deps;
  if (!inEntraMode(config)) return new LocalDirectory(deps.db, [DEMO_TENANT_ID]);
  return new GraphDirectory(
    tenantClients(config, tokens ?? createGraphTokens(config), DIRECTORY_SEARCH_RETRY),
  );
}

/**
 * The calendar: the organisers' Outlook calendars through Graph in Entra mode, the embedded calendar in the
 * database (with .ics invitations) otherwise.
 */
export function createCalendar(deps: AdapterDeps, tokens?: GraphTokens): CalendarPort {
  const { config } = deps;
  if (!inEntraMode(config)) return new EmbeddedCalendar(deps.db);
  // One token source for every tenant's client; free/busy of police staff is asked of the police tenant.
  const source = tokens ?? createGraphTokens(config);
  return new GraphCalendar(createAppGraphClient(config, source), {
    homeTenantId: config.aad.tenantId,
    clients: tenantClients(config, source),
  });
}

/** The per-tenant app-only clients of the home tenant (first) and AAD_ALLOWED_TENANTS. */
function tenantClients(
  config: GraphConfig & { aad: NonNullable<GraphConfig['aad']> },
  source: GraphTokens,
  retry?: GraphRetryPolicy,
) {
  return new TenantGraphClients({
    allowedTenants: [config.aad.tenantId, ...config.aad.allowedTenants],
    clientFor: (tenantId) => createAppGraphClient(config, source, tenantId, retry),
  });
}

/** The mail port: Graph sendMail in Entra mode, the local outbox otherwise. */
export function createMail(deps: AdapterDeps, tokens?: GraphTokens): MailPort {
  if (!inEntraMode(deps.config)) return new LocalOutbox(deps.db);
  return new GraphMail(createAppGraphClient(deps.config, tokens));
}

/**
 * Outlook's automatic replies (continuity's absence suggestion): Graph mailboxSettings in Entra mode, read in each
 * staff member's own tenant (the home tenant or another of AAD_ALLOWED_TENANTS) with that tenant's app-only token;
 * none locally, where there is no Outlook (the absence page then offers only the form).
 */
export function createAutomaticReplies(
  deps: Pick<AdapterDeps, 'config'>,
  tokens?: GraphTokens,
): AutomaticRepliesPort | null {
  const { config } = deps;
  if (!inEntraMode(config)) return null;
  // One token source for every tenant's client, so each tenant's token is cached once.
  const source = tokens ?? createGraphTokens(config);
  return new GraphAutomaticReplies(tenantClients(config, source));
}
