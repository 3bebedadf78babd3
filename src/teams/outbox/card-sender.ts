/**
 * The port the delivery worker sends cards through, and its adapter for the Bot Connector REST API
 * (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference).
 * Plain fetch keeps botbuilder inside src/teams/; the token comes from an injected provider.
 */
import { z } from 'zod';

// ResourceResponse and ConversationResourceResponse: the connector names what it created by `id`.
const resourceResponse = z.looseObject({ id: z.string().min(1) });
// ErrorResponse: `{ error: { code, message } }`; anything else (a gateway's HTML page) has no code.
const errorResponse = z.looseObject({ error: z.looseObject({ code: z.string() }) });

function errorCode(text: string): string {
  try {
    const parsed = errorResponse.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.error.code : 'Unknown';
  } catch {
    // The connector does not always answer JSON (a gateway's 502 page); the status says enough.
    return 'Unknown';
  }
}

/** The id in a successful reply; a reply without one is a final refusal, never resent (the card may be out). */
function createdId(status: number, text: string): string {
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  const parsed = resourceResponse.safeParse(body);
  if (!parsed.success) throw new ConnectorError(status, null, 'MalformedReply');
  return parsed.data.id;
}

/** A refusal by the connector, classified for the worker. */
export class ConnectorError extends Error {
  override name = 'ConnectorError';
  constructor(
    readonly status: number,
    /** From a Retry-After header, in milliseconds; null when absent. */
    readonly retryAfterMs: number | null,
    readonly code: string,
  ) {
    super(`connector answered ${status} ${code}`);
  }
}

/** Where and to whom: the `serviceUrl` and ids from the stored conversation reference. */
export interface ConversationTarget {
  serviceUrl: string;
  conversationId: string;
  /** The recipient's tenant: picks the bot where each tenant has its own (src/teams/tenant-bots.ts). */
  tenantId?: string;
}

export interface CardSender {
  /** Opens (or finds) the 1:1 conversation with a user: POST /v3/conversations. */
  createConversation(
    serviceUrl: string,
    member: { channelUserId: string; tenantId: string; botId: string },
  ): Promise<{ conversationId: string }>;
  /** POST /v3/conversations/{id}/activities; returns the activity id for later updates. */
  sendActivity(
    target: ConversationTarget,
    activity: Record<string, unknown>,
  ): Promise<{ activityId: string }>;
  /** PUT /v3/conversations/{id}/activities/{activityId}: replaces a sent card in place. */
  updateActivity(
    target: ConversationTarget,
    activityId: string,
    activity: Record<string, unknown>,
  ): Promise<void>;
  /** Fetches (and caches) the connector token ahead of the first card, so the first send does not wait for it. */
  warm?(): Promise<void>;
}

/**
 * Installs the Teams app for a recipient the bot cannot reach yet and returns their 1:1 chat with the bot
 * (implemented on Microsoft Graph in src/m365/graph-app-install.ts). A failure is thrown as an error whose
 * message names the kind (not-permitted, user-not-found, other) with Graph's status and code, no personal data.
 */
export interface AppInstaller {
  /** The tenant it may install in (the app-only token's home tenant). */
  readonly tenantId: string;
  installForUser(aadObjectId: string): Promise<{ chatId: string }>;
}

/** Returns a bearer token for the connector, or null where none is needed (the local playground). */
export type ConnectorTokenProvider = () => Promise<string | null>;

/** The Adaptive Card as the only content: Teams splits text plus attachment into two messages. */
export function cardActivity(card: unknown): Record<string, unknown> {
  return {
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  };
}

function retryAfterMs(header: string | null, now: number): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

const base = (serviceUrl: string) => serviceUrl.replace(/\/*$/, '');

/** The CardSender over fetch. `timeoutMs` bounds one request so a hung connector cannot hold a lease forever. */
export function createConnectorCardSender(tokens: ConnectorTokenProvider, timeoutMs = 15_000): CardSender {
  async function call(method: string, url: string, body: unknown): Promise<{ status: number; text: string }> {
    const token = await tokens();
    const response = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new ConnectorError(
        response.status,
        retryAfterMs(response.headers.get('retry-after'), Date.now()),
        errorCode(text).slice(0, 100),
      );
    }
    return { status: response.status, text };
  }
  return {
    async warm() {
      await tokens();
    },
    async createConversation(serviceUrl, member) {
      const { status, text } = await call('POST', `${base(serviceUrl)}/v3/conversations`, {
        isGroup: false,
        bot: { id: member.botId },
        members: [{ id: member.channelUserId }],
        tenantId: member.tenantId,
        channelData: { tenant: { id: member.tenantId } },
      });
      return { conversationId: createdId(status, text) };
    },
    async sendActivity(target, activity) {
      const url = `${base(target.serviceUrl)}/v3/conversations/${encodeURIComponent(target.conversationId)}/activities`;
      const { status, text } = await call('POST', url, activity);
      return { activityId: createdId(status, text) };
    },
    async updateActivity(target, activityId, activity) {
      const url = `${base(target.serviceUrl)}/v3/conversations/${encodeURIComponent(target.conversationId)}/activities/${encodeURIComponent(activityId)}`;
      await call('PUT', url, { ...activity, id: activityId });
    },
  };
}

/** What the worker does with a failure: retry after a wait, or give up with a reason. */
export type FailureVerdict =
  | { kind: 'throttled'; retryAfterMs: number }
  | { kind: 'retry' }
  | { kind: 'give-up'; reason: string };

const RETRYABLE = new Set([412, 502, 503, 504]);

/** 429 waits its Retry-After; 412, 5xx and network errors back off; any other 4xx is final. */
export function classifyFailure(error: unknown): FailureVerdict {
  if (error instanceof ConnectorError) {
    if (error.status === 429) return { kind: 'throttled', retryAfterMs: error.retryAfterMs ?? 1_000 };
    if (RETRYABLE.has(error.status) || error.status >= 500) return { kind: 'retry' };
    return { kind: 'give-up', reason: `${error.status} ${error.code}` };
  }
  return { kind: 'retry' };
}

/** Exponential back-off with full jitter, capped (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/). */
export function backoffMs(
  attempt: number,
  random: () => number = Math.random,
  baseMs = 500,
  capMs = 60_000,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.max(50, Math.round(random() * ceiling));
}
