import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { createAppInstallers } from '../../m365/graph-app-install.js';
import type { GraphConfig } from '../../m365/graph-config.js';
import type { GraphTokens } from '../../m365/graph-tokens.js';
import type { MailPort } from '../../mail/mail-port.js';
import type { Database } from '../../platform/db/schema.js';
import type { BotCredentials } from '../../teams/bot-credentials.js';
import type { CardSender } from '../../teams/outbox/card-sender.js';
import type { OutboxJobSource } from '../../teams/outbox/outbox-worker.js';
import { DeliveryWorker, type RenderCard } from './delivery-worker.js';

/** Something the server runs beside the HTTP listener and stops before closing the database. */
export interface BackgroundWorker {
  start(): void;
  stop(): Promise<void>;
  /**
   * Adds a lower-priority source to its rounds (the Teams outbox's proactive cards, after the crisis alerts:
   * the outbox loop does); a worker without it leaves the outbox to drain itself.
   */
  addSource?(source: OutboxJobSource): void;
}

/** What the worker needs from the composition root; the server's AppDeps satisfies it structurally. */
export interface CallOutWorkerDeps {
  db: Kysely<Database>;
  database: { engine: 'pglite' | 'postgres' };
  logger: Logger;
  config: GraphConfig & { bot: BotCredentials | null; publicUrl: string };
  /** The e-mail fallback for recipients Teams cannot reach goes out through the same port as convening's mails. */
  mail: MailPort;
  /** The process's one Graph token cache, shared with the other Microsoft 365 adapters. */
  graphTokens?: GraphTokens | undefined;
  /**
   * The process's one Bot Connector client (src/server/compose.ts), shared with the Teams outbox: per tenant
   * where BOT_TENANT_BOTS gives a tenant its own bot. Absent or null, the worker does not start.
   */
  cardSender?: CardSender | null | undefined;
}

/** Bot id used for the rate bucket when the local playground runs without bot credentials. */
const LOCAL_BOT_ID = 'local-playground';

/**
 * The outbox loop with the call-outs' sources, as the composition root wires it: the card renderer comes from
 * the bot (injected, so the worker never imports the card code in src/call-outs/bot), the connector client
 * (and its token cache) is the process's one, built in src/server/compose.ts.
 * A bot with a managed identity (UserAssignedMSI) has no secret to fetch tokens with: not supported yet.
 * Recipients without a conversation reference get the app installed through Graph when Entra app credentials
 * and TEAMS_APP_CATALOG_ID are configured (`createAppInstaller`); otherwise they are unreachable at once.
 * Recipients found unreachable get an e-mail with a one-time link to answer in the tab (answer-links/).
 */
export function createCallOutWorker(
  deps: CallOutWorkerDeps,
  renderCard: RenderCard,
): BackgroundWorker | null {
  const bot = deps.config.bot;
  if (bot && (bot.type === 'UserAssignedMSI' || !bot.password)) {
    deps.logger.warn(
      'call-out worker not started: connector tokens need BOT_PASSWORD (managed identity not supported)',
    );
    return null;
  }
  if (!bot && deps.config.authMode !== 'local') return null;
  if (!deps.cardSender) return null;
  return new DeliveryWorker({
    db: deps.db,
    sharedBudget: deps.database.engine === 'postgres',
    sender: deps.cardSender,
    renderCard,
    installer: createAppInstallers(
      { ...deps.config, tenantCatalogs: tenantCatalogsOf(bot) },
      deps.graphTokens,
    ),
    answerLinkMail: {
      mail: deps.mail,
      publicUrl: deps.config.publicUrl,
      catalogIdFor: catalogIdsByTenant(deps.config),
    },
    // Teams names bots 28:{app id} in conversation members.
    botId: bot ? `28:${bot.appId}` : LOCAL_BOT_ID,
    logger: deps.logger,
  });
}

/**
 * The app's catalog id per tenant, for the answer link's Teams deep link: TEAMS_APP_CATALOG_ID in the home
 * tenant, a tenant bot's `catalogAppId` (BOT_TENANT_BOTS) in its tenant; null elsewhere (the link is then the
 * tab's web address).
 */
export function catalogIdsByTenant(
  config: Pick<CallOutWorkerDeps['config'], 'aad' | 'teamsAppCatalogId' | 'bot'>,
): (tenantId: string) => string | null {
  const byTenant = new Map<string, string>();
  const home = config.aad?.tenantId.toLowerCase();
  if (home && config.teamsAppCatalogId) byTenant.set(home, config.teamsAppCatalogId);
  for (const bot of config.bot?.tenantBots ?? [])
    if (bot.catalogAppId) byTenant.set(bot.tenantId, bot.catalogAppId);
  return (tenantId) => byTenant.get(tenantId.toLowerCase()) ?? null;
}

/** The tenant bots that name the app's id in their tenant's catalog: the app is installed there too. */
function tenantCatalogsOf(bot: BotCredentials | null): { tenantId: string; catalogAppId: string }[] {
  return (bot?.tenantBots ?? []).flatMap((tenantBot) =>
    tenantBot.catalogAppId ? [{ tenantId: tenantBot.tenantId, catalogAppId: tenantBot.catalogAppId }] : [],
  );
}
