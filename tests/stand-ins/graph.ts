import { randomUUID } from 'node:crypto';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { graphError } from './graph-wire.js';

/**
 * A loopback stand-in for the Microsoft Graph v1.0 `/users` endpoints, answering in Graph's wire
 * format: OData collections, `$search` as an advanced query (refused without `ConsistencyLevel:
 * eventual`), `$select`, `$top`, `$count`, Graph error bodies, and injectable 429/503/504 answers
 * with Retry-After. It records every request with its headers.
 * With `tenantOf`, it serves several tenants as Graph does: the bearer token names its tenant (`tid`), and a
 * token sees only its own tenant's users (`tenantUsers`); a tenant in `deniedTenants` answers 403
 * `Authorization_RequestDenied` (consented without a directory permission), and failures can be aimed at one
 * tenant (`failNextFor`).
 */
export interface GraphStandIn {
  /** `http://127.0.0.1:<port>/v1.0`: the value for GRAPH_BASE_URL. */
  baseUrl: string;
  /** `http://127.0.0.1:<port>`: the resource Graph tokens must be issued for. */
  origin: string;
  requests: RecordedGraphRequest[];
  /** The directory's users; tests may change it. */
  users: GraphUser[];
  /** Answers the next `count` requests with `status` (and Retry-After when given) instead of serving them. */
  failNext(count: number, status: 429 | 503 | 504, retryAfterSeconds?: number): void;
  /** Users per tenant, when the stand-in serves several tenants (see `tenantOf`); tests may change them. */
  tenantUsers: Map<string, GraphUser[]>;
  /** Tenants whose token is valid but lacks the directory permission (403); tests may change it. */
  deniedTenants: Set<string>;
  /** As {@link failNext}, for the next `count` requests with a token of `tenantId` only. */
  failNextFor(
    tenantId: string,
    count: number,
    status: 429 | 500 | 503 | 504,
    retryAfterSeconds?: number,
  ): void;
  close(): Promise<void>;
}

/** One request as the stand-in saw it, with the status it answered. */
export interface RecordedGraphRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  status: number;
  at: number;
  /** The tenant of the bearer token, when the stand-in serves several (null otherwise or when refused). */
  tenantId: string | null;
}

/** A user as Graph stores it (the properties the stand-in serves). */
export interface GraphUser {
  id: string;
  displayName: string | null;
  mail: string | null;
  jobTitle: string | null;
  department: string | null;
  userPrincipalName: string;
  mobilePhone: string | null;
  /** Graph always answers a collection here, empty when there is none. */
  businessPhones: string[];
}

const DEFAULT_USER_PROPERTIES = ['id', 'displayName', 'mail', 'jobTitle', 'userPrincipalName'] as const;
const FAILURE_CODES = {
  429: 'TooManyRequests',
  500: 'generalException',
  503: 'serviceNotAvailable',
  504: 'UnknownError',
} as const;
const FAILURE_MESSAGES = {
  429: 'Too many requests.',
  500: 'An unexpected error occurred.',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
} as const;
type Failure = { status: 429 | 500 | 503 | 504; retryAfterSeconds?: number };

type Answer = { status: number; body: unknown; headers?: Record<string, string> };

/** Splits text into Graph's search tokens: words, split on spaces, symbols and lower-to-upper case changes. */
function searchTokens(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((token) => token.toLowerCase());
}

/** Parses one `"property:text"` clause with backslash escapes, as Graph's `$search` grammar has it. */
function parseSearchClause(search: string): { property: string; text: string } | null {
  const match = /^"((?:[^"\\]|\\.)*)"$/.exec(search);
  if (!match?.[1]) return null;
  const clause = match[1].replace(/\\(.)/g, '$1');
  const colon = clause.indexOf(':');
  return colon > 0 ? { property: clause.slice(0, colon), text: clause.slice(colon + 1) } : null;
}

function matchesSearch(user: GraphUser, property: string, text: string): boolean {
  if (property === 'displayName') {
    const nameTokens = searchTokens(user.displayName ?? '');
    return searchTokens(text).every((wanted) => nameTokens.some((token) => token.startsWith(wanted)));
  }
  const value = user[property as keyof GraphUser];
  return typeof value === 'string' && value.toLowerCase().startsWith(text.toLowerCase());
}

function project(user: GraphUser, select: string[] | null): Record<string, unknown> {
  const fields = select ?? [...DEFAULT_USER_PROPERTIES];
  return Object.fromEntries(fields.map((field) => [field, user[field as keyof GraphUser] ?? null]));
}

function selectOf(query: URLSearchParams): string[] | null {
  const select = query.get('$select');
  return select ? select.split(',').map((field) => field.trim()) : null;
}

