import { readOpenCallsOwnedBy, reassignOpenCalls } from '../call-outs/index.js';
import type { HandOverHoldings } from '../continuity/hand-over-port.js';
import { readBackupDutiesOf, reassignBackupDuties } from '../identity/index.js';
import { readOpenActionsOwnedBy, reassignOpenActions } from '../meetings/index.js';
import { readOpenFollowUpsOwnedBy, reassignOpenFollowUps } from '../signals/index.js';

/**
 * Continuity's hand-over reads and moves what a staff member holds through each owner's exported functions
 * (meetings' actions, signals' follow-ups, call-outs' call lists, identity's back-ups): those capabilities
 * import continuity, so continuity cannot import them.
 */
export const handOverHoldings: HandOverHoldings = {
  async read(db, networkId, userId) {
    // One after the other: inside the hand-over's transaction the reads share one connection.
    const actions = await readOpenActionsOwnedBy(db, networkId, userId);
    const followUps = await readOpenFollowUpsOwnedBy(db, networkId, userId);
    const calls = await readOpenCallsOwnedBy(db, networkId, userId);
    const backups = await readBackupDutiesOf(db, networkId, userId);
    return { actions, followUps, calls, backups };
  },
  async move(tx, { networkId, fromUserId, toUserId, byUserId, now }) {
    const actions = await reassignOpenActions(tx, networkId, fromUserId, toUserId, now);
    const followUps = await reassignOpenFollowUps(tx, networkId, fromUserId, toUserId, byUserId, now);
    const calls = await reassignOpenCalls(tx, networkId, fromUserId, toUserId);
    const backups = await reassignBackupDuties(tx, networkId, fromUserId, toUserId);
    return { actions, followUps, calls, backups: backups.moved, backupsCleared: backups.cleared };
  },
};
