import type { NetworkRole, RoleName } from '../../tab/api/endpoints.js';
import type { DirectoryMatch, StaffWithRoles } from './role-endpoints.js';

/** A network one can hold a role in, as the pickers list it. */
export interface NetworkOption {
  id: string;
  name: string;
}

/**
 * What the Rollen page can do with a staff member. Every action reloads the staff list and reports its success;
 * a failure is thrown, so the control the user acted on can show it beside their input.
 */
export interface StaffActions {
  changeRole(member: StaffWithRoles, role: NetworkRole, next: RoleName): Promise<void>;
  /** `successor`: the network's last gemeente or politie staff member leaves for this colleague (role and tasks). */
  removeRole(member: StaffWithRoles, role: NetworkRole, successor?: StaffWithRoles): Promise<void>;
  addRole(member: StaffWithRoles, network: NetworkOption, role: RoleName): Promise<void>;
  setAdministrator(member: StaffWithRoles, isAdministrator: boolean): Promise<void>;
  /** Adds a colleague from the directory as staff member; resolves to their new staff id. */
  addFromDirectory(match: DirectoryMatch): Promise<string>;
  /** Reports a failure of a control that has no room to show it itself (e.g. a role picker in the table). */
  reportFailure(title: string, error: unknown): void;
}
