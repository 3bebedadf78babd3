import type { messagesFieldErrorsNl } from './messages-field-errors.nl.js';

/** English texts of the API's field error codes; the same keys and placeholders as the Dutch ones. */
export const messagesFieldErrorsEn: Record<keyof typeof messagesFieldErrorsNl, string> = {
  'fieldCode.required':
    '{kind, select, district {Choose a district.} search {Enter a search text or choose a filter.} other {Fill this in.}}',
  'fieldCode.invalid_type': 'This value is not right.',
  'fieldCode.too_long': 'At most {max} characters.',
  'fieldCode.too_short': 'At least {min} characters.',
  'fieldCode.too_big':
    '{kind, select, minutes {At most {max} minutes.} escalation_minutes {This must be earlier than the moment the crisis team is alerted.} activity_log {At most {max} days: older contacts and call-out answers are not kept, so the app cannot see activity further back.} other {At most {max}.}}',
  'fieldCode.too_small':
    '{kind, select, soft_limit {This must be at least the soft limit.} inactivity {At least {min} days: the app measures over that many days whether key figures and allies are active.} other {At least {min}.}}',
  'fieldCode.too_many': 'Choose at most {max}.',
  'fieldCode.too_few': 'Choose at least {min}.',
  'fieldCode.invalid_format':
    '{format, select, email {Enter a valid e-mail address.} date {Enter a valid date.} datetime {Enter a valid date and time.} time {Enter a time as hh:mm.} uuid {Choose a value from the list.} cbs_wijkcode {A CBS wijkcode is ‘WK’ and six digits{reason, select, none {} other {, starting with {reason} for this municipality}}.} other {This does not have the right form.}}',
  'fieldCode.invalid_value': 'Choose one of these values: {values}.',
  'fieldCode.unknown_field': 'This field is not known.',
  'fieldCode.invalid': 'This value is not right.',
  'fieldCode.nothing_to_change': 'Change at least one field.',
  'fieldCode.unknown_reference':
    '{kind, select, neighbourhood {This wijk is not part of this municipality.} wijk {This wijk is not part of this municipality.} community {{count, plural, =0 {This community does not exist (any more).} one {One community does not exist (any more).} other {# communities do not exist (any more).}}} location {This location is not part of this network.} ally {This person is not an ally of this network.} person {This person is not in your networks.} staff {This staff member is not part of this network.} action {This action is not part of this meeting.} district {This is not an active district of this municipality.} area {This is not an active district or wijk.} relation_type {This municipality has no such kind of relation.} organisation {This organisation is not part of this municipality.} match {This is not a possible match of this candidate.} call_list {This person is not on the call list.} other {Choose something from the list.}}',
  'fieldCode.wrong_reference':
    '{kind, select, staff {This staff member is not in this network or not of this party.} organisation {This kind of relation links to an organisation, not a person.} person {This kind of relation links to a person, not an organisation.} other {This does not fit the kind of relation.}}',
  'fieldCode.self_reference': 'This cannot refer to the same person.',
  'fieldCode.before_start': 'This date is before the start date.',
  'fieldCode.range_too_long': 'Choose a period of at most {max} days.',
  'fieldCode.duplicate':
    '{kind, select, meeting_date {There is already a meeting on this date.} name {This name exists already.} cbs_code {This CBS code is in use already.} staff {{reason, select, email {Someone of this organisation has this e-mail address already, so your colleague is in the table ‘Staff and roles’ below. Find them there by name; give a role in that table.} other {This person is a staff member already.}}} person {This person may already be stored (same {reason, select, mobile {mobile number} email {e-mail address} other {name and wijk}}). Change that person instead of adding a duplicate.} criterion {Judge each criterion once.} row {This is also on line {line}.} wijk_other_code {This wijk exists already, with another CBS code.} other {This is listed twice.}}',
  'fieldCode.not_in_future': 'Choose a moment in the future.',
  'fieldCode.in_future': 'This date is in the future.',
  'fieldCode.before_1900': 'This date is before 1900.',
  'fieldCode.not_after_start': 'The end must be after the start.',
  'fieldCode.out_of_range':
    '{kind, select, within_hour {Choose a time between now and one hour from now.} other {{from, select, none {This is outside what is possible.} other {Choose a date from {from} to {until}.}}}}',
  'fieldCode.unstorable_text': 'This holds characters we cannot store.',
  'fieldCode.either_or': 'Choose one of the two, not both.',
  'fieldCode.archived': 'This is archived. Restore it first.',
  'fieldCode.in_use': 'This is still in use ({count}).',
  'fieldCode.wijk_only': 'This applies to a wijk only.',
  'fieldCode.one_municipality': 'Choose wijken of one municipality.',
  'fieldCode.no_email': 'This staff member has no e-mail address.',
  'fieldCode.date_conflict': 'This date clashes with the planning. Confirm if you want it anyway.',
  'fieldCode.invalid_phone': 'Enter a valid phone number, e.g. 06-12345678 or +32 470 12 34 56.',
  'fieldCode.unreadable_file':
    '{reason, select, csv_syntax {The file is not readable CSV{line, plural, =0 {} other { (near line #)}}.} not_utf8 {The file is not UTF-8. In Excel, save it as ‘CSV UTF-8’ and try again.} not_xlsx {We cannot read this Excel file. Save it as .xlsx or as ‘CSV UTF-8’.} no_rows {The file is empty. Put the column names on the first line.} no_data_rows {The file has column names but no rows.} too_many_rows {The file has {count} rows. Import at most {max} at a time.} duplicate_column {The file has two ‘{kind}’ columns. Keep one.} no_name_column {The first line has no column for the name.} other {We cannot read this file.}}',
  'fieldCode.rule_professional':
    'A professional of the regular network (youth worker, social worker…) can be a key figure, never an ally.',
  'fieldCode.use_farewell': 'A membership ends only with Say goodbye.',
  'fieldCode.rule_hard_limit': 'A network has at most {max} allies.',
  'fieldCode.municipality_required': 'Choose a municipality: you work for more than one.',
  'fieldCode.ally_via_selection':
    'Someone becomes an ally only through selection: the municipality and the police both approve. Add the person as key figure.',
  'fieldCode.former_via_farewell':
    'A former ally or former key figure comes only from saying goodbye to someone in the network, not from an import. Leave this row out.',
  'fieldCode.tenant_not_allowed': 'Choose an allowed tenant other than the municipality’s own.',
  'problem.validation-failed': 'Not everything is filled in correctly. Check the fields.',
  'problem.malformed-json': 'The request did not arrive intact. Reload the page and try again.',
  'problem.unsupported-media-type': 'The request did not arrive intact. Reload the page and try again.',
  'problem.payload-too-large': 'This is too large to send. Make it smaller and try again.',
  'problem.unauthenticated': 'You are not signed in (any more). Reload the page.',
  'problem.forbidden': 'You do not have access to this.',
  'problem.not-found': 'This does not exist (any more), or you do not have access to it.',
  'problem.conflict': 'This has changed in the meantime. Reload the page and try again.',
  'problem.rule-violated': 'This is not possible under the rules of the method.',
  'problem.upstream-failed': 'Microsoft 365 did not answer as expected. Try again in a few minutes.',
  'problem.not-ready': 'The app cannot be reached right now. Try again in a few minutes.',
  'problem.internal':
    'Something went wrong on our side. Try again. If it keeps failing, tell the administrator.',
  'problemReason.last-of-organisation':
    'This is the last staff member of the municipality or the police in this network. Choose a successor of the same organisation first: they take over the role and the tasks.',
  'problemReason.last-administrator':
    'This is the last administrator. Appoint someone else as administrator first.',
  'problemReason.network-archived': 'This network is archived. You cannot plan meetings for it any more.',
  'problemReason.network-area-archived': 'This network cannot be restored: its area is archived.',
  'problemReason.network-name-taken': 'There is already a network with this name.',
  'problemReason.community-name-taken': 'This community is on the list already.',
  'problemReason.organisation-name-taken': 'There is already an organisation with this name.',
  'problemReason.relation-type-taken': 'This kind of relation exists already.',
  'problemReason.no-organiser':
    'This network has no organiser with an e-mail address. Choose one in the meeting settings.',
  'problemReason.meeting-not-planned': 'Only a planned meeting can be changed or cancelled.',
  'problemReason.meeting-cancelled': 'This meeting was cancelled. It has no record.',
  'problemReason.meeting-not-started': 'You can fill in the record once the meeting has started.',
  'problemReason.location-used':
    'Meetings took place at this location. Make it inactive instead of deleting it.',
  'problemReason.use-farewell': 'End a membership with Say goodbye: with an end date and a reason.',
  'problemReason.evaluation-not-of-network':
    'This evaluation does not exist or does not belong to this person’s network.',
  'problemReason.membership-ended': 'This person’s membership has already ended.',
  'problemReason.changed-meanwhile':
    'Someone else changed this in the meantime. Reload the page and try again.',
  'problemReason.no-network-for-wijken':
    'No network works in the chosen wijken, so there is nobody to alert.',
  'problemReason.call-out-closed': 'This crisis call-out is closed.',
  'problemReason.not-a-recipient': 'This call-out was not sent to you, so you cannot answer it.',
  'problemReason.rows-with-errors': 'Some lines have errors. Nothing was imported.',
  'problemReason.no-new-wijken': 'The file holds no new wijken of this municipality. Nothing was imported.',
  'problemReason.file-changed-meanwhile':
    'A wijk or district of the file was added in the meantime. Check the file again.',
  'problemReason.not-consent-based':
    'This person is recorded on the basis of a public task, not consent: there is no consent to withdraw.',
  'problemReason.ally-needs-selection':
    'Someone becomes an ally only through selection, when the municipality and the police both approve. Nothing was changed.',
  'problemReason.selection-bad-transition': 'This step is not possible from the candidate’s current status.',
  'problemReason.selection-not-ready':
    'Approval is possible only after a positive home visit with ground rules, consent and decided matches.',
  'problemReason.selection-already-approved':
    'Your party has approved this candidate already. The other party decides now.',
  'problemReason.selection-no-party':
    'Only staff of the municipality or the police take part in selection; your organisation is unknown.',
  'problemReason.selection-closed': 'The decision on this candidate has been taken.',
  'problemReason.tenant-not-served':
    'This staff member belongs to an organisation (tenant) the app is not set up for, so Outlook is not read: enter the period yourself.',
  'problemReason.tenant-not-consented':
    'The administrator of this staff member’s Microsoft 365 organisation (the police’s, for example) has not yet given the app consent to read automatic replies. Ask that administrator to grant admin consent, or enter the period yourself.',
};
