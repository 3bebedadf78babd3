import { z } from 'zod';
import { type AnyApiRoute, defineRoute } from './api-route.js';
import type { IdentityDeps } from './deps.js';
import { addExternalStaff } from './external-staff.js';
import { administerMunicipality, viewNetwork } from './policies.js';
import {
  assignNetworkRole,
  grantAdministrator,
  listNetworkStaff,
  revokeAdministrator,
  revokeNetworkRole,
} from './role-service.js';
import { listStaffWithRoles } from './role-store.js';
import {
  addExternalStaffSchema,
  addStaffSchema,
  assignRoleSchema,
  directoryQuerySchema,
  directorySearchSchema,
  networkIdParams,
  networkUserParams,
  roleAssignmentSchema,
  staffTenantSchema,
  staffWithRolesSchema,
  userIdParams,
} from './schemas.js';
import { addStaffFromDirectory, searchDirectory } from './staff-directory.js';
import { staffTenants } from './staff-tenants.js';

/** Removing the network's last gemeente or politie staff member names who takes over (else 409). */
const revokeRoleQuery = z.object({
  successorUserId: z
    .uuid({ message: 'must be a staff member id' })
    .optional()
    .describe(
      'Needed when this is the network’s last gemeente or politie staff member: a colleague of the same organisation, who gets the role (if none) and everything the leaver holds (hand-over)',
    ),
});

