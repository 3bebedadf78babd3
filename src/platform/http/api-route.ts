import type { CookieOptions } from 'express';
import type { z } from 'zod';
import type { ValidatedJson } from './validated-json.js';

/**
 * The application's own types the route kit carries without knowing them (platform imports no capability):
 * who the caller is, what roles they hold and what a route demands. identity binds them
 * (src/identity/api-route.ts); the router needs only the principal's user id and sign-in method.
 */
export interface RouteKitTypes {
  principal: { userId: string; method: string };
  access: unknown;
  permission: unknown;
  /** A read about the caller that a route asks to be made with the authentication (see `ApiRoute.callerRead`). */
  callerRead?: unknown;
}

/** What a handler may do to the response besides returning its result. */
export interface ResponseControl {
  setCookie(name: string, value: string, options: CookieOptions): void;
  clearCookie(name: string, options: CookieOptions): void;
}

/** Actor, channel, address and request id of an API request, for the audit rows its service writes. */
export interface RequestOrigin {
  actorUserId: string | null;
  channel: 'tab' | 'api';
  clientAddress: string | null;
  requestId: string | null;
}

/** Who asks and from where; the handler passes it to the one service it calls. */
export interface RequestContext<K extends RouteKitTypes, P extends K['principal'] | null> {
  principal: P;
  /** The caller's roles, loaded before the permission check; null for anonymous callers. */
  access: null extends P ? K['access'] | null : K['access'];
  /** Actor, channel, address and request id for the audit rows the service writes. */
  origin: RequestOrigin;
  requestId: string;
  clientAddress: string | undefined;
  cookies: Record<string, string>;
  response: ResponseControl;
}

export type Access = 'public' | 'signed-in';
type PrincipalFor<K extends RouteKitTypes, A extends Access> = A extends 'signed-in'
  ? K['principal']
  : K['principal'] | null;

/**
 * One `/api/v1` operation, declared once: its zod schemas validate the request at run time and
 * generate the OpenAPI document, so the two cannot drift apart.
 */
export interface ApiRoute<
  K extends RouteKitTypes,
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
  permission?: K['permission'];
  /**
   * What the route reads about its own caller, handed to `authenticate` so that it can be made in the same
   * statement as the check of a remembered caller (one round trip instead of two); the handler finds the
   * answer on its principal, or reads it itself when authentication could not bring it.
   */
  callerRead?: K['callerRead'];
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
  /**
   * The result, which the router parses with `response.schema` before sending; or a ValidatedJson that a parse by
   * that same schema produced (validated-json.ts), sent as it is.
   */
  handle(
    input: {
      params: z.output<Params>;
      query: z.output<Query>;
      body: z.output<Body>;
      headers: z.output<Headers>;
    },
    context: RequestContext<K, PrincipalFor<K, A>>,
  ): Promise<z.input<Result> | ValidatedJson | undefined>;
}

// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous list of routes
export type AnyRoute<K extends RouteKitTypes> = ApiRoute<K, any, any, any, any, any, any>;
