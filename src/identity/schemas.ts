import { z } from 'zod';

/** A staff member as the API shows them. */
export const staffMemberSchema = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    organisation: z.enum(['gemeente', 'politie']).nullable(),
    jobTitle: z.string().nullable(),
  })
  .meta({ id: 'StaffMember' });

export const networkRoleSchema = z
  .object({
    networkId: z.uuid(),
    networkName: z.string(),
    role: z.enum(['coordinator', 'member', 'secretary', 'viewer']),
  })
  .meta({ id: 'NetworkRole' });

/** The signed-in user with their roles: what the tab shows in its header. */
export const meSchema = z
  .object({
    user: staffMemberSchema,
    signInMethod: z.enum(['local', 'entra']),
    isAdministrator: z.boolean(),
    roles: z.array(networkRoleSchema),
  })
  .meta({ id: 'Me' });

export const localSignInSchema = z
  .object({ userId: z.uuid({ message: 'must be the id of a staff member' }) })
  .strict()
  .meta({ id: 'LocalSignIn' });

export type Me = z.infer<typeof meSchema>;

/** Local run only: whether the browser holds a session, so the tab can ask without being refused. */
export const localSessionSchema = z
  .discriminatedUnion('signedIn', [
    z.object({ signedIn: z.literal(false) }),
    z.object({ signedIn: z.literal(true), me: meSchema }),
  ])
  .meta({ id: 'LocalSession' });

/**
 * How a client should sign in to this server. In local mode it also carries the browser's session (what
 * `GET /auth/local/session` answers), so the tab starts with one round trip instead of two; in entra mode the
 * caller is known only from the bearer token that Teams SSO gives after start-up, so there is none.
 */
export const authConfigSchema = z
  .object({
    mode: z.enum(['local', 'entra']),
    clientId: z.uuid().nullable(),
    session: localSessionSchema.optional(),
  })
  .meta({ id: 'AuthConfig' });

const networkRoleName = z.enum(['coordinator', 'member', 'secretary', 'viewer']);

/** A staff member's role in one network, as the network's staff list shows it. */
export const roleAssignmentSchema = z
  .object({
    userId: z.uuid(),
    displayName: z.string(),
    organisation: z.enum(['gemeente', 'politie']).nullable(),
    jobTitle: z.string().nullable(),
    role: networkRoleName,
  })
  .meta({ id: 'RoleAssignment' });

export const assignRoleSchema = z.object({ role: networkRoleName }).strict().meta({ id: 'AssignRole' });

export const networkIdParams = z.object({ networkId: z.uuid({ message: 'must be a network id' }) });
export const networkUserParams = networkIdParams.extend({
  userId: z.uuid({ message: 'must be a staff member id' }),
});
export const userIdParams = z.object({ userId: z.uuid({ message: 'must be a staff member id' }) });

/** A staff member with every role they hold, for the administrator screen. */
export const staffWithRolesSchema = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    organisation: z.enum(['gemeente', 'politie']).nullable(),
    jobTitle: z.string().nullable(),
    isAdministrator: z.boolean(),
    roles: z.array(networkRoleSchema),
  })
  .meta({ id: 'StaffWithRoles' });

export const directoryQuerySchema = z
  .object({
    q: z.string().trim().min(2, 'type at least 2 characters').max(100, 'use at most 100 characters'),
  })
  .strict();

export const directoryHitSchema = z
  .object({
    objectId: z.uuid(),
    tenantId: z.uuid(),
    displayName: z.string(),
    mail: z.string().nullable(),
    jobTitle: z.string().nullable(),
    userId: z.uuid().nullable().describe('The staff id when this colleague is already known'),
  })
  .meta({ id: 'DirectoryHit' });

export const addStaffSchema = z
  .object({ objectId: z.uuid({ message: 'must be an Entra object id' }) })
  .strict()
  .meta({ id: 'AddStaff' });

/** An administrator adds a colleague of another allowed tenant (the police) by e-mail address. */
export const addExternalStaffSchema = z
  .object({
    tenantId: z.uuid({ message: 'must be the Entra tenant id of an allowed tenant' }),
    email: z.email({ message: 'must be an e-mail address' }).max(254),
    displayName: z.string().trim().min(1, 'must not be empty').max(200),
  })
  .strict()
  .meta({ id: 'AddExternalStaff' });
