import { z } from 'zod';
import { accessOf } from './access-cache.js';
import { type AnyApiRoute, defineRoute } from './api-route.js';
import { LOCAL_SESSION_COOKIE } from './authenticate.js';
import type { IdentityDeps } from './deps.js';
import { listLocalStaff, signInLocally, signOutLocally } from './local-sign-in.js';
import { describeMe, meCallerRead, presentStaffMember } from './me.js';
import { signedIn } from './policies.js';
import type { Principal } from './principal.js';
import {
  authConfigSchema,
  localSessionSchema,
  localSignInSchema,
  meSchema,
  staffMemberSchema,
} from './schemas.js';
import { staffTenants } from './staff-tenants.js';

type LocalSession = z.infer<typeof localSessionSchema>;

const sessionCookie = { httpOnly: true, sameSite: 'strict', path: '/' } as const;

/**
 * Local mode: whether the request carries a session, and whose (no refusal is logged when it does not). Also what
 * the server embeds in the tab's page (src/server/app.ts), so the tab starts without asking `/auth/config`.
 */
export async function localSession(
  deps: Pick<IdentityDeps, 'db' | 'joinableNetworks' | 'config' | 'directory'>,
  principal: Principal | null,
): Promise<LocalSession> {
  return principal
    ? {
        signedIn: true,
        me: await describeMe(deps.db, deps.joinableNetworks, principal, tenantsOf(deps), accessOf(principal)),
      }
    : { signedIn: false };
}

/** The tenants whose staff the app serves, with their configured names (what `/me` names organisations by). */
function tenantsOf(deps: Pick<IdentityDeps, 'config' | 'directory'>) {
  return staffTenants(deps.config.aad, deps.directory.tenants);
}

/** Routes every deployment has: how to sign in, and who am I. */
function commonRoutes(deps: IdentityDeps): AnyApiRoute[] {
  // The cheapest signed-in read: its user and roles come with the check of a remembered caller.
  const readMe = meCallerRead(deps.joinableNetworks);
  // The configuration does not change while serving: worked out once, not on every `/me`.
  const tenants = tenantsOf(deps);
  return [
    defineRoute({
      operationId: 'getAuthConfig',
      method: 'get',
      path: '/auth/config',
      summary: 'How a client signs in to this server (local demo sign-in or Teams SSO)',
      tags: ['identity'],
      access: 'public',
      response: { status: 200, description: 'The sign-in mode', schema: authConfigSchema },
      handle: async (_input, context) => ({
        mode: deps.config.authMode,
        clientId: deps.config.aad?.clientId ?? null,
        ...(deps.config.authMode === 'local' ? { session: await localSession(deps, context.principal) } : {}),
      }),
    }),
    defineRoute({
      operationId: 'getMe',
      method: 'get',
      path: '/me',
      summary: 'The signed-in staff member and their roles per network',
      tags: ['identity'],
      access: 'signed-in',
      permission: signedIn,
      callerRead: readMe,
      response: { status: 200, description: 'The signed-in user', schema: meSchema },
      handle: async (_input, context) =>
        describeMe(deps.db, deps.joinableNetworks, context.principal, tenants, context.access, readMe),
    }),
  ];
}

/** Routes of the local sign-in; registered only when the server runs in local mode. */
function localRoutes(deps: IdentityDeps): AnyApiRoute[] {
  return [
    defineRoute({
      operationId: 'listLocalStaff',
      method: 'get',
      path: '/auth/local/staff',
      summary: 'Local run only: the fictional demo staff one can sign in as',
      tags: ['identity'],
      access: 'public',
      response: { status: 200, description: 'Demo staff', schema: z.array(staffMemberSchema) },
      handle: async () => (await listLocalStaff(deps.db)).map(presentStaffMember),
    }),
    defineRoute({
      operationId: 'getLocalSession',
      method: 'get',
      path: '/auth/local/session',
      summary: 'Local run only: the current session, if the browser holds one',
      tags: ['identity'],
      access: 'public',
      response: { status: 200, description: 'Signed in or not', schema: localSessionSchema },
      handle: async (_input, context) => localSession(deps, context.principal),
    }),
    defineRoute({
      operationId: 'createLocalSession',
      method: 'post',
      path: '/auth/local/session',
      summary: 'Local run only: sign in as a demo staff member (sets an HttpOnly session cookie)',
      tags: ['identity'],
      access: 'public',
      body: localSignInSchema,
      response: { status: 201, description: 'Signed in', schema: meSchema },
      handle: async ({ body }, context) => {
        const session = await signInLocally(
          deps.db,
          deps.recordAudit,
          context.origin,
          body.userId,
          deps.now(),
        );
        context.response.setCookie(LOCAL_SESSION_COOKIE, session.token, {
          ...sessionCookie,
          expires: session.expiresAt,
        });
        return describeMe(
          deps.db,
          deps.joinableNetworks,
          {
            userId: session.user.id,
            tenantId: session.user.tenantId,
            objectId: session.user.objectId,
            displayName: session.user.displayName,
            method: 'local',
          },
          tenantsOf(deps),
        );
      },
    }),
    defineRoute({
      operationId: 'deleteLocalSession',
      method: 'delete',
      path: '/auth/local/session',
      summary: 'Local run only: sign out',
      tags: ['identity'],
      access: 'public',
      response: { status: 204, description: 'Signed out' },
      handle: async (_input, context) => {
        await signOutLocally(deps.db, context.cookies[LOCAL_SESSION_COOKIE], deps.now());
        context.response.clearCookie(LOCAL_SESSION_COOKIE, sessionCookie);
        return undefined;
      },
    }),
  ];
}

/** The identity capability's API routes for this server's sign-in mode. */
export function identityRoutes(deps: IdentityDeps): AnyApiRoute[] {
  return deps.config.authMode === 'local'
    ? [...commonRoutes(deps), ...localRoutes(deps)]
    : commonRoutes(deps);
}
