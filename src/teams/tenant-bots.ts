import {
  type ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
} from 'botbuilder';
import type { BotCredentials } from './bot-credentials.js';
import type { CardSender, ConnectorTokenProvider, ConversationTarget } from './outbox/card-sender.js';
import { createConnectorCardSender } from './outbox/card-sender.js';
import { connectorTokenProvider } from './outbox/connector-token.js';

type CredentialsFactory = NonNullable<
  ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]
>;

/** One of the app's bots in another tenant (BOT_TENANT_BOTS): a single-tenant registration of that tenant. */
export type TenantBot = NonNullable<BotCredentials['tenantBots']>[number];

/** The tenant bots by tenant id; empty without BOT_TENANT_BOTS. */
export function tenantBotsByTenant(bot: BotCredentials | null): ReadonlyMap<string, TenantBot> {
  return new Map((bot?.tenantBots ?? []).map((tenantBot) => [tenantBot.tenantId, tenantBot]));
}

/**
 * Credentials for every bot the endpoint answers for: the home bot as configured, and each tenant's bot by its
 * own app id and secret, its tokens from its own tenant. botbuilder checks an inbound token's audience with
 * `isValidAppId` and signs in-turn replies with `createCredentials(appId, …)`, where the app id is the
 * audience the activity was sent to, so each tenant's activities are answered as that tenant's bot.
 */
export class TenantBotCredentials implements CredentialsFactory {
  private readonly byAppId: Map<string, ConfigurationServiceClientCredentialFactory>;

  constructor(
    private readonly home: CredentialsFactory,
    bots: readonly TenantBot[],
  ) {
    this.byAppId = new Map(
      bots.map((bot) => [
        bot.appId,
        new ConfigurationServiceClientCredentialFactory({
          MicrosoftAppId: bot.appId,
          MicrosoftAppPassword: bot.password,
          MicrosoftAppType: 'SingleTenant',
          MicrosoftAppTenantId: bot.tenantId,
        }),
      ]),
    );
  }

  private of(appId: string): CredentialsFactory {
    return this.byAppId.get(appId.toLowerCase()) ?? this.home;
  }

  async isValidAppId(appId: string): Promise<boolean> {
    return this.byAppId.has(appId.toLowerCase()) || this.home.isValidAppId(appId);
  }

  isAuthenticationDisabled(): Promise<boolean> {
    return this.home.isAuthenticationDisabled();
  }

  createCredentials(
    appId: string,
    audience: string | undefined,
    loginEndpoint: string,
    validateAuthority: boolean,
  ) {
    return this.of(appId).createCredentials(appId, audience, loginEndpoint, validateAuthority);
  }
}

/** The home bot's credentials as botbuilder would build them, wrapped when tenant bots are configured. */
export function botCredentialsFactory(bot: BotCredentials | null): CredentialsFactory | undefined {
  if (!bot?.tenantBots?.length) return undefined;
  const home = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: bot.appId,
    MicrosoftAppPassword: bot.password,
    MicrosoftAppType: bot.type,
    MicrosoftAppTenantId: bot.tenantId,
  });
  return new TenantBotCredentials(home, bot.tenantBots);
}

/**
 * The CardSender for several tenants: a card to a recipient of a tenant with its own bot goes out as that bot
 * (member `28:{appId}` when a conversation is opened) with a connector token from that tenant; anything else
 * as the home bot. Teams' rate limit is per app per tenant, and each tenant has one bot here, so the outbox's
 * budget keyed by tenant is already per app per tenant.
 */
export function createTenantCardSender(
  home: CardSender,
  bots: ReadonlyMap<string, TenantBot>,
  tokensFor: (bot: TenantBot) => ConnectorTokenProvider,
): CardSender {
  const senders = new Map(
    [...bots].map(([tenantId, bot]) => [tenantId, createConnectorCardSender(tokensFor(bot))]),
  );
  const of = (tenantId: string | undefined) => (tenantId && senders.get(tenantId.toLowerCase())) || home;
  return {
    async warm() {
      await Promise.all([home.warm?.(), ...[...senders.values()].map((sender) => sender.warm?.())]);
    },
    createConversation(serviceUrl, member) {
      const bot = bots.get(member.tenantId.toLowerCase());
      return of(member.tenantId).createConversation(
        serviceUrl,
        bot ? { ...member, botId: `28:${bot.appId}` } : member,
      );
    },
    sendActivity(target: ConversationTarget, activity) {
      return of(target.tenantId).sendActivity(target, activity);
    },
    updateActivity(target: ConversationTarget, activityId, activity) {
      return of(target.tenantId).updateActivity(target, activityId, activity);
    },
  };
}

/** The call-out worker's sender: the home bot's, routed per tenant when BOT_TENANT_BOTS is set. */
export function cardSenderFor(
  bot: BotCredentials | null,
  home: CardSender,
  options: { authorityHost?: string } = {},
): CardSender {
  const bots = tenantBotsByTenant(bot);
  if (bots.size === 0) return home;
  // Each tenant's bot is single-tenant: its connector tokens come from login.microsoftonline.com/{its tenant}.
  return createTenantCardSender(home, bots, (tenantBot) =>
    connectorTokenProvider({ ...tenantBot, type: 'SingleTenant' }, options),
  );
}
