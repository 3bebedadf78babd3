import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../platform/db/column-types.js';

/** A staff member (gemeente or politie) known by Entra tenant and object id. */
export interface UsersTable {
  id: Generated<string>;
  tenant_id: string;
  aad_object_id: string;
  display_name: string;
  email: string | null;
  organisation: 'gemeente' | 'politie' | null;
  job_title: string | null;
  /** Work phone from the directory (Graph mobilePhone or first businessPhones), for the crisis sheet. */
  phone: ColumnType<string | null, string | null | undefined, string | null>;
  /** Added by e-mail from another allowed tenant; `aad_object_id` is a placeholder until the first sign-in. */
  awaiting_sign_in: Generated<boolean>;
  created_at: Timestamp;
}

export type NetworkRole = 'coordinator' | 'member' | 'secretary' | 'viewer';

export interface NetworkRolesTable {
  network_id: string;
  user_id: string;
  role: NetworkRole;
  /** Who takes over when this staff member is absent. */
  backup_user_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface LocalSessionsTable {
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

/** A functional administrator of the municipality: manages networks and roles. */
export interface AdministratorsTable {
  user_id: string;
  granted_by: string | null;
  granted_at: Timestamp;
}

/**
 * A staff member's access version: bumped by trigger (migration 0041) whenever their roles, administrator
 * rights or sessions change; what every request compares with the access it keeps in memory.
 */
export interface AccessVersionsTable {
  user_id: string;
  version: ColumnType<string, never, never>;
}

/** The tables identity owns: staff users, their network roles, administrators, local sessions and access versions. */
export interface IdentityTables {
  access_versions: AccessVersionsTable;
  users: UsersTable;
  network_roles: NetworkRolesTable;
  local_sessions: LocalSessionsTable;
  administrators: AdministratorsTable;
}
