import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type GraphAnswer, graphError, readGraphBody } from './graph-wire.js';

/**
 * A loopback stand-in for Microsoft Graph v1.0 app installation in a user's personal scope, in Graph's wire
 * format (https://learn.microsoft.com/graph/api/userteamwork-post-installedapps):
 * - `POST /users/{id}/teamwork/installedApps` with `{"teamsApp@odata.bind": "{base}/appCatalogs/teamsApps/{app}"}`:
 *   201 with an empty body; 409 `Conflict` when the app is already installed for the user; 404 for an unknown
 *   user or catalog app; 403 for users the tenant's policy keeps the app from; 400 for a malformed body;
 * - `GET /users/{id}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '{app}'`: the OData list;
 * - `GET /users/{id}/teamwork/installedApps/{installation}/chat`: the 1:1 chat between the user and the bot.
 * 401 for a wrong bearer token; injectable 429/503 with Retry-After. Every request is recorded.
 */
export interface GraphAppInstallStandIn {
  baseUrl: string;
  origin: string;
  requests: RecordedInstallRequest[];
  /** Users (Entra object ids) the directory knows; others answer 404. */
  users: Set<string>;
  /** Users for whom the tenant's app permission policy blocks the app: the install answers 403. */
  forbidden: Set<string>;
  /** Installs the app for a user beforehand (as if they or an admin had), so the POST answers 409. */
  preinstall(userId: string): void;
  /** The chat id Graph answers for a user's installation. */
  chatIdOf(userId: string): string;
  /** Answers the next `count` requests with `status` (and Retry-After when given) instead of serving them. */
  failNext(count: number, status: 429 | 503, retryAfterSeconds?: number): void;
  close(): Promise<void>;
}

export interface RecordedInstallRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
  status: number;
  /** Date.now() at arrival. */
  at: number;
}

type Answer = GraphAnswer;

const INSTALLED_APPS = /^\/v1\.0\/users\/([^/]+)\/teamwork\/installedApps$/;
const INSTALLATION_CHAT = /^\/v1\.0\/users\/([^/]+)\/teamwork\/installedApps\/([^/]+)\/chat$/;
const FILTER_BY_APP = /^teamsApp\/id eq '((?:[^']|'')*)'$/;

