import { createContext, useCallback, useContext } from 'react';
import type { StaffTenant } from '../api/endpoints.js';
import type { Translate } from '../i18n/use-t.js';
import { useT } from '../i18n/use-t.js';
import { organisationMessage } from './labels.js';

/**
 * What the tab calls a staff member's organisation: the name their tenant has in AAD_TENANT_NAMES
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

/** The app's tenants with their configured names, from `/me` (the signed-in pages provide it). */
export const OrganisationsContext = createContext<readonly StaffTenant[]>([]);

/** {@link organisationName} with the tab's language and the signed-in user's `/me` tenants. */
export function useOrganisationName(): (who: Parameters<typeof organisationName>[2]) => string {
  const t = useT();
  const tenants = useContext(OrganisationsContext);
  return useCallback((who) => organisationName(t, tenants, who), [t, tenants]);
}
