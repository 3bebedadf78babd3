import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { RequestHandler } from 'express';
import { DbCallOutAnswers } from '../call-outs/answers.js';
import { callOutCardVerbs } from '../call-outs/bot/call-out-invoke.js';
import { callOutStartVerbs, startCommandCard } from '../call-outs/bot/call-out-start-invoke.js';
import { DbCallOutStarter } from '../call-outs/bot-starter.js';
import type { CallOutAnswers } from '../call-outs/contract.js';
import type { CallOutStarter } from '../call-outs/starter-contract.js';
import { meetingCardVerbs } from '../meetings/bot/meeting-proposal-invoke.js';
import { DomainError } from '../platform/errors.js';
import type { AppDeps } from '../server/deps.js';
import { botAuthenticationOptions } from './bot-authentication.js';
import { GuardedCloudAdapter } from './guarded-cloud-adapter.js';
import { createInvokeRouter } from './invoke-router.js';
import { createConnectorCardSender } from './outbox/card-sender.js';
import { connectorTokenProvider } from './outbox/connector-token.js';
import { ProactiveOutbox } from './outbox/proactive-outbox.js';
import { dropDisallowedReferences } from './reference-check.js';
import { serviceUrlPolicyFor } from './service-url-policy.js';
import { TeamsBot } from './teams-bot.js';
import { botCredentialsFactory } from './tenant-bots.js';
import { auditTenantRefusal, servedTenants } from './tenant-gate.js';
import { turnErrorHandler } from './turn-error.js';

/** Settings production leaves at their defaults; tests point them at loopback stand-ins. */
export interface BotHandlerOptions {
  /** How long validating an inbound token may take, fetching the channel's signing keys included. */
  authTimeoutMs?: number;
  /** Where the channel publishes its signing keys; the public Bot Framework cloud by default. */
  openIdMetadataUrl?: string;
  /** The call-out domain's side of the alert card; the database-backed one unless a test hands in another. */
  callOutAnswers?: CallOutAnswers;
  /** The call-out domain's side of the `crisisoproep` form; the database-backed one unless a test hands in another. */
  callOutStarter?: CallOutStarter;
}

const DEFAULT_AUTH_TIMEOUT_MS = 5_000;

function refuseWithoutCredentials(deps: AppDeps): RequestHandler {
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
export function createBotHandler(deps: AppDeps, options: BotHandlerOptions = {}): RequestHandler {
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
    onTenantRefused: (tenantId) => auditTenantRefusal(deps, tenantId),
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
  const meetings = { db: deps.db, calendar: deps.calendar, logger: deps.logger, now: deps.now };
  const { logger, now } = deps;
  // The call-out domain answers the alert card's actions; tests may hand in their own port.
  const callOutAnswers = options.callOutAnswers ?? new DbCallOutAnswers(deps.db);
  const startDeps = {
    starter: options.callOutStarter ?? new DbCallOutStarter(deps.db, deps.now),
    tabUrl,
    now,
    logger,
  };
  const bot = new TeamsBot({
    db: deps.db,
    tabUrl,
    now,
    logger,
    routeInvoke: createInvokeRouter([
      meetingCardVerbs({ meetings, tabUrl, logger }),
      callOutStartVerbs(startDeps),
      callOutCardVerbs({ callOutAnswers, now, logger }),
    ]),
    commands: { 'call-out': (turn) => startCommandCard(turn, startDeps) },
  });
  return (req, res) => adapter.handle(req, res, (context) => bot.run(context));
}

/** Bot id used for the rate bucket when the local playground runs without bot credentials. */
const LOCAL_BOT_ID = 'local-playground';

/**
 * The Teams outbox for proactive cards (the next-meeting proposal), as the composition root builds it once
 * and hands to the capabilities that queue cards. Null where the bot cannot send: no credentials outside
 * local mode. A managed identity (BOT_TYPE=UserAssignedMSI) gets its connector tokens from the host.
 */
export function createProactiveOutbox(
  deps: Pick<AppDeps, 'config' | 'db' | 'logger'>,
  options: { pollMs?: number } = {},
): ProactiveOutbox | null {
  const bot = deps.config.bot;
  // A managed identity fetches its tokens from the host; any other bot type needs its secret.
  if (bot && bot.type !== 'UserAssignedMSI' && !bot.password) {
    deps.logger.warn('proactive cards not sent: connector tokens need BOT_PASSWORD');
    return null;
  }
  if (!bot && deps.config.authMode !== 'local') return null;
  return new ProactiveOutbox({
    db: deps.db,
    sender: createConnectorCardSender(connectorTokenProvider(bot)),
    // Teams names bots 28:{app id} in conversation members; the call-out worker names its bucket the same.
    botId: bot ? `28:${bot.appId}` : LOCAL_BOT_ID,
    logger: deps.logger,
    ...options,
  });
}
