import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type { RecordAudit } from './audit-port.js';
import type { Directory } from './directory-port.js';
import type { HandOverOnRemoval } from './hand-over-port.js';
import type { JoinableNetworks } from './network-port.js';
import type { RoleGranted } from './role-granted-port.js';

/**
 * What the identity routes need from the composition root, and nothing more. The server's AppDeps satisfies
 * it structurally, so identity never imports src/server.
 */
export interface IdentityDeps {
  db: Kysely<Database>;
  now: () => Date;
  /** Finds colleagues to add as staff: Microsoft Graph in Entra mode, the demo staff table locally. */
  directory: Directory;
  /** Writes identity's audit rows (sign-in, staff and role changes): the audit journal, from compose.ts. */
  recordAudit: RecordAudit;
  /** Network's `networks` as a sub-query, joined for the names of the networks roles are held in: network's joinableNetworks, from compose.ts. */
  joinableNetworks: JoinableNetworks;
  /** A newcomer got a role in a network: continuity starts their introduction (from compose.ts). */
  roleGranted: RoleGranted;
  /** Continuity's hand-over, run when the last gemeente or politie staff member leaves a network for a successor. */
  handOverOnRemoval: HandOverOnRemoval;
  /** Plain values from the configuration: the sign-in mode and, in Entra mode, the app's tenants. */
  config: {
    authMode: 'local' | 'entra';
    aad: {
      clientId: string;
      tenantId: string;
      allowedTenants: string[];
      /** The tab's name for a tenant (AAD_TENANT_NAMES), keyed by lower-case tenant id. */
      tenantNames: Record<string, string>;
    } | null;
  };
}
