import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/**
 * A loopback stand-in for the Bot Framework connector service (the `serviceUrl` of an activity), speaking
 * its REST wire format (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference):
 * it records the activities a bot sends and answers `{ "id": ... }` as the real service does. It also plays
 * the channel's token issuer: it publishes OpenID metadata and signing keys, and signs channel tokens.
 */
export interface BotConnectorStandIn {
  /** The service URL to put in activities, with the trailing slash Teams uses. */
  url: string;
  /** Where the bot finds this channel's signing keys (botbuilder's `ToBotFromChannelOpenIdMetadataUrl`). */
  openIdMetadataUrl: string;
  /** Activities the bot sent, in arrival order. */
  activities: RecordedActivity[];
  /** Requests to any other route; a test can assert there were none. */
  unhandled: { method: string; path: string }[];
  /** Every connector call (create conversation, send, update), answered or refused, in arrival order. */
  requests: ConnectorRequest[];
  /** Teams' limits as this stand-in enforces them: refusals with 429 when exceeded. */
  limits: ConnectorLimits;
  /** Refuses matching requests with `status` (429 with Retry-After, 503, 403...) instead of answering. */
  addFailure(rule: FailureRule): void;
  /** Delays every connector answer by this many milliseconds. */
  setLatency(ms: number): void;
  /** The most requests that arrived within any one second: for the app, and for the busiest conversation. */
  peakPerSecond(): { app: number; conversation: number };
  /** A channel token as Teams sends it to a bot; `forged` signs it with a key the metadata does not publish. */
  issueChannelToken(
    claims: { appId: string; serviceUrl: string },
    options?: { forged?: boolean },
  ): Promise<string>;
  clear(): void;
  close(): Promise<void>;
}

/** A connector call as received, with the status the stand-in answered. */
export interface ConnectorRequest {
  kind: 'create-conversation' | 'send' | 'update';
  conversationId: string;
  activityId: string | undefined;
  status: number;
  /** Why it was refused: Teams' limits, an injected failure, or not at all. */
  refusal: 'app-limit' | 'conversation-limit' | 'injected' | null;
  /** performance.now() at arrival. */
  at: number;
  authorization: string | undefined;
  body: Record<string, unknown>;
}

/** Requests per second the stand-in allows, as Teams documents them (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit). */
export interface ConnectorLimits {
  /** Per app per tenant; `Infinity` turns the check off. */
  appPerSecond: number;
  perConversationPerSecond: number;
}

/** An injected failure: matching calls are refused, `count` times or a `share` of them (seeded, repeatable). */
export interface FailureRule {
  status: number;
  retryAfterSeconds?: number;
  conversationId?: string;
  kinds?: ConnectorRequest['kind'][];
  count?: number;
  share?: number;
}

/** One activity the bot sent to the connector. */
export interface RecordedActivity {
  /** The id the stand-in answered with. */
  id: string;
  conversationId: string;
  /** Set for `POST .../activities/{activityId}` (reply to an activity), absent for a new message. */
  replyToActivityId: string | undefined;
  authorization: string | undefined;
  activity: Record<string, unknown>;
}

/** The issuer Bot Framework channel tokens carry. */
export const CHANNEL_TOKEN_ISSUER = 'https://api.botframework.com';

const ACTIVITY_ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;
const WINDOW_MS = 1000;

/** A small seeded generator so injected shares are the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Arrival times in a sliding one-second window. */
class SlidingWindow {
  private readonly times: number[] = [];
  count(now: number): number {
    while (this.times.length > 0 && (this.times[0] as number) <= now - WINDOW_MS) this.times.shift();
    return this.times.length;
  }
  add(now: number): void {
    this.times.push(now);
  }
  reset(): void {
    this.times.length = 0;
  }
}

