import { eraseFromCallOuts, leaveOpenCallLists } from '../call-outs/call-list-privacy.js';
import { eraseFromEvaluations } from '../evaluation/index.js';
import { eraseFromMeetings, reissueFutureInvitations } from '../meetings/index.js';
import type { PersonDataHolder } from '../privacy/registry.js';
import { eraseFromSelection, expireNotAdmittedCandidates } from '../selection/index.js';
import { eraseFromSignals, expireContactNotes } from '../signals/index.js';
import type { AppDeps } from './deps.js';
import { meetingNeighbours } from './meeting-neighbours.js';

/**
 * The capabilities' holders of personal data, plugged into the privacy registry (issue 18). Each acts on its
 * own tables through its own functions; a new capability with people's data adds its holder here.
 */
export function privacyHolders(deps: AppDeps): PersonDataHolder[] {
  return [
    {
      name: 'call-outs',
      release: (person) => leaveOpenCallLists(deps.db, person.personId),
      erase: (person) => eraseFromCallOuts(deps.db, person),
    },
    {
      name: 'meetings',
      release: async (person) =>
        (await reissueFutureInvitations({ ...deps, neighbours: meetingNeighbours }, person.networkIds))
          .updated,
      erase: (person) => eraseFromMeetings(deps.db, person),
    },
    {
      // Signals keep their rows (the thermometer's counts) but lose the person and their name; the contact log goes.
      name: 'signals',
      erase: (person) => eraseFromSignals(deps.db, person),
      retentionKinds: ['contact-notes'],
      expire: (request) => expireContactNotes(deps.db, request),
    },
    {
      // The candidate rows that led to the person lose name, contact data and notes; statuses stay.
      name: 'selection',
      erase: (person) => eraseFromSelection(deps.db, person),
      retentionKinds: ['not-admitted'],
      expire: (request) => expireNotAdmittedCandidates(deps.db, request),
    },
    {
      // The note on the person goes; decisions and figures stay.
      name: 'evaluation',
      erase: (person) => eraseFromEvaluations(deps.db, person),
    },
  ];
}
