import { parse as parseCookies } from 'cookie';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { z } from 'zod';
import { DomainError, type FieldError } from '../errors.js';
import { unstorableText } from '../unstorable-text.js';
import type { AnyRoute, RequestContext, RequestOrigin, RouteKitTypes } from './api-route.js';
import { isCrossSiteWrite } from './cross-site.js';
import { API_VERSION } from './openapi.js';
import { refusalObject, safeObject } from './refusal-object.js';
import { ValidatedJson } from './validated-json.js';
import { zodFieldErrors } from './zod-field-errors.js';

/** The answer of the permission check: the caller's roles, or what a refusal concerns and how to answer it. */
export type Authorisation<K extends RouteKitTypes> =
  | { allowed: true; access: K['access'] }
  | { allowed: false; objectType: string | null; objectId: string | null; answer: 'forbidden' | 'not-found' };

/**
 * What the router asks of the application (src/server/compose.ts hands these in), so the kit knows no
 * capability: who the caller is, whether they may, and where an audit row goes.
 */
export interface ApiHooks<K extends RouteKitTypes> {
  /** The app's own origin: writes from any other site are refused. */
  publicUrl: string;
  /** The caller from a bearer token or session cookie; null when anonymous; throws `unauthenticated`. */
  authenticate(
    credentials: { authorization: string | undefined; cookies: Record<string, string> },
    callerRead?: K['callerRead'],
  ): Promise<K['principal'] | null>;
  /** Decides the route's permission for this caller and these path parameters. */
  authorise(
    permission: K['permission'],
    principal: K['principal'],
    params: Record<string, string>,
  ): Promise<Authorisation<K>>;
  /** Appends one row to the audit trail. */
  audit(
    origin: RequestOrigin,
    action: string,
    object: { type: string; id: string } | null,
    result: 'success' | 'denied' | 'failed',
  ): Promise<void>;
}

/** JSON bodies above this are refused with 413 before any handler runs, unless a route sets `bodyLimit`. */
export const API_BODY_LIMIT = '100kb';

/** The tab marks its requests so the audit trail can tell the tab from other API clients. */
export const CLIENT_HEADER = 'x-bondgenoten-client';

function toExpressPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

function parsePart(
  location: string,
  schema: z.ZodType | undefined,
  value: unknown,
): { value: unknown; errors: FieldError[] } {
  if (!schema) return { value: undefined, errors: [] };
  const result = schema.safeParse(value, { reportInput: true });
  return result.success
    ? { value: result.data, errors: [] }
    : { value: undefined, errors: zodFieldErrors(location, result.error) };
}

function originOf(req: Request, principal: RouteKitTypes['principal'] | null): RequestOrigin {
  // A local session only ever comes from the tab (a plain download link cannot send the header).
  const fromTab = req.headers[CLIENT_HEADER] === 'tab' || principal?.method === 'local';
  const channel = fromTab ? 'tab' : 'api';
  return {
    actorUserId: principal?.userId ?? null,
    channel,
    clientAddress: req.ip ?? null,
    requestId: String(req.id ?? ''),
  };
}

/** Authenticates, auditing every failed sign-in and every refusal before rethrowing it. */
async function authenticateOrAudit<K extends RouteKitTypes>(
  route: AnyRoute<K>,
  req: Request,
  cookies: Record<string, string>,
  hooks: ApiHooks<K>,
): Promise<K['principal'] | null> {
  let principal: K['principal'] | null;
  try {
    principal = await hooks.authenticate(
      { authorization: req.headers.authorization, cookies },
      route.callerRead,
    );
  } catch (error) {
    if (error instanceof DomainError && error.code === 'unauthenticated') {
      await hooks.audit(originOf(req, null), 'auth.sign-in-failed', null, 'failed');
    }
    throw error;
  }
  if (route.access === 'signed-in' && !principal) {
    await hooks.audit(originOf(req, null), 'access.unauthenticated', null, 'denied');
    throw new DomainError('unauthenticated', 'Sign in to use this part of the API.');
  }
  return principal;
}

