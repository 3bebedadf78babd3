import type { Transaction } from 'kysely';
import { insertAbsence } from '../../continuity/absence-store.js';
import { readNetworkStaff } from '../../identity/index.js';
import { readActiveNetworkDates } from '../../network/index.js';
import type { Database } from '../../platform/db/schema.js';
import { addDays, localDate } from '../../platform/time.js';

/** Buiten carries the continuity demo; Haven's and Stad's staff stay present, as the call-out tests count them. */
const NETWORK = 'Bondgenoten Buiten';

/**
 * Demo data of continuity (issue 19): a coming absence (a fictional course week) of Buiten's coordinator, two to
 * three weeks from the seed day, so the absence list and the planner show it without changing today's call-outs.
 */
export async function seedContinuityDemo(tx: Transaction<Database>, now: Date): Promise<void> {
  const network = (await readActiveNetworkDates(tx)).find((n) => n.name === NETWORK);
  if (!network) return;
  const coordinator = (await readNetworkStaff(tx, network.id)).find((s) => s.role === 'coordinator');
  if (!coordinator) return;
  const today = localDate(now);
  await insertAbsence(tx, {
    userId: coordinator.userId,
    startsOn: addDays(today, 14),
    endsOn: addDays(today, 18),
    source: 'manual',
    note: 'Fictief: cursusweek',
    recordedBy: coordinator.userId,
    now,
  });
}
