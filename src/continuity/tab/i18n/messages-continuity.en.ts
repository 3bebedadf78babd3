import type { messagesContinuityNl } from './messages-continuity.nl.js';

/** English texts of the absence page. */
export const messagesContinuityEn: Record<keyof typeof messagesContinuityNl, string> = {
  'absence.title': 'Absence',
  'absence.pageTitle': 'Absence – {network}',
  'absence.back': 'Back to {network}',
  'absence.backToNetwork': 'Back to the network',
  'absence.intro':
    'Record when you are away. While you are absent, your back-up gets crisis call-outs first and the planner counts those days as busy.',
  'absence.list.title': 'Absent now and soon',
  'absence.list.empty': 'Nobody in this network has recorded an absence.',
  'absence.col.who': 'Staff member',
  'absence.col.from': 'From',
  'absence.col.until': 'Until (inclusive)',
  'absence.col.backup': 'Back-up takes over',
  'absence.col.note': 'Note',
  'absence.col.actions': 'Actions',
  'absence.now': 'absent now',
  'absence.source.outlook': 'from Outlook',
  'absence.noBackup': 'No back-up: choose one on the network page',
  'absence.date': '{date, date, long}',
  'absence.remove': 'Remove',
  'absence.remove.label': 'Remove the absence of {name} from {from, date, long}',
  'absence.remove.title': 'Remove this absence?',
  'absence.remove.body':
    '{name} will then be available again for crisis call-outs and the planner from {from, date, long} until {until, date, long}.',
  'absence.remove.failed': 'The absence was not removed',
  'absence.removed': 'The absence of {name} was removed.',
  'absence.form.title': 'Record an absence',
  'absence.form.who': 'Who is away?',
  'absence.form.self': 'For: {name}',
  'absence.form.from': 'First day',
  'absence.form.until': 'Last day',
  'absence.form.note': 'Note (optional, e.g. "holiday" or "course")',
  'absence.form.submit': 'Record',
  'absence.form.required': 'Enter a date.',
  'absence.form.failed': 'The absence was not recorded.',
  'absence.outlook.take': 'Take over from Outlook',
  'absence.outlook.taken':
    'Taken over from your Outlook automatic replies: {from, date, long} until {until, date, long}. Check and record.',
  'absence.outlook.none':
    '{state, select, off {Outlook has no automatic replies switched on.} always {Outlook has automatic replies on without an end date: enter the period yourself.} ended {The period of the Outlook automatic replies is already over.} other {Outlook gives no period.}}',
  'absence.outlook.unavailable':
    '{reason, select, local {Outlook is not connected in this environment: enter the period yourself.} not_signed_in {This staff member has not signed in to the app yet, so their mailbox is not known: enter the period yourself.} no_mailbox {No Outlook mailbox was found.} not_permitted {The organisation has not allowed reading automatic replies.} time_zone {The time zone of the automatic replies is unknown: enter the period yourself.} other {Outlook could not be read.}}',
  'absence.outlook.failed': 'Outlook could not be read',
  'absence.recorded': 'Absence of {name} recorded from {from, date, long} until {until, date, long}.',
  'absence.viewOnly':
    'You can record your own absence here when you have a role in this network; coordinators also do so for others.',
};