function peakOf(times: number[]): number {
  let peak = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while ((times[end] as number) - (times[start] as number) >= WINDOW_MS) start++;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function signingKeys() {
  const kid = `stand-in-${randomUUID()}`;
  const genuine = await generateKeyPair('RS256');
  const forged = await generateKeyPair('RS256');
  // Teams' keys carry endorsements naming the channels they may sign for; botbuilder checks them.
  const jwk = { ...(await exportJWK(genuine.publicKey)), kid, use: 'sig', endorsements: ['msteams'] };
  return { kid, genuine: genuine.privateKey, forged: forged.privateKey, jwk };
}

type ConnectorCall = Pick<ConnectorRequest, 'kind' | 'conversationId' | 'activityId'>;

function connectorCall(
  method: string | undefined,
  path: string,
  body: Record<string, unknown>,
): ConnectorCall | null {
  if (method === 'POST' && path === '/v3/conversations') {
    const member = (body.members as { id?: string }[] | undefined)?.[0]?.id ?? 'unknown';
    // Teams answers the same 1:1 conversation for the same user every time.
    return { kind: 'create-conversation', conversationId: `a:personal-${member}`, activityId: undefined };
  }
  const route = ACTIVITY_ROUTE.exec(path);
  if (!route?.[1]) return null;
  const conversationId = decodeURIComponent(route[1]);
  const activityId = route[2] === undefined ? undefined : decodeURIComponent(route[2]);
  if (method === 'POST') return { kind: 'send', conversationId, activityId };
  if (method === 'PUT' && activityId) return { kind: 'update', conversationId, activityId };
  return null;
}

/** Starts the stand-in on a free loopback port; `limits` default to Teams' 50/s per app and 7/s per conversation. */
export async function startBotConnectorStandIn(
  options: { limits?: Partial<ConnectorLimits>; seed?: number } = {},
): Promise<BotConnectorStandIn> {
  const keys = await signingKeys();
  const activities: RecordedActivity[] = [];
  const unhandled: { method: string; path: string }[] = [];
  const requests: ConnectorRequest[] = [];
  const limits: ConnectorLimits = { appPerSecond: 50, perConversationPerSecond: 7, ...options.limits };
  const failures: Array<FailureRule & { used: number }> = [];
  const random = seeded(options.seed ?? 42);
  let latencyMs = 0;
  const appWindow = new SlidingWindow();
  const conversationWindows = new Map<string, SlidingWindow>();
  let origin = '';

  function refusal(
    call: ConnectorCall,
    at: number,
  ): { status: number; retryAfter?: number; why: ConnectorRequest['refusal'] } | null {
    const window = conversationWindows.get(call.conversationId) ?? new SlidingWindow();
    conversationWindows.set(call.conversationId, window);
    const overApp = appWindow.count(at) >= limits.appPerSecond;
    const overConversation = window.count(at) >= limits.perConversationPerSecond;
    appWindow.add(at);
    window.add(at);
    if (overApp) return { status: 429, retryAfter: 1, why: 'app-limit' };
    if (overConversation) return { status: 429, retryAfter: 1, why: 'conversation-limit' };
    for (const rule of failures) {
      if (rule.conversationId !== undefined && rule.conversationId !== call.conversationId) continue;
      if (rule.kinds && !rule.kinds.includes(call.kind)) continue;
      if (rule.count !== undefined && rule.used >= rule.count) continue;
      if (rule.share !== undefined && random() >= rule.share) continue;
      rule.used += 1;
      return {
        status: rule.status,
        ...(rule.retryAfterSeconds === undefined ? {} : { retryAfter: rule.retryAfterSeconds }),
        why: 'injected',
      };
    }
    return null;
  }

  function answerCall(
    req: IncomingMessage,
    res: ServerResponse,
    call: ConnectorCall,
    body: Record<string, unknown>,
    at: number,
  ): void {
    const refused = refusal(call, at);
    const id = call.kind === 'update' ? (call.activityId as string) : randomUUID();
    const status = refused?.status ?? (call.kind === 'update' ? 200 : 201);
    requests.push({
      ...call,
      status,
      refusal: refused?.why ?? null,
      at,
      authorization: req.headers.authorization,
      body,
    });
    if (!refused && call.kind === 'send')
      activities.push({
        id,
        conversationId: call.conversationId,
        replyToActivityId: call.activityId,
        authorization: req.headers.authorization,
        activity: body,
      });
    setTimeout(() => {
      if (refused) {
        if (refused.retryAfter !== undefined) res.setHeader('retry-after', String(refused.retryAfter));
        send(res, refused.status, {
          error: {
            code: refused.status === 429 ? 'TooManyRequests' : 'ServiceError',
            message: 'Refused by the connector stand-in.',
          },
        });
      } else send(res, status, { id: call.kind === 'create-conversation' ? call.conversationId : id });
    }, latencyMs);
  }

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const at = performance.now();
    if (req.method === 'POST' || req.method === 'PUT') {
      readJson(req).then(
        (body) => {
          const call = connectorCall(req.method, path, body as Record<string, unknown>);
          if (call) return answerCall(req, res, call, body as Record<string, unknown>, at);
          unhandled.push({ method: req.method ?? '?', path });
          send(res, 404, {
            error: { code: 'NotFound', message: 'Unknown route in the connector stand-in.' },
          });
        },
        () => send(res, 400, { error: { code: 'BadSyntax', message: 'The body is not JSON.' } }),
      );
      return;
    }
    if (req.method === 'GET' && path === '/v1/.well-known/openidconfiguration') {
      send(res, 200, {
        issuer: CHANNEL_TOKEN_ISSUER,
        jwks_uri: `${origin}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
      });
      return;
    }
    if (req.method === 'GET' && path === '/v1/.well-known/keys') {
      send(res, 200, { keys: [keys.jwk] });
      return;
    }
    unhandled.push({ method: req.method ?? '?', path });
    send(res, 404, { error: { code: 'NotFound', message: 'Unknown route in the connector stand-in.' } });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/`,
    openIdMetadataUrl: `${origin}/v1/.well-known/openidconfiguration`,
    activities,
    unhandled,
    requests,
    limits,
    addFailure: (rule) => {
      failures.push({ ...rule, used: 0 });
    },
    setLatency: (ms) => {
      latencyMs = ms;
    },
    peakPerSecond: () => {
      const times = requests.map((r) => r.at).sort((a, b) => a - b);
      const byConversation = new Map<string, number[]>();
      for (const r of requests)
        byConversation.set(r.conversationId, [...(byConversation.get(r.conversationId) ?? []), r.at]);
      const conversation = Math.max(
        0,
        ...[...byConversation.values()].map((list) => peakOf(list.sort((a, b) => a - b))),
      );
      return { app: peakOf(times), conversation };
    },
    issueChannelToken: ({ appId, serviceUrl }, options = {}) =>
      new SignJWT({ serviceurl: serviceUrl })
        .setProtectedHeader({ alg: 'RS256', kid: keys.kid, typ: 'JWT' })
        .setIssuer(CHANNEL_TOKEN_ISSUER)
        .setAudience(appId)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(options.forged ? keys.forged : keys.genuine),
    clear: () => {
      activities.length = 0;
      unhandled.length = 0;
      requests.length = 0;
      failures.length = 0;
      latencyMs = 0;
      appWindow.reset();
      conversationWindows.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
