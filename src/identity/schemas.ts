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
    roles: z.array(networkRoleSchema),
  })
  .meta({ id: 'Me' });

/** How a client should sign in to this server. */
export const authConfigSchema = z
  .object({
    mode: z.enum(['local', 'entra']),
    clientId: z.uuid().nullable(),
  })
  .meta({ id: 'AuthConfig' });

export const localSignInSchema = z
  .object({ userId: z.uuid({ message: 'must be the id of a staff member' }) })
  .strict()
  .meta({ id: 'LocalSignIn' });

export type Me = z.infer<typeof meSchema>;
