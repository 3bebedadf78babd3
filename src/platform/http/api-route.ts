import type { CookieOptions } from 'express';
import type { z } from 'zod';
import type { AuditOrigin } from '../../audit/audit-origin.js';
import type { AccessProfile } from '../../identity/access.js';
import type { Permission } from '../../identity/permissions.js';
import type { Principal } from '../../identity/principal.js';

/** What a handler may do to the response besides returning its result. */
export interface ResponseControl {
  setCookie(name: string, value: string, options: CookieOptions): void;
  clearCookie(name: string, options: CookieOptions): void;
}

/** Who asks and from where; the handler passes it to the one service it calls. */
export interface RequestContext<P extends Principal | null> {
  principal: P;
  /** The caller's roles, loaded before the permission check; null for anonymous callers. */
  access: P extends Principal ? AccessProfile : AccessProfile | null;
  /** Actor, channel, address and request id for the audit rows the service writes. */
  origin: AuditOrigin;
  requestId: string;
  clientAddress: string | undefined;
  cookies: Record<string, string>;
  response: ResponseControl;
}

type Access = 'public' | 'signed-in';
type PrincipalFor<A extends Access> = A extends 'signed-in' ? Principal : Principal | null;

/**
 * One `/api/v1` operation, declared once: its zod schemas validate the request at run time and
 * generate the OpenAPI document, so the two cannot drift apart.
 */
export interface ApiRoute<
  A extends Access = Access,
  Params extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
  Result extends z.ZodType = z.ZodType,
  Headers extends z.ZodType = z.ZodType,
> {
  operationId: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI-style path below /api/v1, e.g. `/networks/{networkId}`. */
  path: string;
  summary: string;
  tags: string[];
  access: A;
  /** Required for signed-in routes: what the caller must hold (see identity/permissions.ts). */
  permission?: Permission;
  /** A larger JSON body limit than the API's 100 kB (express/bytes syntax, e.g. '1mb'), for uploads. */
  bodyLimit?: string;
  params?: Params;
  query?: Query;
  body?: Body;
  /** Request headers the route reads, an object schema with lower-case names (e.g. `idempotency-key`). */
  headers?: Headers;
  response: {
    status: 200 | 201 | 204;
    description: string;
    schema?: Result;
    /**
     * `csv`: the handler returns the CSV text, sent as text/csv with `fileName` as attachment.
     * `pdf`: the handler returns the document as a Buffer, sent as application/pdf with `fileName` as attachment.
     */
    format?: { kind: 'csv'; fileName: string } | { kind: 'pdf'; fileName: string };
  };
  handle(
    input: {
      params: z.output<Params>;
      query: z.output<Query>;
      body: z.output<Body>;
      headers: z.output<Headers>;
    },
    context: RequestContext<PrincipalFor<A>>,
  ): Promise<z.input<Result> | undefined>;
}

/** Declares a route with full type inference of its schemas and principal in the handler. */
export function defineRoute<
  Params extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
  Result extends z.ZodType = z.ZodType,
  Headers extends z.ZodType = z.ZodType,
>(
  route: ApiRoute<'signed-in', Params, Query, Body, Result, Headers> & { permission: Permission },
): AnyApiRoute;
export function defineRoute<
  Params extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
  Result extends z.ZodType = z.ZodType,
  Headers extends z.ZodType = z.ZodType,
>(route: ApiRoute<'public', Params, Query, Body, Result, Headers>): AnyApiRoute;
export function defineRoute(route: AnyApiRoute): AnyApiRoute {
  return route;
}

// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous list of routes
export type AnyApiRoute = ApiRoute<any, any, any, any, any, any>;
