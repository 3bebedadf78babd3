import type { CookieOptions } from 'express';
import type { z } from 'zod';
import type { Principal } from '../identity/principal.js';

/** What a handler may do to the response besides returning its result. */
export interface ResponseControl {
  setCookie(name: string, value: string, options: CookieOptions): void;
  clearCookie(name: string, options: CookieOptions): void;
}

/** Who asks and from where; the handler passes it to the one service it calls. */
export interface RequestContext<P extends Principal | null> {
  principal: P;
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
> {
  operationId: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI-style path below /api/v1, e.g. `/networks/{networkId}`. */
  path: string;
  summary: string;
  tags: string[];
  access: A;
  params?: Params;
  query?: Query;
  body?: Body;
  response: { status: 200 | 201 | 204; description: string; schema?: Result };
  handle(
    input: { params: z.output<Params>; query: z.output<Query>; body: z.output<Body> },
    context: RequestContext<PrincipalFor<A>>,
  ): Promise<z.input<Result> | undefined>;
}

/** Declares a route with full type inference of its schemas and principal in the handler. */
export function defineRoute<
  Params extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
  Result extends z.ZodType = z.ZodType,
>(route: ApiRoute<'signed-in', Params, Query, Body, Result>): AnyApiRoute;
export function defineRoute<
  Params extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
  Result extends z.ZodType = z.ZodType,
>(route: ApiRoute<'public', Params, Query, Body, Result>): AnyApiRoute;
export function defineRoute(route: AnyApiRoute): AnyApiRoute {
  return route;
}

// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous list of routes
export type AnyApiRoute = ApiRoute<any, any, any, any, any>;
