import type { AuditOrigin } from '../../audit/audit-origin.js';
import { transaction } from '../../platform/db/transaction.js';
import { type AllyRow, readAllies } from '../neighbour-reads.js';
import { audit, invalid, type MeetingDeps, notFound, requireNetwork } from '../service-kit.js';
import { chairCounts, upsertAllyPreferences } from './participant-store.js';

// ---- Allies' meeting preferences ----

export function participantView(ally: AllyRow, counts: Map<string, number>) {
  return {
    personId: ally.personId,
    displayName: ally.displayName,
    hasEmail: Boolean(ally.email),
    willingToChair: ally.willingToChair ?? false,
    availableWeekdays: ally.availableWeekdays ?? null,
    absentFrom: ally.absentFrom ?? null,
    absentUntil: ally.absentUntil ?? null,
    timesChaired: counts.get(ally.personId) ?? 0,
  };
}

export async function listParticipants(deps: MeetingDeps, origin: AuditOrigin, networkId: string) {
  await requireNetwork(deps, networkId);
  const [allies, counts] = await Promise.all([readAllies(deps, networkId), chairCounts(deps.db, networkId)]);
  await audit(deps.db, origin, 'meeting-participants.read', { type: 'network', id: networkId }, deps.now());
  return allies.map((ally) => participantView(ally, counts));
}

export async function putParticipant(
  deps: MeetingDeps,
  origin: AuditOrigin,
  networkId: string,
  personId: string,
  input: {
    willingToChair: boolean;
    availableWeekdays: number[] | null;
    absentFrom: string | null;
    absentUntil: string | null;
  },
) {
  const allies = await readAllies(deps, networkId);
  if (!allies.some((a) => a.personId === personId)) throw notFound();
  if (input.absentFrom && input.absentUntil && input.absentUntil < input.absentFrom)
    throw invalid([
      { field: 'body.absentUntil', code: 'before_start', message: 'must not be before absentFrom' },
    ]);
  const values = {
    willing_to_chair: input.willingToChair,
    available_weekdays: input.availableWeekdays
      ? [...new Set(input.availableWeekdays)].sort((a, b) => a - b)
      : null,
    absent_from: input.absentFrom,
    absent_until: input.absentUntil,
  };
  await transaction(deps.db, async (tx) => {
    await upsertAllyPreferences(tx, networkId, personId, values);
    await audit(tx, origin, 'meeting-participant.update', { type: 'person', id: personId }, deps.now());
  });
  const [after, counts] = await Promise.all([readAllies(deps, networkId), chairCounts(deps.db, networkId)]);
  const ally = after.find((a) => a.personId === personId);
  if (!ally) throw notFound();
  return participantView(ally, counts);
}
