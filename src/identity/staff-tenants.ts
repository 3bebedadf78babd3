/** A tenant whose staff the app serves, as the administrator's screen names it. */
export interface StaffTenant {
  tenantId: string;
  /** The home tenant's staff are the municipality's, another allowed tenant's the police's. */
  organisation: 'gemeente' | 'politie';
  /** The name AAD_TENANT_NAMES gives it ("Politie Eenheid Havenstad"), or null: the tab says "Politie". */
  name: string | null;
  /** Whether it is the home tenant (the municipality's), whose staff are added from the directory only. */
  home: boolean;
}

/**
 * The tenants whose staff may sign in, the home tenant first: in Entra mode AAD_TENANT_ID and AAD_ALLOWED_TENANTS
 * with their AAD_TENANT_NAMES; locally the directory's demo tenant, unnamed.
 */
export function staffTenants(
  aad: { tenantId: string; allowedTenants: readonly string[]; tenantNames: Record<string, string> } | null,
  directoryTenants: readonly string[],
): StaffTenant[] {
  const home = (aad?.tenantId ?? directoryTenants[0] ?? '').toLowerCase();
  const all = [home, ...(aad?.allowedTenants ?? directoryTenants.slice(1)).map((id) => id.toLowerCase())];
  return [...new Set(all)]
    .filter((tenantId) => tenantId !== '')
    .map((tenantId) => ({
      tenantId,
      organisation: tenantId === home ? 'gemeente' : 'politie',
      name: aad?.tenantNames[tenantId] ?? null,
      home: tenantId === home,
    }));
}
