import type { z } from 'zod';
import type { AnyRoute, ApiRoute, RequestContext as KitRequestContext } from '../platform/http/api-route.js';
import type { AccessProfile } from './access.js';
import type { CallerRead } from './access-cache.js';
import type { Permission } from './permissions.js';
import type { Principal } from './principal.js';

/**
 * The route kit (src/platform/http/api-route.ts) bound to identity's caller, roles and permissions: what every
 * capability declares its `/api/v1` operations with.
 */
export interface AppRouteTypes {
  principal: Principal;
  access: AccessProfile;
  permission: Permission;
  callerRead: CallerRead;
}

/** Who asks and from where, as a handler of a route with principal `P` sees it. */
export type RequestContext<P extends Principal | null> = KitRequestContext<AppRouteTypes, P>;

/** Any declared route of this app, whatever its schemas. */
export type AnyApiRoute = AnyRoute<AppRouteTypes>;

/** Declares a route with full type inference of its schemas and principal in the handler. */
export function defineRoute<
  Params extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
  Result extends z.ZodType = z.ZodType,
  Headers extends z.ZodType = z.ZodType,
>(
  route: ApiRoute<AppRouteTypes, 'signed-in', Params, Query, Body, Result, Headers> & {
    permission: Permission;
  },
): AnyApiRoute;
export function defineRoute<
  Params extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
  Result extends z.ZodType = z.ZodType,
  Headers extends z.ZodType = z.ZodType,
>(route: ApiRoute<AppRouteTypes, 'public', Params, Query, Body, Result, Headers>): AnyApiRoute;
export function defineRoute(route: AnyApiRoute): AnyApiRoute {
  return route;
}
