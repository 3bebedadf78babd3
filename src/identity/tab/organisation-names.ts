import { organisationMessage } from '../../tab/components/labels.js';
import type { Translate } from '../../tab/i18n/use-t.js';
import type { StaffTenant } from './role-endpoints.js';

/**
 * What the Rollen page calls a staff member's organisation: the name their tenant has in AAD_TENANT_NAMES
 * ("Politie Eenheid Havenstad") when they are of that tenant's organisation, else "Gemeente" or "Politie" (or
 * "no organisation recorded").
 */
export function organisationName(
  t: Translate,
  tenants: readonly StaffTenant[],
  who: { tenantId: string; organisation: StaffTenant['organisation'] | null },
): string {
  const tenantId = who.tenantId.toLowerCase();
  const tenant = tenants.find((candidate) => candidate.tenantId === tenantId);
  // A staff member recorded with another organisation than their tenant's (a police guest in the municipality's
  // tenant, say) keeps the generic word: the tenant's name would call them the wrong organisation.
  if (tenant?.name && tenant.organisation === who.organisation) return tenant.name;
  return t(organisationMessage(who.organisation));
}
