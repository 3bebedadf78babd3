/**
 * The retention rules (AVG art. 5(1)(e), storage limitation): per kind of record, how many days after its
 * clock starts it is erased by the daily job. Administrators set them per municipality (retention_rules,
 * migration 0034); a kind without a row uses the default here. Zod-free: the tab and the register share it.
 *
 * `subject: 'person'` kinds erase the whole person through the erasure (the registry's holders included);
 * `subject: 'records'` kinds are handled by the holder that owns the records (`expire` in registry.ts).
 */
import { RETENTION_KINDS, RETENTION_MAX_DAYS, RETENTION_MIN_DAYS, type RetentionKind } from './constants.js';

export { RETENTION_KINDS, RETENTION_MAX_DAYS, RETENTION_MIN_DAYS, type RetentionKind };

export interface RetentionRuleDefinition {
  kind: RetentionKind;
  subject: 'person' | 'records';
  /** The capability that holds the records (for `records` kinds: the holder's name in the registry). */
  holder: string;
  defaultDays: number;
  /** When the clock starts, in English (the tab translates by kind). */
  clockStarts: string;
  /** Why the default is what it is (docs/privacy.md and the processing register repeat it). */
  reason: string;
}

export const RETENTION_RULES: readonly RetentionRuleDefinition[] = [
  {
    kind: 'former-member',
    subject: 'person',
    holder: 'network',
    defaultDays: 365,
    clockStarts: 'the day the membership ended (the farewell) of a former ally or key figure',
    reason:
      'A year covers the half-yearly evaluations that still count the person and a return soon after leaving; ' +
      'after that there is no purpose left for a record of someone who is no longer part of the network.',
  },
  {
    kind: 'consent-withdrawn',
    subject: 'person',
    holder: 'network',
    defaultDays: 30,
    clockStarts: 'the day consent was withdrawn',
    reason:
      'The person is off every call list and invitation at once; a month leaves time to settle open matters ' +
      '(a running call-out, a question back) before the record goes, as the person may expect.',
  },
  {
    kind: 'not-admitted',
    subject: 'records',
    holder: 'selection',
    defaultDays: 180,
    clockStarts: 'the decision not to admit a proposed key figure',
    reason:
      'Half a year lets the municipality and the police answer questions about the decision and avoids ' +
      'proposing the same person again at once; the candidate row keeps its status for the counts, without ' +
      'name, contact data or notes.',
  },
  {
    kind: 'contact-notes',
    subject: 'records',
    holder: 'signals',
    defaultDays: 730,
    clockStarts: 'the day of the contact',
    reason:
      'Two years covers four half-yearly evaluations and the trend a signal is read against; older notes of ' +
      'a conversation with a person add nothing the signals and the thermometer do not already count.',
  },
  {
    kind: 'call-out-records',
    subject: 'records',
    holder: 'call-outs',
    defaultDays: 730,
    clockStarts: 'the day a call-out was closed',
    reason:
      "Two years covers the call-out's own evaluation, the follow-up meeting and four half-yearly evaluations " +
      'that count per ally how often they stood on a call list and were reached. After that the call-out keeps ' +
      'its counts (cards sent, answers, calls, reached, coming) but no longer who was called: what was heard, ' +
      'staff notes and the Teams addresses of the cards are emptied and each call list row gets an id no ' +
      'person has.',
  },
  {
    kind: 'meeting-records',
    subject: 'records',
    holder: 'meetings',
    defaultDays: 730,
    clockStarts: 'the day of the meeting',
    reason:
      'Two years covers the follow-up of the actions and four half-yearly evaluations that read the notes. ' +
      "After that the themes, the mood and the attendance counts tell the trend; the record's notes, " +
      "finished actions' texts and the addresses in the responses and the local invitations are removed.",
  },
  {
    kind: 'local-sessions',
    subject: 'records',
    holder: 'identity',
    defaultDays: 30,
    clockStarts: 'the day a local sign-in session expired',
    reason:
      'A session row holds only a hash of the token, the user and its dates; a month after it ended is ' +
      'enough to trace a sign-in problem. The local sign-in exists for development and demonstrations only, ' +
      'and sessions are not bound to one municipality, so the shortest setting of the deployment applies.',
  },
  {
    kind: 'key-figures-inactive',
    subject: 'person',
    holder: 'network',
    defaultDays: 730,
    clockStarts:
      'the latest contact, signal, meeting attended or call-out answer of a key figure or ally (or the day ' +
      'they were recorded, when there is none)',
    reason:
      'Two years without any contact, signal, meeting attendance or reached call means four half-yearly ' +
      'evaluations passed without the network using the relation; keeping a current phone number and the ' +
      'communities (special categories) of someone nobody is in touch with has no purpose left. The person is ' +
      'erased rather than only flagged: a flag nobody acts on keeps the data, and any recorded contact resets ' +
      'the clock, so a coordinator keeps a person by recording the yearly contact. The days may not exceed the ' +
      'retention of contact notes or call-out records, since older activity is gone from those logs.',
  },
];
