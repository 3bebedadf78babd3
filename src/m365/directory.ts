import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { createGraphClient } from './graph-client.js';
import type { GraphConfig } from './graph-config.js';
import { GraphDirectory } from './graph-directory.js';
import { createGraphTokens, type GraphTokens } from './graph-tokens.js';
import { LocalDirectory } from './local-directory.js';

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

/** The directory port: finds colleagues to add as staff, by name or by Entra object id. */
export interface Directory {
  /** Users whose display name matches `query` (2–100 characters after trimming), at most `limit` (1–25, default 10). */
  searchUsers(query: string, limit?: number): Promise<DirectoryUser[]>;
  /** The user with this object id, or null when the directory has none. */
  getUser(objectId: string): Promise<DirectoryUser | null>;
}

/**
 * Chooses the directory: Microsoft Graph with an app-only token for the home tenant in Entra mode,
 * the local `users` table (demo staff) otherwise. Pass the process's shared `tokens` when there is one.
 */
export function createDirectory(
  deps: { config: GraphConfig; db: Kysely<Database> },
  tokens?: GraphTokens,
): Directory {
  const { config } = deps;
  if (config.authMode !== 'entra' || !config.aad) return new LocalDirectory(deps.db);
  const client = createGraphClient({
    graphBaseUrl: config.graphBaseUrl,
    tokens: tokens ?? createGraphTokens(config),
    credential: { kind: 'app' },
  });
  return new GraphDirectory(client, config.aad.tenantId);
}
