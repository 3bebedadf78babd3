import { organisationMessage } from '../../tab/components/labels.js';
import type { Translate } from '../../tab/i18n/use-t.js';
import type { StaffTenant } from './role-endpoints.js';

/**
 * What the Rollen page calls a staff member's organisation: the name their tenant has in AAD_TENANT_NAMES
 * ("Politie Eenheid Havenstad"), else "Gemeente" or "Politie" (or "no organisation recorded").
 */
export function organisationName(
  t: Translate,
  tenants: readonly StaffTenant[],
  who: { tenantId: string; organisation: StaffTenant['organisation'] | null },
): string {
  const tenantId = who.tenantId.toLowerCase();
  const name = tenants.find((tenant) => tenant.tenantId === tenantId)?.name;
  return name ?? t(organisationMessage(who.organisation));
}
