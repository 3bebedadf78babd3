/**
 * Which wijken a call-out form offers — one rule for the tab's form and the bot's card form, zod-free
 * so both can import it (docs/call-outs.md, "Which wijken the start form offers").
 *
 * A starter is offered the wijken they can start a call-out for on their own: those of the networks
 * where they are coordinator or member (a network's area is a district, meaning all its wijken, or a
 * single wijk), never an archived wijk or a wijk of an archived network. Administrators are offered
 * every wijk that is not archived, also those no network covers (the form then says so).
 */

/** Network roles that may start a call-out (besides administrators). */
export const CALL_OUT_STARTER_ROLES: readonly string[] = ['coordinator', 'member'];

/** A network as the rule needs it: its area, its state and the starter's role in it. */
export interface StartPlaceNetwork {
  areaId: string;
  status: string;
  myRole: string | null;
}

/** A wijk (neighbourhood) with its district. */
export interface StartPlaceWijk {
  id: string;
  districtId: string | null;
  archived: boolean;
}

/** Whether the call-out form offers this wijk to this starter. Pure. */
export function offersWijk(
  wijk: StartPlaceWijk,
  networks: readonly StartPlaceNetwork[],
  isAdministrator: boolean,
): boolean {
  if (wijk.archived) return false;
  if (isAdministrator) return true;
  return networks.some(
    (network) =>
      network.status !== 'archived' &&
      network.myRole !== null &&
      CALL_OUT_STARTER_ROLES.includes(network.myRole) &&
      (network.areaId === wijk.id || network.areaId === wijk.districtId),
  );
}
