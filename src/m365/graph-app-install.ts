import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { createGraphClient, type GraphRetryPolicy } from './graph-client.js';
import type { GraphConfig } from './graph-config.js';
import { GraphRequestError, translateGraphFailure } from './graph-request-error.js';
import { createGraphTokens, type GraphTokens } from './graph-tokens.js';

/**
 * Installs the Teams app in a user's personal scope through Microsoft Graph (app-only,
 * TeamsAppInstallation.ReadWriteSelfForUser.All) and returns the 1:1 chat between the user and the bot,
 * whose id the Bot Connector accepts as the conversation id. The steps follow
 * https://learn.microsoft.com/microsoftteams/platform/graph-api/proactive-bots-and-messages/graph-proactive-bots-and-messages:
 * `POST /users/{id}/teamwork/installedApps` (201; 409 when it is already installed), the installation id
 * from `GET /users/{id}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '{app}'`, then
 * `GET /users/{id}/teamwork/installedApps/{installation}/chat`. Throttling (429 with Retry-After) and
 * 503/504 are retried by the client's retry middleware, as for the other Graph adapters.
 */

/** Why an installation failed: Graph refused (403), the user (or app) is unknown (404), or anything else. */
export type AppInstallFailure = 'not-permitted' | 'user-not-found' | 'other';

/** A failed installation; carries Graph's status (0 when no answer came) and error code, never a body. */
export class AppInstallError extends Error {
  override name = 'AppInstallError';

  constructor(
    readonly kind: AppInstallFailure,
    readonly status: number,
    readonly code: string,
  ) {
    super(`Installing the Teams app failed: ${kind} (${status} ${code})`);
  }
}

const installationList = z.object({ value: z.array(z.object({ id: z.string().min(1) })) });
const chatResponse = z.object({ id: z.string().min(1) });

/** A retry policy whose worst case stays well inside the worker's install lease (see delivery-worker.ts). */
export const APP_INSTALL_RETRY: GraphRetryPolicy = {
  maxRetries: 3,
  maxRetryAfterSeconds: 10,
  delaySeconds: 2,
};
/** Bounds one Graph request with its retries, so a hung Graph cannot hold the install queue. */
export const APP_INSTALL_REQUEST_TIMEOUT_MS = 45_000;

function failure(error: unknown): AppInstallError {
  const translated = translateGraphFailure(error);
  if (translated instanceof GraphRequestError) {
    const kind =
      translated.status === 403 ? 'not-permitted' : translated.status === 404 ? 'user-not-found' : 'other';
    return new AppInstallError(kind, translated.status, translated.code);
  }
  const code =
    'code' in translated && typeof translated.code === 'string' ? translated.code : translated.name;
  return new AppInstallError('other', 0, code.slice(0, 100));
}

/** Installs one catalog app for users of one tenant (the home tenant, or a tenant with a bot of its own). */
export class GraphAppInstaller {
  constructor(
    private readonly client: Client,
    private readonly settings: {
      /** The app's id in the tenant's app catalog (not the manifest id for an app published to the org). */
      catalogAppId: string;
      /** GRAPH_BASE_URL: the `teamsApp@odata.bind` link names the catalog entry under it. */
      graphBaseUrl: string;
      /** The tenant whose users the app-only token may install for. */
      tenantId: string;
      requestTimeoutMs?: number;
    },
  ) {}

  /** The tenant this installer serves. */
  get tenantId(): string {
    return this.settings.tenantId;
  }

  /** Installs the app for the user (already installed counts as done) and returns the 1:1 chat id. */
  async installForUser(aadObjectId: string): Promise<{ chatId: string }> {
    const user = `/users/${encodeURIComponent(aadObjectId)}/teamwork/installedApps`;
    const { catalogAppId, graphBaseUrl } = this.settings;
    try {
      await this.request(user).post({
        'teamsApp@odata.bind': `${graphBaseUrl}/appCatalogs/teamsApps/${encodeURIComponent(catalogAppId)}`,
      });
    } catch (error) {
      const failed = failure(error);
      // 409 Conflict: installed earlier (by the user, an admin policy, or our own attempt before a restart).
      if (failed.status !== 409) throw failed;
    }
    let installationId: string;
    try {
      const list = await this.request(user)
        .expand('teamsApp')
        .filter(`teamsApp/id eq '${catalogAppId.replace(/'/g, "''")}'`)
        .get();
      const first = parse(installationList, list).value[0];
      if (!first) throw new AppInstallError('other', 200, 'InstallationNotListed');
      installationId = first.id;
    } catch (error) {
      throw error instanceof AppInstallError ? error : failure(error);
    }
    try {
      const chat = await this.request(`${user}/${encodeURIComponent(installationId)}/chat`).get();
      return { chatId: parse(chatResponse, chat).id };
    } catch (error) {
      throw error instanceof AppInstallError ? error : failure(error);
    }
  }

  private request(path: string) {
    const timeout = this.settings.requestTimeoutMs ?? APP_INSTALL_REQUEST_TIMEOUT_MS;
    return this.client.api(path).option('signal', AbortSignal.timeout(timeout));
  }
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new AppInstallError('other', 200, 'UnexpectedResponseShape');
  return parsed.data;
}

/**
 * The installer when installing is permitted: Entra mode with app credentials (AAD_CLIENT_SECRET) and
 * TEAMS_APP_CATALOG_ID set. Otherwise null, and recipients without a conversation reference are reported
 * unreachable at once, as in the local playground.
 */
export function createAppInstaller(
  config: Pick<GraphConfig, 'authMode' | 'aad' | 'graphBaseUrl' | 'teamsAppCatalogId'>,
  tokens?: GraphTokens,
): GraphAppInstaller | null {
  return createAppInstallers({ ...config, tenantCatalogs: [] }, tokens)[0] ?? null;
}

/**
 * One installer per tenant the app may install in: the home tenant with TEAMS_APP_CATALOG_ID, and each tenant
 * whose bot (BOT_TENANT_BOTS) names the app's id in that tenant's catalog (`catalogAppId`). Each installs with an
 * app-only token from its own tenant, which the tenant's administrator grants by consenting to the (multi-tenant)
 * app registration with TeamsAppInstallation.ReadWriteSelfForUser.All. Empty without app credentials.
 */
export function createAppInstallers(
  config: Pick<GraphConfig, 'authMode' | 'aad' | 'graphBaseUrl' | 'teamsAppCatalogId'> & {
    tenantCatalogs: readonly { tenantId: string; catalogAppId: string }[];
  },
  tokens?: GraphTokens,
): GraphAppInstaller[] {
  const { aad } = config;
  if (config.authMode !== 'entra' || !aad?.clientSecret) return [];
  const source = tokens ?? createGraphTokens(config);
  const catalogs = [
    ...(config.teamsAppCatalogId ? [{ tenantId: aad.tenantId, catalogAppId: config.teamsAppCatalogId }] : []),
    ...config.tenantCatalogs.filter((entry) => entry.tenantId !== aad.tenantId),
  ];
  return catalogs.map(
    ({ tenantId, catalogAppId }) =>
      new GraphAppInstaller(
        createGraphClient({
          graphBaseUrl: config.graphBaseUrl,
          tokens: source,
          credential: tenantId === aad.tenantId ? { kind: 'app' } : { kind: 'app', tenantId },
          retry: APP_INSTALL_RETRY,
        }),
        { catalogAppId, graphBaseUrl: config.graphBaseUrl, tenantId },
      ),
  );
}
