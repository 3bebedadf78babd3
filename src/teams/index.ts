import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { RequestHandler } from 'express';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../platform/db/schema.js';
import { DomainError } from '../platform/errors.js';
import { botAuthenticationOptions } from './bot-authentication.js';
import type { BotCredentials } from './bot-credentials.js';
import type { CardVerbFamily } from './card-action.js';
import type { HelpFact } from './cards/help-card.js';
import { GuardedCloudAdapter } from './guarded-cloud-adapter.js';
import { createInvokeRouter } from './invoke-router.js';
import type { MessageAction } from './message-action.js';
import { createMessageActionRouter } from './message-action-router.js';
import type { BotLocale } from './messages.js';
import { type CardSender, createConnectorCardSender } from './outbox/card-sender.js';
import { connectorTokenProvider } from './outbox/connector-token.js';
import { ProactiveOutbox } from './outbox/proactive-outbox.js';
import { dropDisallowedReferences } from './reference-check.js';
import { serviceUrlPolicyFor } from './service-url-policy.js';
import { TeamsBot, type TeamsBotDeps } from './teams-bot.js';
import { botCredentialsFactory, cardSenderFor } from './tenant-bots.js';
import { servedTenants } from './tenant-gate.js';
import { turnErrorHandler } from './turn-error.js';

/** The settings the Teams side reads (a part of the app's configuration). */
export interface TeamsConfig {
  authMode: 'local' | 'entra';
  nodeEnv: string;
  /** The app's own web address, which serves the tab. */
  publicUrl: string;
  bot: BotCredentials | null;
  botServiceUrlHosts: readonly string[];
  aad: { allowedTenants: readonly string[] } | null;
}

/** What the Teams side needs from the composition root besides the capabilities' wiring. */
export interface TeamsDeps {
  config: TeamsConfig;
  db: Kysely<Database>;
  logger: Logger;
  now: () => Date;
  /** The process's one Bot Connector client (compose.ts); absent or null, no proactive card can be sent. */
  cardSender?: CardSender | null | undefined;
}

/**
 * What the capabilities plug into the bot, handed in by src/server/compose.ts so src/teams imports no
 * capability: their card verb families, their typed commands with the help card's line for each, and where a
 * refused tenant is recorded.
 */
export interface BotWiring {
  /** Every capability's Universal Action families, matched by verb prefix. */
  verbFamilies: readonly CardVerbFamily[];
  /** The capabilities' message actions (compose-extension action commands on a message). */
  messageActions: readonly MessageAction[];
  commands: TeamsBotDeps['commands'];
  /** The help card's lines for the capabilities' commands, after the bot's own `help`. */
  helpFacts: (locale: BotLocale) => readonly HelpFact[];
  /** Records an activity refused for its tenant (the `access.denied` audit row). */
  auditTenantRefusal: (tenantId: string | null) => Promise<void>;
}

/** Settings production leaves at their defaults; tests point them at loopback stand-ins. */
export interface BotHandlerOptions {
  /** How long validating an inbound token may take, fetching the channel's signing keys included. */
  authTimeoutMs?: number;
  /** Where the channel publishes its signing keys; the public Bot Framework cloud by default. */
  openIdMetadataUrl?: string;
}

const DEFAULT_AUTH_TIMEOUT_MS = 5_000;

function refuseWithoutCredentials(deps: TeamsDeps): RequestHandler {
  deps.logger.error('bot endpoint disabled: BOT_ID and BOT_PASSWORD are required outside local mode');
  return () => {
    throw new DomainError('not-ready', 'The bot has no Bot Framework credentials (BOT_ID, BOT_PASSWORD).');
  };
}

/**
 * The POST /api/messages handler: botbuilder's CloudAdapter running the Teams bot. Without bot credentials
 * it accepts unauthenticated activities, but only in local mode, which config.ts restricts to loopback and
 * non-production: that is how the Microsoft 365 Agents Playground talks to the bot.
 */
