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

/** A tenant whose staff the app serves (the municipality's home tenant, the police's), with its name. */
export const staffTenantSchema = z
  .object({
    tenantId: z.uuid(),
    organisation: z
      .enum(['gemeente', 'politie'])
      .describe('The home tenant’s staff are `gemeente`, another allowed tenant’s `politie`'),
    name: z
      .string()
      .nullable()
      .describe('The name AAD_TENANT_NAMES gives the tenant (e.g. "Politie Eenheid Havenstad"), or null'),
    home: z
      .boolean()
      .describe(
        'The home tenant (the municipality’s): its staff come from the directory; the others’ can also be added by e-mail (`POST /staff/external`)',
      ),
  })
  .meta({ id: 'StaffTenant' });

/** The signed-in user with their roles: what the tab shows in its header. */
export const meSchema = z
  .object({
    user: staffMemberSchema.extend({
      tenantId: z.uuid().describe('The Entra tenant they signed in from: one of `organisations`'),
    }),
    signInMethod: z.enum(['local', 'entra']),
    isAdministrator: z.boolean(),
    roles: z.array(networkRoleSchema),
    organisations: z
      .array(staffTenantSchema)
      .describe(
        'The tenants whose staff the app serves, with the names AAD_TENANT_NAMES gives them: the tab names a staff member’s organisation by their `tenantId` (the header, network staff lists)',
      ),
  })
  .meta({ id: 'Me' });

export const localSignInSchema = z
  .object({ userId: z.uuid({ message: 'must be the id of a staff member' }) })
  .strict()
  .meta({ id: 'LocalSignIn' });

export type Me = z.infer<typeof meSchema>;
/** A staff member as the API shows them. */
export type StaffMember = z.infer<typeof staffMemberSchema>;

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
    tenantId: z.uuid().describe('The Entra tenant the staff member signs in from (see `GET /staff/tenants`)'),
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

const organisationName = z.enum(['gemeente', 'politie']);

export const directoryHitSchema = z
  .object({
    objectId: z.uuid(),
    tenantId: z.uuid().describe('The Entra tenant the colleague lives in: send it back with `POST /staff`'),
    organisation: organisationName
      .nullable()
      .describe('Whose staff they are: the home tenant’s are `gemeente`, another allowed tenant’s `politie`'),
    displayName: z.string(),
    mail: z.string().nullable(),
    jobTitle: z.string().nullable(),
    userId: z.uuid().nullable().describe('The staff id when this colleague is already known'),
  })
  .meta({ id: 'DirectoryHit' });

/** A tenant whose staff are missing from the search's matches, and why; the tab names it instead of hiding it. */
export const unsearchedTenantSchema = z
  .object({
    tenantId: z.uuid(),
    organisation: organisationName,
    reason: z
      .enum(['not-consented', 'not-permitted', 'throttled', 'unavailable'])
      .describe(
        '`not-consented`: the tenant’s administrator has not consented to the app; `not-permitted`: consented without the directory permission (User.Read.All); `throttled`: Graph asked to wait longer than a search waits; `unavailable`: no useful answer (5xx, none, a token failure)',
      ),
    retryAfterSeconds: z
      .number()
      .int()
      .nonnegative()
      .nullable()
      .describe('For `throttled`: the seconds Graph asked to wait (Retry-After), when it said'),
  })
  .meta({ id: 'UnsearchedTenant' });

/** The matches of every tenant searched (municipality and police), ordered by name, and the tenants left out. */
export const directorySearchSchema = z
  .object({
    users: z.array(directoryHitSchema),
    unsearched: z.array(unsearchedTenantSchema),
  })
  .meta({ id: 'DirectorySearch' });

/**
 * Adding a colleague found in the directory: their object id, and the tenant the search named (one of the app's
 * tenants: `tenants` is the home tenant and AAD_ALLOWED_TENANTS, or the demo tenant locally). Without a tenant, the
 * home tenant is meant (what clients sent before the police tenant was searched too).
 */
export function addStaffSchema(tenants: readonly string[]) {
  const allowed = new Set(tenants.map((tenant) => tenant.toLowerCase()));
  return z
    .object({
      objectId: z.uuid({ message: 'must be an Entra object id' }),
      tenantId: z
        .uuid({ message: 'must be the Entra tenant id the directory search named' })
        // A malformed id is named by the format check alone (zod runs refinements after a failed check too).
        .refine((tenant) => !z.uuid().safeParse(tenant).success || allowed.has(tenant.toLowerCase()), {
          message: 'must be one of the app’s tenants (the home tenant or AAD_ALLOWED_TENANTS)',
          params: { code: 'tenant_not_allowed' },
        })
        .transform((tenant) => tenant.toLowerCase())
        .optional()
        .describe(
          'The tenant of the chosen colleague, as the directory search named it; the home tenant when left out',
        ),
    })
    .strict()
    .meta({ id: 'AddStaff' });
}

/** An administrator adds a colleague of another allowed tenant (the police) by e-mail address. */
export const addExternalStaffSchema = z
  .object({
    tenantId: z.uuid({ message: 'must be the Entra tenant id of an allowed tenant' }),
    email: z.email({ message: 'must be an e-mail address' }).max(254),
    displayName: z.string().trim().min(1, 'must not be empty').max(200),
  })
  .strict()
  .meta({ id: 'AddExternalStaff' });
