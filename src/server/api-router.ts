import { parse as parseCookies } from 'cookie';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { z } from 'zod';
import { DomainError, type FieldError } from '../shared/errors.js';
import type { AnyApiRoute, RequestContext } from './api-route.js';
import type { AppDeps } from './deps.js';
import { API_VERSION } from './openapi.js';

/** JSON bodies above this are refused with 413 before any handler runs. */
export const API_BODY_LIMIT = '100kb';

function toExpressPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

function fieldErrors(location: string, error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: [location, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

function parsePart(
  location: string,
  schema: z.ZodType | undefined,
  value: unknown,
): { value: unknown; errors: FieldError[] } {
  if (!schema) return { value: undefined, errors: [] };
  const result = schema.safeParse(value);
  return result.success
    ? { value: result.data, errors: [] }
    : { value: undefined, errors: fieldErrors(location, result.error) };
}

function requestContext(
  req: Request,
  res: Response,
  cookies: Record<string, string>,
): Omit<RequestContext<null>, 'principal'> {
  return {
    requestId: String(req.id ?? ''),
    clientAddress: req.ip,
    cookies,
    response: {
      setCookie: (name, value, options) => res.cookie(name, value, options),
      clearCookie: (name, options) => res.clearCookie(name, options),
    },
  };
}

function handlerFor(route: AnyApiRoute, deps: AppDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    if (route.body && req.headers['content-length'] !== '0' && !req.is('application/json')) {
      throw new DomainError('unsupported-media-type', 'Send the request body as application/json.');
    }
    const cookies = parseCookies(req.headers.cookie ?? '') as Record<string, string>;
    const principal = await deps.authenticate({ authorization: req.headers.authorization, cookies });
    if (route.access === 'signed-in' && !principal) {
      throw new DomainError('unauthenticated', 'Sign in to use this part of the API.');
    }
    const params = parsePart('path', route.params, req.params);
    const query = parsePart('query', route.query, req.query);
    const body = parsePart('body', route.body, req.body);
    const errors = [...params.errors, ...query.errors, ...body.errors];
    if (errors.length > 0)
      throw new DomainError('validation-failed', 'One or more fields are not valid.', errors);

    const context = { ...requestContext(req, res, cookies), principal };
    const result = await route.handle(
      { params: params.value, query: query.value, body: body.value },
      context,
    );
    const output = route.response.schema ? route.response.schema.parse(result) : undefined;
    res.status(route.response.status);
    if (output === undefined) res.end();
    else res.json(output);
  };
}

/** Mounts the declared routes on a router: version header, JSON parsing, auth, validation, handler. */
export function buildApiRouter(routes: AnyApiRoute[], deps: AppDeps): Router {
  const router = express.Router();
  router.use((_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('API-Version', API_VERSION);
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  router.use(express.json({ limit: API_BODY_LIMIT, strict: true }));
  for (const route of routes) {
    router[route.method](toExpressPath(route.path), handlerFor(route, deps));
  }
  router.use((req: Request) => {
    throw new DomainError('not-found', `There is no ${req.method} ${req.baseUrl}${req.path} in this API.`);
  });
  return router;
}