export function createBotHandler(
  deps: TeamsDeps,
  wiring: BotWiring,
  options: BotHandlerOptions = {},
): RequestHandler {
  if (!deps.config.bot && deps.config.authMode !== 'local') return refuseWithoutCredentials(deps);
  const authentication = new ConfigurationBotFrameworkAuthentication(
    botAuthenticationOptions(deps.config.bot, options.openIdMetadataUrl),
    // Accepts and answers as each tenant's own bot where BOT_TENANT_BOTS is set.
    botCredentialsFactory(deps.config.bot),
  );
  const serviceUrls = serviceUrlPolicyFor(deps.config);
  const adapter = new GuardedCloudAdapter(authentication, {
    logger: deps.logger,
    authTimeoutMs: options.authTimeoutMs ?? DEFAULT_AUTH_TIMEOUT_MS,
    serviceUrls,
    servedTenants: servedTenants(deps.config),
    onTenantRefused: wiring.auditTenantRefusal,
  });
  // References stored before the allow-list (or under another configuration) must not receive cards.
  void dropDisallowedReferences(deps.db, serviceUrls, deps.logger).catch((error: unknown) =>
    deps.logger.warn(
      { err: { type: error instanceof Error ? error.name : 'unknown' } },
      'conversation references not checked at start-up',
    ),
  );
  adapter.onTurnError = turnErrorHandler(deps.logger);
  const tabUrl = deps.config.publicUrl.replace(/\/*$/, '/');
  const routeInvoke = createInvokeRouter(wiring.verbFamilies);
  const bot = new TeamsBot({
    db: deps.db,
    tabUrl,
    now: deps.now,
    logger: deps.logger,
    routeInvoke,
    routeMessageAction: createMessageActionRouter(wiring.messageActions, routeInvoke),
    commands: wiring.commands,
    helpFacts: wiring.helpFacts,
  });
  return (req, res) => adapter.handle(req, res, (context) => bot.run(context));
}

/** Bot id used for the rate bucket when the local playground runs without bot credentials. */
const LOCAL_BOT_ID = 'local-playground';

/** The app's bot id as Teams names it in conversation members (`28:{app id}`); it also names the rate bucket. */
export function outboxBotId(bot: BotCredentials | null): string {
  return bot ? `28:${bot.appId}` : LOCAL_BOT_ID;
}

/**
 * The one Bot Connector client of the process, with one connector token cache per bot credential (the home
 * bot's, and each tenant bot's where BOT_TENANT_BOTS gives a tenant its own): src/server/compose.ts builds it
 * once and hands the same instance to the call-out worker and the Teams outbox. Null where the bot cannot
 * send: no credentials outside local mode, or a secret-based bot without BOT_PASSWORD. A managed identity
 * (BOT_TYPE=UserAssignedMSI) gets its connector tokens from the host.
 */
export function createConnectorSender(config: Pick<TeamsConfig, 'authMode' | 'bot'>): CardSender | null {
  const bot = config.bot;
  if (bot && bot.type !== 'UserAssignedMSI' && !bot.password) return null;
  if (!bot && config.authMode !== 'local') return null;
  // Per tenant where BOT_TENANT_BOTS gives a tenant its own bot.
  return cardSenderFor(bot, createConnectorCardSender(connectorTokenProvider(bot)));
}

/**
 * The Teams outbox for proactive cards (the next-meeting proposal), as the composition root builds it once
 * and hands to the capabilities that queue cards. Null where the bot cannot send: no credentials outside
 * local mode, or no connector sender handed in.
 */
export function createProactiveOutbox(
  deps: Pick<TeamsDeps, 'config' | 'db' | 'logger' | 'cardSender'>,
  options: { pollMs?: number; sharedBudget?: boolean } = {},
): ProactiveOutbox | null {
  const bot = deps.config.bot;
  // A managed identity fetches its tokens from the host; any other bot type needs its secret.
  if (bot && bot.type !== 'UserAssignedMSI' && !bot.password) {
    deps.logger.warn('proactive cards not sent: connector tokens need BOT_PASSWORD');
    return null;
  }
  if (!bot && deps.config.authMode !== 'local') return null;
  if (!deps.cardSender) return null;
  return new ProactiveOutbox({
    db: deps.db,
    // The process's one connector client (compose.ts), shared with the call-out worker.
    sender: deps.cardSender,
    botId: outboxBotId(bot),
    logger: deps.logger,
    ...options,
  });
}
export { upsertConversationReference } from './conversation-store.js';
export { joinableConversationReferences } from './joinable-store.js';
