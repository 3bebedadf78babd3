import {
  type Activity,
  CloudAdapter,
  type ConfigurationBotFrameworkAuthentication,
  type TurnContext,
} from 'botbuilder';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { DomainError } from '../platform/errors.js';
import { parseActivity } from './activity-envelope.js';
import type { ServiceUrlPolicy } from './service-url-policy.js';
import { refuseTenant } from './tenant-gate.js';

/** How the adapter reports and how long it waits for token validation. */
export interface GuardOptions {
  logger: Logger;
  /** Validation may fetch the channel's OpenID metadata; node-fetch has no timeout of its own. */
  authTimeoutMs: number;
  /** The channel service hosts activities may name; others are refused before anything is sent or stored. */
  serviceUrls: ServiceUrlPolicy;
  /** The tenants whose users the bot serves (tenant-gate.ts); null: any. */
  servedTenants?: ReadonlySet<string> | null;
  /** Records a refused tenant (the audit trail); the refusal stands even when recording fails. */
  onTenantRefused?: (tenantId: string | null) => Promise<void>;
}

class AuthenticationTimeout extends Error {
  override name = 'AuthenticationTimeout';
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new AuthenticationTimeout(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * botbuilder's `CloudAdapter` behind the checks its own `process()` lacks (botbuilder 4.23.3): a body
 * without `type` throws there (a 500), token failures other than `AuthenticationError` (a bad signature,
 * unreachable OpenID metadata) become 500s, the metadata fetch can hang, and errors go to `console`.
 * Here a malformed activity (or one naming a service host outside the allow-list) is a 400, every failed or
 * slow authentication a 401, and logs go to pino.
 */
export class GuardedCloudAdapter extends CloudAdapter {
  constructor(
    authentication: ConfigurationBotFrameworkAuthentication,
    private readonly options: GuardOptions,
  ) {
    super(authentication);
  }

  /** Handles one POST /api/messages; errors are thrown as typed errors for the app's error handler. */
  async handle(req: Request, res: Response, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = parseActivity(req.body, this.options.serviceUrls);
    const authentication = await this.authenticate(activity, req.headers.authorization ?? '');
    await this.checkTenant(activity);
    const invokeResponse = await this.processActivity(authentication, activity, logic);
    res.status(invokeResponse?.status ?? 200);
    if (invokeResponse?.body === undefined) res.end();
    else res.json(invokeResponse.body);
  }

  /** A user of a tenant outside AAD_ALLOWED_TENANTS gets a 403 before any handler runs; it is audited. */
  private async checkTenant(activity: Activity): Promise<void> {
    const refused = refuseTenant(activity, this.options.servedTenants ?? null);
    if (!refused) return;
    this.options.logger.warn({ activityType: activity.type }, 'bot request from a tenant not served');
    await this.options.onTenantRefused?.(refused.tenantId).catch((error: unknown) => {
      this.options.logger.error(
        { err: { type: error instanceof Error ? error.name : typeof error } },
        'tenant refusal not audited',
      );
    });
    throw new DomainError('forbidden', 'This app does not serve users of your organisation (tenant).');
  }

  private async authenticate(activity: Activity, header: string) {
    try {
      return await withTimeout(
        this.botFrameworkAuthentication.authenticateRequest(activity, header),
        this.options.authTimeoutMs,
      );
    } catch (error) {
      const type = error instanceof Error ? error.name : typeof error;
      this.options.logger.warn(
        { activityType: activity.type, err: { type } },
        'bot request not authenticated',
      );
      throw new DomainError('unauthenticated', 'The request does not carry a valid Bot Framework token.');
    }
  }
}