/** Starts the stand-in with one app in the catalog (`catalogAppId`) whose bot is `botAppId`. */
export async function startGraphAppInstallStandIn(options: {
  token: string;
  catalogAppId: string;
  botAppId: string;
  users: Iterable<string>;
}): Promise<GraphAppInstallStandIn> {
  const failures: { status: 429 | 503; retryAfterSeconds?: number }[] = [];
  /** Installation id (Graph's base64 of `{user}##{app}`) per user with the app installed. */
  const installed = new Map<string, string>();
  let origin = '';
  const installationIdOf = (userId: string) =>
    Buffer.from(`${userId}##${options.catalogAppId}`).toString('base64');
  const chatIdOf = (userId: string) => `19:${userId}_${options.botAppId}@unq.gbl.spaces`;

  function install(userId: string, body: unknown): Answer {
    const bind = (body as Record<string, unknown> | undefined)?.['teamsApp@odata.bind'];
    if (typeof bind !== 'string') return graphError(400, 'BadRequest', 'Bind property teamsApp is required.');
    const prefix = `${origin}/v1.0/appCatalogs/teamsApps/`;
    if (!bind.startsWith(prefix) || decodeURIComponent(bind.slice(prefix.length)) !== options.catalogAppId)
      return graphError(404, 'NotFound', 'The app was not found in the catalog.');
    if (!standIn.users.has(userId)) return graphError(404, 'NotFound', `User '${userId}' was not found.`);
    if (standIn.forbidden.has(userId))
      return graphError(403, 'Forbidden', 'The app is blocked for this user by the tenant app policy.');
    if (installed.has(userId))
      return graphError(409, 'Conflict', 'The app is already installed for this user.');
    installed.set(userId, installationIdOf(userId));
    return { status: 201 };
  }

  function list(userId: string, query: URLSearchParams): Answer {
    if (!standIn.users.has(userId)) return graphError(404, 'NotFound', `User '${userId}' was not found.`);
    const filter = query.get('$filter');
    const match = filter === null ? null : FILTER_BY_APP.exec(filter);
    if (filter !== null && !match)
      return graphError(400, 'BadRequest', `Invalid filter clause: ${filter.slice(0, 80)}`);
    const wanted = match?.[1]?.replace(/''/g, "'");
    const installation = installed.get(userId);
    const apps =
      installation && (wanted === undefined || wanted === options.catalogAppId)
        ? [{ id: installation, teamsAppId: options.catalogAppId }]
        : [];
    const expand = query.get('$expand') === 'teamsApp';
    return {
      status: 200,
      body: {
        '@odata.context': `${origin}/v1.0/$metadata#users('${userId}')/teamwork/installedApps`,
        value: apps.map((app) => ({
          id: app.id,
          ...(expand
            ? {
                teamsApp: {
                  id: app.teamsAppId,
                  externalId: null,
                  displayName: 'Bondgenoten',
                  distributionMethod: 'organization',
                },
              }
            : {}),
        })),
      },
    };
  }

  function chat(userId: string, installationId: string): Answer {
    if (installed.get(userId) !== installationId)
      return graphError(404, 'NotFound', 'The app installation was not found.');
    const now = new Date().toISOString();
    return {
      status: 200,
      body: {
        '@odata.context': `${origin}/v1.0/$metadata#chats/$entity`,
        id: chatIdOf(userId),
        topic: null,
        createdDateTime: now,
        lastUpdatedDateTime: now,
        chatType: 'oneOnOne',
        webUrl: `https://teams.microsoft.com/l/chat/${encodeURIComponent(chatIdOf(userId))}/0`,
        tenantId: null,
      },
    };
  }

  function route(req: IncomingMessage, url: URL, body: unknown): Answer {
    const failure = failures.shift();
    if (failure) {
      const answer = graphError(
        failure.status,
        failure.status === 429 ? 'TooManyRequests' : 'serviceNotAvailable',
        'Try again later.',
      );
      return failure.retryAfterSeconds === undefined
        ? answer
        : { ...answer, headers: { 'Retry-After': String(failure.retryAfterSeconds) } };
    }
    if (req.headers.authorization !== `Bearer ${options.token}`)
      return graphError(401, 'InvalidAuthenticationToken', 'Access token validation failure.');
    const apps = INSTALLED_APPS.exec(url.pathname);
    if (apps?.[1]) {
      const userId = decodeURIComponent(apps[1]);
      if (req.method === 'POST') return install(userId, body);
      if (req.method === 'GET') return list(userId, url.searchParams);
    }
    const chatRoute = INSTALLATION_CHAT.exec(url.pathname);
    if (chatRoute?.[1] && chatRoute[2] && req.method === 'GET')
      return chat(decodeURIComponent(chatRoute[1]), decodeURIComponent(chatRoute[2]));
    return graphError(400, 'BadRequest', `Resource not found for the segment '${url.pathname}'.`);
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    readGraphBody(req).then((body) => {
      const answer = route(req, url, body);
      standIn.requests.push({
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
        status: answer.status,
        at: Date.now(),
      });
      res.writeHead(answer.status, {
        ...(answer.body === undefined ? {} : { 'content-type': 'application/json;odata.metadata=minimal' }),
        'request-id': randomUUID(),
        ...answer.headers,
      });
      res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const standIn: GraphAppInstallStandIn = {
    baseUrl: `${origin}/v1.0`,
    origin,
    requests: [],
    users: new Set(options.users),
    forbidden: new Set(),
    preinstall: (userId) => {
      installed.set(userId, installationIdOf(userId));
    },
    chatIdOf,
    failNext(count, status, retryAfterSeconds) {
      for (let i = 0; i < count; i += 1)
        failures.push({ status, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return standIn;
}
