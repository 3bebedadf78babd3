/** A staff member as the directory (Entra ID, or the local demo table) knows them. */
export interface DirectoryUser {
  objectId: string;
  tenantId: string;
  displayName: string;
  mail: string | null;
  jobTitle: string | null;
  /** Work phone as the directory holds it (mobile first), or null. */
  phone: string | null;
}

/**
 * The directory port: finds colleagues to add as staff, by name or by Entra object id. Microsoft Graph
 * implements it in Entra mode (src/m365/graph-directory.ts), the demo staff table locally
 * (local-directory.ts); src/server chooses. An implementation that cannot reach its service throws an
 * `UpstreamError` (src/platform/upstream-error.ts).
 */
export interface Directory {
  /** Users whose display name matches `query` (2–100 characters after trimming), at most `limit` (1–25, default 10). */
  searchUsers(query: string, limit?: number): Promise<DirectoryUser[]>;
  /** The user with this object id, or null when the directory has none. */
  getUser(objectId: string): Promise<DirectoryUser | null>;
}
