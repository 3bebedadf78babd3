import { eraseFromCallOuts, leaveOpenCallLists } from '../call-outs/call-list-privacy.js';
import {
  describeCallOutsOfPerson,
  expireCallOutRecords,
  readCallOutActivitySince,
} from '../call-outs/index.js';
import { describeEvaluationsOfPerson, eraseFromEvaluations } from '../evaluation/index.js';
import { expireLocalSessions } from '../identity/index.js';
import {
  describeMeetingsOfPerson,
  eraseFromMeetings,
  expireMeetingRecords,
  readMeetingActivitySince,
  reissueFutureInvitations,
} from '../meetings/index.js';
import { readMunicipalityNetworkIds } from '../network/index.js';
import type { PersonDataHolder } from '../privacy/registry.js';
import {
  describeSelectionOfPerson,
  eraseFromSelection,
  expireNotAdmittedCandidates,
} from '../selection/index.js';
import {
  describeSignalsOfPerson,
  eraseFromSignals,
  expireContactNotes,
  readSignalActivitySince,
} from '../signals/index.js';
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
      // Closed call-outs keep their counts but no longer who was called (see the store).
      retentionKinds: ['call-out-records'],
      expire: (request) => expireCallOutRecords(deps.db, request),
      activeSince: (since) => readCallOutActivitySince(deps.db, since),
      describe: (personId) => describeCallOutsOfPerson(deps.db, personId),
    },
    {
      name: 'meetings',
      release: async (person) =>
        (await reissueFutureInvitations({ ...deps, neighbours: meetingNeighbours }, person.networkIds))
          .updated,
      erase: (person) => eraseFromMeetings(deps.db, person),
      // Past meetings keep themes, mood, attendance and responses; notes and addresses go.
      retentionKinds: ['meeting-records'],
      expire: async (request) =>
        expireMeetingRecords(deps.db, {
          ...request,
          networkIds: await readMunicipalityNetworkIds(deps.db, request.municipalityId),
        }),
      activeSince: (since) => readMeetingActivitySince(deps.db, since),
      describe: (personId) => describeMeetingsOfPerson(deps.db, personId),
    },
    {
      // Signals keep their rows (the thermometer's counts) but lose the person and their name; the contact log goes.
      name: 'signals',
      erase: (person) => eraseFromSignals(deps.db, person),
      retentionKinds: ['contact-notes'],
      expire: (request) => expireContactNotes(deps.db, request),
      activeSince: (since) => readSignalActivitySince(deps.db, since),
      describe: (personId) => describeSignalsOfPerson(deps.db, personId),
    },
    {
      // The candidate rows that led to the person lose name, contact data and notes; statuses stay.
      name: 'selection',
      erase: (person) => eraseFromSelection(deps.db, person),
      retentionKinds: ['not-admitted'],
      expire: (request) => expireNotAdmittedCandidates(deps.db, request),
      describe: (personId) => describeSelectionOfPerson(deps.db, personId),
    },
    {
      // The note on the person goes; decisions and figures stay.
      name: 'evaluation',
      erase: (person) => eraseFromEvaluations(deps.db, person),
      describe: (personId) => describeEvaluationsOfPerson(deps.db, personId),
    },
    {
      // Staff's local sign-in sessions (development and demonstrations): deleted a while after they ended.
      name: 'identity',
      retentionKinds: ['local-sessions'],
      expire: (request) => expireLocalSessions(deps.db, request),
    },
  ];
}