/** Routes that show and manage who holds which role. */
export function roleRoutes(deps: IdentityDeps): AnyApiRoute[] {
  return [
    defineRoute({
      operationId: 'listNetworkRoles',
      method: 'get',
      path: '/networks/{networkId}/roles',
      summary: "A network's staff and their roles",
      tags: ['identity'],
      access: 'signed-in',
      permission: viewNetwork,
      params: networkIdParams,
      response: {
        status: 200,
        description: 'The staff of the network',
        schema: z.array(roleAssignmentSchema),
      },
      handle: async ({ params }, context) =>
        listNetworkStaff(
          deps.db,
          deps.recordAudit,
          deps.joinableNetworks,
          context.origin,
          params.networkId,
          deps.now(),
        ),
    }),
    defineRoute({
      operationId: 'assignNetworkRole',
      method: 'put',
      path: '/networks/{networkId}/roles/{userId}',
      summary: 'Give a staff member a role in a network, or change it (administrators)',
      tags: ['identity'],
      access: 'signed-in',
      permission: administerMunicipality,
      params: networkUserParams,
      body: assignRoleSchema,
      response: {
        status: 200,
        description: 'The staff of the network after the change',
        schema: z.array(roleAssignmentSchema),
      },
      handle: async ({ params, body }, context) =>
        assignNetworkRole(
          deps.db,
          deps.recordAudit,
          deps.joinableNetworks,
          context.origin,
          { ...params, role: body.role },
          deps.now(),
          deps.roleGranted,
        ),
    }),
    defineRoute({
      operationId: 'revokeNetworkRole',
      method: 'delete',
      path: '/networks/{networkId}/roles/{userId}',
      summary:
        "Take a staff member's role in a network away (administrators); the last gemeente or politie staff member needs a successor",
      tags: ['identity'],
      access: 'signed-in',
      permission: administerMunicipality,
      params: networkUserParams,
      query: revokeRoleQuery,
      response: { status: 204, description: 'Revoked' },
      handle: async ({ params, query }, context) => {
        await revokeNetworkRole(
          deps.db,
          deps.recordAudit,
          deps.joinableNetworks,
          deps.handOverOnRemoval,
          context.origin,
          { ...params, successorUserId: query.successorUserId },
          deps.now(),
          deps.roleGranted,
        );
        return undefined;
      },
    }),
    defineRoute({
      operationId: 'listStaff',
      method: 'get',
      path: '/staff',
      summary: 'Every known staff member with their roles (administrators)',
      tags: ['identity'],
      access: 'signed-in',
      permission: administerMunicipality,
      response: { status: 200, description: 'Staff and roles', schema: z.array(staffWithRolesSchema) },
      handle: async () => listStaffWithRoles(deps.db, deps.joinableNetworks),
    }),
    defineRoute({
      operationId: 'listStaffTenants',
      method: 'get',
      path: '/staff/tenants',
      summary:
        'The tenants whose staff may sign in (the municipality’s home tenant first, then the police’s), with their names (administrators)',
      tags: ['identity'],
      access: 'signed-in',
      permission: administerMunicipality,
      response: {
        status: 200,
        description:
          'The home tenant and every other allowed tenant (AAD_ALLOWED_TENANTS), named by AAD_TENANT_NAMES',
        schema: z.array(staffTenantSchema),
      },
      handle: async () => staffTenants(deps.config.aad, deps.directory.tenants),
    }),
    defineRoute({
      operationId: 'searchDirectory',
      method: 'get',
      path: '/directory/users',
      summary:
        'Search the directories of the municipality and the police (every allowed tenant) for colleagues to add as staff (administrators)',
      tags: ['identity'],
      access: 'signed-in',
      permission: administerMunicipality,
      query: directoryQuerySchema,
      response: {
        status: 200,
        description:
          'Matching colleagues of every tenant that answered, each with its tenant and organisation, and the tenants that could not be searched (no consent, throttled, failed)',
        schema: directorySearchSchema,
      },
      handle: async ({ query }, context) =>
        searchDirectory(deps.db, deps.recordAudit, deps.directory, context.origin, query.q, deps.now()),
    }),
    defineRoute({
      operationId: 'addStaff',
      method: 'post',
      path: '/staff',
      summary:
        'Add a colleague from the directory (of the municipality or the police) as staff, without roles yet (administrators)',
      tags: ['identity'],
      access: 'signed-in',
      permission: administerMunicipality,
      body: addStaffSchema(deps.directory.tenants),
      response: { status: 201, description: 'The staff member', schema: staffWithRolesSchema },
      handle: async ({ body }, context) =>
        addStaffFromDirectory(
          deps.db,
          deps.recordAudit,
          deps.joinableNetworks,
          deps.directory,
          context.origin,
          body,
          deps.now(),
        ),
    }),
    defineRoute({
      operationId: 'addExternalStaff',
      method: 'post',
      path: '/staff/external',
      summary:
        'Add a colleague of another allowed tenant (the police) by e-mail; they are matched at first sign-in (administrators)',
      tags: ['identity'],
      access: 'signed-in',
      permission: administerMunicipality,
      body: addExternalStaffSchema,
      response: {
        status: 201,
        description: 'The staff member, awaiting sign-in',
        schema: staffWithRolesSchema,
      },
      handle: async ({ body }, context) =>
        addExternalStaff(
          deps.db,
          deps.recordAudit,
          deps.joinableNetworks,
          deps.config.aad
            ? { homeTenantId: deps.config.aad.tenantId, allowedTenants: deps.config.aad.allowedTenants }
            : null,
          context.origin,
          body,
          deps.now(),
        ),
    }),
    defineRoute({
      operationId: 'grantAdministrator',
      method: 'put',
      path: '/administrators/{userId}',
      summary: 'Make a staff member functional administrator (administrators)',
      tags: ['identity'],
      access: 'signed-in',
      permission: administerMunicipality,
      params: userIdParams,
      response: { status: 204, description: 'Granted' },
      handle: async ({ params }, context) => {
        await grantAdministrator(deps.db, deps.recordAudit, context.origin, params.userId, deps.now());
        return undefined;
      },
    }),
    defineRoute({
      operationId: 'revokeAdministrator',
      method: 'delete',
      path: '/administrators/{userId}',
      summary: 'Take administrator rights away; never the last administrator (administrators)',
      tags: ['identity'],
      access: 'signed-in',
      permission: administerMunicipality,
      params: userIdParams,
      response: { status: 204, description: 'Revoked' },
      handle: async ({ params }, context) => {
        await revokeAdministrator(deps.db, deps.recordAudit, context.origin, params.userId, deps.now());
        return undefined;
      },
    }),
  ];
}