/** Starts the stand-in; `isValidToken` decides which bearer tokens Graph accepts. */
export async function startGraphStandIn(options: {
  users: GraphUser[];
  isValidToken: (token: string) => Promise<boolean>;
  /** Serve several tenants: the tenant a valid token was issued by, or null when Graph must refuse it. */
  tenantOf?: (token: string, audience: string) => Promise<string | null>;
}): Promise<GraphStandIn> {
  const requests: RecordedGraphRequest[] = [];
  const failures: Failure[] = [];
  const tenantFailures = new Map<string, Failure[]>();
  let origin = '';

  function failureAnswer(failure: Failure): Answer {
    const answer = graphError(
      failure.status,
      FAILURE_CODES[failure.status],
      FAILURE_MESSAGES[failure.status],
    );
    const retryAfter = failure.retryAfterSeconds;
    return retryAfter === undefined ? answer : { ...answer, headers: { 'Retry-After': String(retryAfter) } };
  }

  /** The users a request may see: its token's tenant's when several are served, else the one directory. */
  function visibleUsers(tenantId: string | null): GraphUser[] {
    return options.tenantOf ? (standIn.tenantUsers.get(tenantId ?? '') ?? []) : standIn.users;
  }

  function listUsers(query: URLSearchParams, headers: IncomingHttpHeaders, tenantId: string | null): Answer {
    const select = selectOf(query);
    let users = visibleUsers(tenantId);
    const search = query.get('$search');
    if (search !== null) {
      if (headers.consistencylevel !== 'eventual') {
        return graphError(
          400,
          'Request_UnsupportedQuery',
          "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
        );
      }
      const clause = parseSearchClause(search);
      if (!clause)
        return graphError(
          400,
          'Request_UnsupportedQuery',
          "Syntax error: character '\"' is not valid at position 0 in '$search'.",
        );
      users = users.filter((user) => matchesSearch(user, clause.property, clause.text));
    }
    const top = Number(query.get('$top') ?? '100');
    return {
      status: 200,
      body: {
        '@odata.context': `${origin}/v1.0/$metadata#users(${(select ?? DEFAULT_USER_PROPERTIES).join(',')})`,
        ...(query.get('$count') === 'true' ? { '@odata.count': users.length } : {}),
        value: users.slice(0, top).map((user) => project(user, select)),
      },
    };
  }

  function getUser(id: string, query: URLSearchParams, tenantId: string | null): Answer {
    const user = visibleUsers(tenantId).find(
      (candidate) => candidate.id === id || candidate.userPrincipalName === id,
    );
    if (!user) {
      return graphError(
        404,
        'Request_ResourceNotFound',
        `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
      );
    }
    const select = selectOf(query);
    return {
      status: 200,
      body: {
        '@odata.context': `${origin}/v1.0/$metadata#users(${(select ?? DEFAULT_USER_PROPERTIES).join(',')})/$entity`,
        ...project(user, select),
      },
    };
  }

  async function route(req: IncomingMessage, url: URL, record: RecordedGraphRequest): Promise<Answer> {
    const failure = failures.shift();
    if (failure) return failureAnswer(failure);
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer) return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    const tenantId = options.tenantOf ? await options.tenantOf(bearer, origin) : null;
    if (options.tenantOf ? tenantId === null : !(await options.isValidToken(bearer))) {
      return graphError(
        401,
        'InvalidAuthenticationToken',
        'Access token validation failure. Invalid audience.',
      );
    }
    record.tenantId = tenantId;
    const tenantFailure = tenantId ? tenantFailures.get(tenantId)?.shift() : undefined;
    if (tenantFailure) return failureAnswer(tenantFailure);
    if (tenantId && standIn.deniedTenants.has(tenantId))
      return graphError(
        403,
        'Authorization_RequestDenied',
        'Insufficient privileges to complete the operation.',
      );
    if (req.method !== 'GET')
      return graphError(
        405,
        'Request_BadRequest',
        'Specified HTTP method is not allowed for the request target.',
      );
    if (url.pathname === '/v1.0/users') return listUsers(url.searchParams, req.headers, tenantId);
    const single = /^\/v1\.0\/users\/([^/]+)$/.exec(url.pathname);
    if (single?.[1]) return getUser(decodeURIComponent(single[1]), url.searchParams, tenantId);
    const segment = url.pathname.split('/')[2] ?? '';
    return graphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`);
  }

  function send(res: ServerResponse, answer: Answer): void {
    res.writeHead(answer.status, {
      'content-type':
        'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8',
      'request-id': randomUUID(),
      ...answer.headers,
    });
    res.end(JSON.stringify(answer.body));
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    const record: RecordedGraphRequest = {
      method: req.method ?? '',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      status: 0,
      at: Date.now(),
      tenantId: null,
    };
    requests.push(record);
    route(req, url, record).then(
      (answer) => {
        record.status = answer.status;
        send(res, answer);
      },
      () => send(res, graphError(500, 'generalException', 'An unexpected error occurred.')),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const standIn: GraphStandIn = {
    baseUrl: `${origin}/v1.0`,
    origin,
    requests,
    users: options.users,
    tenantUsers: new Map(),
    deniedTenants: new Set(),
    failNext(count, status, retryAfterSeconds) {
      for (let i = 0; i < count; i += 1)
        failures.push({ status, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) });
    },
    failNextFor(tenantId, count, status, retryAfterSeconds) {
      const queue = tenantFailures.get(tenantId) ?? [];
      for (let i = 0; i < count; i += 1)
        queue.push({ status, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) });
      tenantFailures.set(tenantId, queue);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return standIn;
}
