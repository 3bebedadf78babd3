import { absenceFirstOrder } from '../../continuity/index.js';
import type { NewRecipient } from '../call-out-store.js';
import type { Targets } from './targeting.js';

/** A recipient to write, with whether they stand in for an absent colleague. */
export interface PlannedRecipient extends NewRecipient {
  absent: boolean;
  standIn: boolean;
}

/**
 * The staff recipients of a call-out with absence taken into account (continuity, issue 19): an absent
 * recipient's back-up (when not absent too) is added as a `backup` recipient if not already on the list, and
 * goes first; the absent recipients still get the card, marked absent, and go last. Pure.
 */
export function planStaffRecipients(
  staff: Targets['staff'],
  absent: ReadonlySet<string>,
): PlannedRecipient[] {
  const planned: PlannedRecipient[] = staff.map((s) => ({
    userId: s.userId,
    reason: 'network-staff',
    networkId: s.networkId,
    backupForUserId: null,
    absent: absent.has(s.userId),
    standIn: false,
  }));
  for (const s of staff) {
    if (!absent.has(s.userId) || !s.backupUserId || absent.has(s.backupUserId)) continue;
    const known = planned.find((p) => p.userId === s.backupUserId);
    if (known) known.standIn = true;
    else
      planned.push({
        userId: s.backupUserId,
        reason: 'backup',
        networkId: s.networkId,
        backupForUserId: s.userId,
        absent: false,
        standIn: true,
      });
  }
  return absenceFirstOrder(planned, absent, new Set(planned.filter((p) => p.standIn).map((p) => p.userId)));
}
