import type { NetworkRole, RoleName } from '../../tab/api/endpoints.js';
import type { DirectoryMatch, ExternalColleague, StaffWithRoles } from './role-endpoints.js';

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
  /**
   * Adds a colleague of another organisation (the police) by e-mail, then gives them `role` when one is chosen. A
   * refused addition is thrown; a refused role after it is reported (the colleague is staff then, without the role).
   */
  addExternal(
    colleague: ExternalColleague,
    role: { network: NetworkOption; role: RoleName } | null,
  ): Promise<void>;
  /** Reports a failure of a control that has no room to show it itself (e.g. a role picker in the table). */
  reportFailure(title: string, error: unknown): void;
}
