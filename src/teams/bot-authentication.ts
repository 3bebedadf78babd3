import type { ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { BotCredentials } from './bot-credentials.js';

// The public Azure cloud's Bot Framework endpoints, as in botframework-connector's AuthenticationConstants.
const PUBLIC_CLOUD = {
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  ToBotFromEmulatorOpenIdMetadataUrl:
    'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  CallerId: 'urn:botframework:azure',
  ValidateAuthority: true,
};

/**
 * The settings for botbuilder's `ConfigurationBotFrameworkAuthentication`. Without a bot (local run) there is
 * no app id, which the SDK reads as "authentication disabled": the Agents Playground needs exactly that.
 * `openIdMetadataUrl` moves only the channel's signing keys (a loopback stand-in in tests); the SDK then
 * wants every endpoint spelled out, so the public cloud's are given explicitly.
 */
export function botAuthenticationOptions(
  bot: BotCredentials | null,
  openIdMetadataUrl?: string,
): ConfigurationBotFrameworkAuthenticationOptions {
  if (!bot) return {};
  const credentials = {
    MicrosoftAppId: bot.appId,
    MicrosoftAppPassword: bot.password,
    MicrosoftAppType: bot.type,
    MicrosoftAppTenantId: bot.tenantId,
  };
  if (!openIdMetadataUrl) return credentials;
  return { ...credentials, ...PUBLIC_CLOUD, ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl };
}
