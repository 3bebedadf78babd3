/**
 * Rotation rules of the method, pure: the chair rotates fairly among allies willing to chair (never
 * twice in a row, never someone absent), the location rotates through the active neutral locations,
 * each meeting names whose turn it is to bring an agenda topic, and the first three meetings of a
 * network are trust-building (getting to know each other, no problem-solving agenda).
 */

export const TRUST_BUILDING_MEETINGS = 3;
export const AGENDA_TURNS_PER_MEETING = 2;

export interface RotationAlly {
  personId: string;
  willingToChair: boolean;
  /** Inclusive local dates; either may be null. */
  absentFrom: string | null;
  absentUntil: string | null;
}

export interface RotationHistory {
  /** Chairs of the earlier (planned or held) meetings, oldest first. */
  chairs: (string | null)[];
  /** The location of the latest earlier meeting. */
  lastLocationId: string | null;
  /** Agenda turns of the earlier meetings, oldest first. */
  agendaTurns: string[][];
  /** Earlier meetings that were not cancelled. */
  meetingsSoFar: number;
}

export interface RotationSlot {
  date: string;
  /** A location the secretary chose; otherwise the next in rotation. */
  locationId?: string | null | undefined;
}

export interface RotationResult {
  date: string;
  chairPersonId: string | null;
  locationId: string | null;
  agendaTurnPersonIds: string[];
  trustBuilding: boolean;
}

export function isAbsent(ally: RotationAlly, date: string): boolean {
  if (ally.absentFrom === null && ally.absentUntil === null) return false;
  return (ally.absentFrom ?? '0000-01-01') <= date && date <= (ally.absentUntil ?? '9999-12-31');
}

/**
 * Assigns chair, location, agenda turns and the trust-building mark to `slots` (in date order),
 * continuing from `history`. Allies are considered in the given order when all else is equal.
 */
export function rotate(
  slots: RotationSlot[],
  allies: RotationAlly[],
  locationIds: string[],
  history: RotationHistory,
): RotationResult[] {
  const timesChaired = new Map<string, number>();
  const lastChaired = new Map<string, number>();
  history.chairs.forEach((personId, index) => {
    if (!personId) return;
    timesChaired.set(personId, (timesChaired.get(personId) ?? 0) + 1);
    lastChaired.set(personId, index);
  });
  let previousChair = history.chairs.at(-1) ?? null;
  let turn = history.chairs.length;

  let locationIndex = history.lastLocationId ? locationIds.indexOf(history.lastLocationId) : -1;
  const turnOrder = allies.map((ally) => ally.personId);
  const lastTurn = history.agendaTurns.flat().at(-1);
  let agendaPointer = lastTurn ? (turnOrder.indexOf(lastTurn) + 1) % Math.max(turnOrder.length, 1) : 0;
  let meetingsSoFar = history.meetingsSoFar;

  return slots.map((slot) => {
    const candidates = allies.filter(
      (ally) => ally.willingToChair && ally.personId !== previousChair && !isAbsent(ally, slot.date),
    );
    // Fewest times in the chair first; then whoever chaired longest ago (never: first); then list order.
    candidates.sort(
      (a, b) =>
        (timesChaired.get(a.personId) ?? 0) - (timesChaired.get(b.personId) ?? 0) ||
        (lastChaired.get(a.personId) ?? -1) - (lastChaired.get(b.personId) ?? -1),
    );
    const chair = candidates[0]?.personId ?? null;
    if (chair) {
      timesChaired.set(chair, (timesChaired.get(chair) ?? 0) + 1);
      lastChaired.set(chair, turn);
    }
    previousChair = chair;
    turn += 1;

    let locationId: string | null;
    if (slot.locationId !== undefined && slot.locationId !== null) {
      locationId = slot.locationId;
      const chosen = locationIds.indexOf(slot.locationId);
      if (chosen >= 0) locationIndex = chosen;
    } else if (locationIds.length > 0) {
      locationIndex = (locationIndex + 1) % locationIds.length;
      locationId = locationIds[locationIndex] ?? null;
    } else {
      locationId = null;
    }

    const trustBuilding = meetingsSoFar < TRUST_BUILDING_MEETINGS;
    meetingsSoFar += 1;
    const agendaTurnPersonIds: string[] = [];
    if (!trustBuilding) {
      // Walk the list once from the pointer, skipping the absent and the chair (who has the floor anyway).
      for (
        let step = 0;
        step < turnOrder.length && agendaTurnPersonIds.length < AGENDA_TURNS_PER_MEETING;
        step++
      ) {
        const index = (agendaPointer + step) % turnOrder.length;
        const ally = allies[index];
        if (!ally || isAbsent(ally, slot.date) || ally.personId === chair) continue;
        agendaTurnPersonIds.push(ally.personId);
      }
      const last = agendaTurnPersonIds.at(-1);
      if (last) agendaPointer = (turnOrder.indexOf(last) + 1) % turnOrder.length;
    }
    return { date: slot.date, chairPersonId: chair, locationId, agendaTurnPersonIds, trustBuilding };
  });
}
