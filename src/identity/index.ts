/**
 * Identity's public API: what other capabilities read about staff. They import this file, never identity's
 * stores.
 */
export { loadAccessProfile } from './access.js';
export { readBackupDutiesOf, reassignBackupDuties } from './hand-over-store.js';
export { joinableNetworkRoles, joinableUsers } from './joinable-store.js';
export { expireLocalSessions } from './local-session-store.js';
export {
  readBackupUserId,
  readNetworkStaff,
  readNetworkStaffContacts,
  readNetworkStaffInRoles,
  updateBackup,
} from './role-store.js';
export {
  findUserById,
  findUserIdByEntraIds,
  listUsers,
  readEntraIdentity,
  readUserIdentities,
} from './user-store.js';