/** Checks the route's permission before any service runs; a refusal is audited and becomes 403 (or 404 where existence must not leak). */
async function authorise<K extends RouteKitTypes>(
  route: AnyRoute<K>,
  req: Request,
  principal: K['principal'],
  hooks: ApiHooks<K>,
): Promise<K['access']> {
  if (!route.permission) throw new Error(`route ${route.operationId} has no permission`);
  const decision = await hooks.authorise(route.permission, principal, req.params as Record<string, string>);
  if (!decision.allowed) {
    // A decision that names no object (an administrator-only route below /networks/{id}) still gets the
    // route's own object, so no refusal row names nothing.
    const object =
      safeObject(decision.objectType, decision.objectId) ?? refusalObject(route.path, req.params ?? {});
    await hooks.audit(originOf(req, principal), 'access.denied', object, 'denied');
    if (decision.answer === 'not-found')
      throw new DomainError('not-found', 'No such record in your networks.').markAudited();
    throw new DomainError('forbidden', 'Your roles do not allow this.').markAudited();
  }
  return decision.access;
}

/**
 * Text PostgreSQL cannot store is refused for every route at once, before the permission check (whose
 * resource lookups read path ids) and before any schema or service sees it.
 */
function refuseUnstorableText(req: Request, query: unknown): void {
  const unstorable = [
    ...unstorableText('path', req.params),
    ...unstorableText('query', query),
    ...unstorableText('body', req.body),
  ];
  if (unstorable.length > 0)
    throw new DomainError('validation-failed', 'One or more fields are not valid.', unstorable);
}

function validateInput<K extends RouteKitTypes>(route: AnyRoute<K>, req: Request, rawQuery: unknown) {
  const params = parsePart('path', route.params, req.params);
  const query = parsePart('query', route.query, rawQuery);
  const body = parsePart('body', route.body, req.body);
  const headers = parsePart('header', route.headers, req.headers);
  const errors = [...params.errors, ...query.errors, ...body.errors, ...headers.errors];
  if (errors.length > 0)
    throw new DomainError('validation-failed', 'One or more fields are not valid.', errors);
  return { params: params.value, query: query.value, body: body.value, headers: headers.value };
}

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

function send<K extends RouteKitTypes>(route: AnyRoute<K>, res: Response, result: unknown): void {
  res.status(route.response.status);
  if (route.response.format?.kind === 'pdf') {
    if (!Buffer.isBuffer(result)) throw new Error(`route ${route.operationId} returned no PDF buffer`);
    res.type('application/pdf');
    res.attachment(route.response.format.fileName);
    res.send(result);
    return;
  }
  if (route.response.format?.kind === 'csv') {
    // A handler may name the file per response ({ fileName, csv }); otherwise the route's name is used.
    const named = typeof result === 'object' && result !== null && 'csv' in result && 'fileName' in result;
    const file = named
      ? (result as { fileName: string; csv: string })
      : { fileName: route.response.format.fileName, csv: String(result) };
    res.type('text/csv; charset=utf-8');
    res.attachment(file.fileName);
    res.send(file.csv);
    return;
  }
  if (result instanceof ValidatedJson) {
    // Text a parse by this very schema produced (validated-json.ts); any other schema's text is a defect.
    if (!route.response.schema || result.schema !== route.response.schema)
      throw new Error(`route ${route.operationId} returned JSON validated by another schema`);
    res.setHeader('Content-Type', JSON_CONTENT_TYPE);
    res.end(result.text);
    return;
  }
  const output = route.response.schema ? route.response.schema.parse(result) : undefined;
  if (output === undefined) {
    res.end();
    return;
  }
  // Written directly rather than with res.json, which also hashes the body for an ETag and checks the
  // request's If-None-Match against it: every API answer is `Cache-Control: no-store`, so no client holds a
  // copy to revalidate, and the hash cost CPU on every response in proportion to its size. Node sets the
  // Content-Length (compression, when the body is large enough to be compressed, replaces it).
  res.setHeader('Content-Type', JSON_CONTENT_TYPE);
  res.end(JSON.stringify(output));
}

