import type { Me } from '../../tab/api/endpoints.js';

/** Whoever may start a call-out: coordinators and members of a network, and administrators (as the API rules). */
export const mayStartCallOut = (me: Me) =>
  me.isAdministrator || me.roles.some((role) => role.role === 'coordinator' || role.role === 'member');

/** Whoever may see call-outs: anyone with a role in a network, and administrators. */
export const mayFollowCallOuts = (me: Me) => me.isAdministrator || me.roles.length > 0;
