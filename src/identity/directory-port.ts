/** A staff member as the directory (Entra ID, or the local demo table) knows them. */
export interface DirectoryUser {
  objectId: string;
  tenantId: string;
  /** Whose staff they are: the home tenant's are the municipality's, another allowed tenant's the police's. */
  organisation: 'gemeente' | 'politie' | null;
  displayName: string;
  mail: string | null;
  jobTitle: string | null;
  /** Work phone as the directory holds it (mobile first), or null. */
  phone: string | null;
}

/**
 * Why a tenant's directory was not searched: its administrator has not consented to the app, it consented
 * without the directory permission, it throttled the app (429) for longer than a search may wait, or it did not
 * answer usefully (5xx, no answer, a token failure).
 */
export type UnsearchedReason = 'not-consented' | 'not-permitted' | 'throttled' | 'unavailable';

/** A tenant whose staff are missing from a search's results, and why. */
export interface UnsearchedTenant {
  tenantId: string;
  organisation: 'gemeente' | 'politie';
  reason: UnsearchedReason;
  /** For `throttled`: the seconds Graph asked to wait (Retry-After), when it said. */
  retryAfterSeconds: number | null;
}

/** A search's matches from every tenant that answered, and the tenants that did not. */
export interface DirectorySearchResult {
  users: DirectoryUser[];
  unsearched: UnsearchedTenant[];
}

/**
 * The directory port: finds colleagues to add as staff, by name or by Entra object id, in every tenant whose staff
 * the app serves (the municipality's home tenant and the police's). Microsoft Graph implements it in Entra mode
 * (src/m365/graph-directory.ts), the demo staff table locally (local-directory.ts); src/server chooses. A search
 * reports a tenant that could not be searched beside the others' matches; only when no tenant could be searched
 * (and for `getUser`, when the user's tenant cannot be read) does an implementation throw an `UpstreamError`
 * (src/platform/upstream-error.ts).
 */
export interface Directory {
  /** The tenants this directory searches, the home tenant first. */
  readonly tenants: readonly string[];
  /**
   * Users whose display name matches `query` (2–100 characters after trimming), at most `limit` (1–25, default
   * 10) per tenant.
   */
  searchUsers(query: string, limit?: number): Promise<DirectorySearchResult>;
  /** The user with this object id in this tenant (one of {@link tenants}), or null when it has none. */
  getUser(tenantId: string, objectId: string): Promise<DirectoryUser | null>;
}