function handlerFor<K extends RouteKitTypes>(route: AnyRoute<K>, hooks: ApiHooks<K>) {
  return async (req: Request, res: Response): Promise<void> => {
    // First: a cross-site form post (text/plain) is the classic forgery and must be audited as one.
    if (isCrossSiteWrite(req, hooks.publicUrl)) {
      await hooks.audit(
        originOf(req, null),
        'access.cross-site-refused',
        refusalObject(route.path, req.params ?? {}),
        'denied',
      );
      throw new DomainError(
        'forbidden',
        'Changes are only accepted from the app itself, not from another site.',
      );
    }
    if (route.body && req.headers['content-length'] !== '0' && !req.is('application/json')) {
      throw new DomainError('unsupported-media-type', 'Send the request body as application/json.');
    }
    const cookies = parseCookies(req.headers.cookie ?? '') as Record<string, string>;
    const principal = await authenticateOrAudit(route, req, cookies, hooks);
    // Express parses the query string again on every read of req.query.
    const query: unknown = req.query;
    refuseUnstorableText(req, query);
    const access =
      principal && route.access === 'signed-in' ? await authorise(route, req, principal, hooks) : null;
    const input = validateInput(route, req, query);
    const origin = originOf(req, principal);
    const context: RequestContext<K, K['principal'] | null> = {
      principal,
      access,
      origin,
      requestId: origin.requestId ?? '',
      clientAddress: origin.clientAddress ?? undefined,
      cookies,
      response: {
        setCookie: (name, value, options) => res.cookie(name, value, options),
        clearCookie: (name, options) => res.clearCookie(name, options),
      },
    };
    send(route, res, await handleAuditingRefusals(route, req, input, context, hooks));
  };
}

/**
 * Runs the handler; a 403 or 404 a service raises (a call-out the caller may not see) is a refusal like
 * the router's own, so it gets the same `access.denied` row here, in one place, unless the service wrote
 * a row of its own.
 */
async function handleAuditingRefusals<K extends RouteKitTypes>(
  route: AnyRoute<K>,
  req: Request,
  input: Parameters<AnyRoute<K>['handle']>[0],
  context: RequestContext<K, K['principal'] | null>,
  hooks: ApiHooks<K>,
): Promise<unknown> {
  try {
    return await route.handle(input, context);
  } catch (error) {
    const refusal =
      error instanceof DomainError &&
      (error.code === 'forbidden' || error.code === 'not-found') &&
      !error.refusalAudited;
    if (refusal) {
      const object = refusalObject(route.path, req.params ?? {});
      await hooks.audit(context.origin, 'access.denied', object, 'denied');
      error.markAudited();
    }
    throw error;
  }
}

/** Mounts the declared routes on a router: version header, JSON parsing, auth, permission, validation, handler. */
export function buildApiRouter<K extends RouteKitTypes>(routes: AnyRoute<K>[], hooks: ApiHooks<K>): Router {
  const router = express.Router();
  router.use((_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('API-Version', API_VERSION);
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  for (const route of routes) {
    if (route.access === 'signed-in' && !route.permission) {
      throw new Error(`Route ${route.operationId} is signed-in but declares no permission`);
    }
    if (route.method === 'get' && route.body)
      throw new Error(`Route ${route.operationId} is a GET with a body`);
    const path = toExpressPath(route.path);
    // A GET takes no body (none declares one): its requests skip the parser. Every other method parses, so
    // malformed JSON is refused with 400 even where the route reads no body.
    if (route.method === 'get') router.get(path, handlerFor(route, hooks));
    else
      router[route.method](
        path,
        express.json({ limit: route.bodyLimit ?? API_BODY_LIMIT, strict: true }),
        handlerFor(route, hooks),
      );
  }
  router.use((req: Request) => {
    throw new DomainError('not-found', `There is no ${req.method} ${req.baseUrl}${req.path} in this API.`);
  });
  return router;
}
