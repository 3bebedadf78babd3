import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { transaction } from '../platform/db/transaction.js';
import { DomainError } from '../platform/errors.js';
import type { RequestOrigin } from '../platform/http/api-route.js';
import type { RecordAudit } from './audit-port.js';
import type { JoinableNetworks } from './network-port.js';
import { listStaffWithRoles } from './role-store.js';
import { findUsersByTenantEmail, insertAwaitingUser } from './user-store.js';

/** The tenants the app signs staff in from; the home tenant is the municipality's. */
export interface StaffTenants {
  homeTenantId: string;
  allowedTenants: readonly string[];
}

/**
 * Adds a colleague of another allowed tenant (the police) by e-mail, without a directory search there: the
 * app's Graph permissions reach only the home tenant. The row awaits their first sign-in, which fills in the
 * real object id; until then they can hold roles and are invited to meetings by address. Audited.
 */
export async function addExternalStaff(
  db: Kysely<Database>,
  audit: RecordAudit,
  networks: JoinableNetworks,
  tenants: StaffTenants | null,
  origin: RequestOrigin,
  input: { tenantId: string; email: string; displayName: string },
  now: Date,
) {
  const tenantId = input.tenantId.toLowerCase();
  const allowed = tenants?.allowedTenants.map((tenant) => tenant.toLowerCase()) ?? [];
  if (!allowed.includes(tenantId) || tenantId === tenants?.homeTenantId.toLowerCase()) {
    throw new DomainError('rule-violated', 'Only staff of another allowed tenant are added by e-mail.', [
      {
        field: 'body.tenantId',
        code: 'tenant_not_allowed',
        message: 'must be an allowed tenant other than the home tenant (AAD_ALLOWED_TENANTS)',
      },
    ]);
  }
  const id = await transaction(db, async (tx) => {
    if ((await findUsersByTenantEmail(tx, tenantId, input.email)).length > 0) {
      // Which staff member it is stays unsaid: the administrator's staff list shows no e-mail addresses, so
      // naming them would tell whose address this is. `reason` lets the tab say where to find them instead.
      throw new DomainError('conflict', 'A staff member of this tenant already has this e-mail address.', [
        {
          field: 'body.email',
          code: 'duplicate',
          kind: 'staff',
          reason: 'email',
          message: 'a staff member of this organisation already has this e-mail address',
        },
      ]);
    }
    const row = await insertAwaitingUser(tx, {
      tenantId,
      email: input.email,
      displayName: input.displayName,
      organisation: 'politie',
    });
    await audit(tx, origin, 'user.create', { type: 'user', id: row.id }, now);
    return row.id;
  });
  const staff = (await listStaffWithRoles(db, networks)).find((member) => member.id === id);
  if (!staff) throw new DomainError('internal', 'The staff member vanished while being added.');
  return staff;
}
