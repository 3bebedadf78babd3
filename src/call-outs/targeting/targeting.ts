import type { NetworkRole } from '../../platform/db/schema.js';

/** A staff member's role in a network that covers one of the chosen wijken. */
export interface StaffFact {
  networkId: string;
  userId: string;
  role: NetworkRole;
  backupUserId: string | null;
}

/** An ally (bondgenoot) of a covering network, with the communities they represent. */
export interface AllyFact {
  personId: string;
  networkId: string;
  communityIds: readonly string[];
}

/** Who a call-out reaches: staff get the card, allies are phoned by their assigned caller. */
export interface Targets {
  staff: Array<{ userId: string; networkId: string; backupUserId: string | null }>;
  allies: Array<{ personId: string; networkId: string; callerUserId: string }>;
}

/** Roles that receive the card; viewers only read the map and are not on call. */
const ON_CALL: readonly NetworkRole[] = ['coordinator', 'member', 'secretary'];
/** Who phones allies: coordinators first; a network without one falls back to members, then secretaries. */
const CALLER_PREFERENCE: readonly NetworkRole[] = ['coordinator', 'member', 'secretary'];

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function callersOf(networkId: string, staff: readonly StaffFact[]): string[] {
  for (const role of CALLER_PREFERENCE) {
    const callers = staff
      .filter((s) => s.networkId === networkId && s.role === role)
      .map((s) => s.userId)
      .sort(byText);
    if (callers.length > 0) return callers;
  }
  return [];
}

/**
 * Picks the recipients. Staff: everyone on call in a covering network, once (their first network by id).
 * Allies: those of the chosen communities (every ally when none is chosen), once; each assigned a caller
 * round-robin over the coordinators of the ally's network in id order, so the calls are shared fairly and
 * the same input always gives the same list. A network without staff on call falls back to `fallbackCaller`
 * (the starter). Pure: the arguments are not changed.
 */
export function selectTargets(
  staff: readonly StaffFact[],
  allies: readonly AllyFact[],
  communityIds: readonly string[],
  fallbackCaller: string,
): Targets {
  const seenStaff = new Set<string>();
  const chosenStaff: Targets['staff'] = [];
  const orderedStaff = [...staff].sort(
    (a, b) => byText(a.networkId, b.networkId) || byText(a.userId, b.userId),
  );
  for (const s of orderedStaff) {
    if (!ON_CALL.includes(s.role) || seenStaff.has(s.userId)) continue;
    seenStaff.add(s.userId);
    chosenStaff.push({ userId: s.userId, networkId: s.networkId, backupUserId: s.backupUserId });
  }

  const wanted = new Set(communityIds);
  const seenAllies = new Set<string>();
  const turn = new Map<string, number>();
  const chosenAllies: Targets['allies'] = [];
  const orderedAllies = [...allies].sort(
    (a, b) => byText(a.networkId, b.networkId) || byText(a.personId, b.personId),
  );
  for (const ally of orderedAllies) {
    if (seenAllies.has(ally.personId)) continue;
    if (wanted.size > 0 && !ally.communityIds.some((id) => wanted.has(id))) continue;
    seenAllies.add(ally.personId);
    const callers = callersOf(ally.networkId, staff);
    const index = turn.get(ally.networkId) ?? 0;
    turn.set(ally.networkId, index + 1);
    const callerUserId = callers.length > 0 ? (callers[index % callers.length] as string) : fallbackCaller;
    chosenAllies.push({ personId: ally.personId, networkId: ally.networkId, callerUserId });
  }
  return { staff: chosenStaff, allies: chosenAllies };
}
