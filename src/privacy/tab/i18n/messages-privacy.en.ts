import type { PrivacyMessageId } from './messages-privacy.nl.js';

/** English texts of Administration → Privacy; typed so a missing or extra key fails the type check. */
export const messagesPrivacyEn: Record<PrivacyMessageId, string> = {
  'admin.privacy': 'Privacy',
  'privacy.intro':
    'What the app keeps about people and for how long (GDPR): retention periods, the processing register, and subject access, consent withdrawal and erasure for one person.',
  'privacy.navLabel': 'Privacy sections',
  'privacy.page.retention': 'Retention',
  'privacy.page.register': 'Processing register',
  'privacy.page.person': 'Person',
  'privacy.documentTitle': 'Privacy – {page}',

  'privacy.kind.former-member': 'Former allies and former key figures',
  'privacy.kind.consent-withdrawn': 'People who withdrew consent',
  'privacy.kind.not-admitted': 'Proposed people who were not admitted',
  'privacy.kind.contact-notes': 'Contact notes',
  'privacy.kind.call-out-records': 'Call lists and timelines of call-outs',
  'privacy.kind.meeting-records': 'Meeting records and responses',
  'privacy.kind.local-sessions': 'Local sign-in sessions',
  'privacy.kind.key-figures-inactive': 'Key figures and allies without activity',
  'privacy.clock.former-member': 'From the farewell (end of membership).',
  'privacy.clock.consent-withdrawn': 'From the day consent was withdrawn.',
  'privacy.clock.not-admitted': 'From the decision not to admit someone.',
  'privacy.clock.contact-notes': 'From the day of the contact.',
  'privacy.clock.call-out-records': 'From the day the call-out was closed.',
  'privacy.clock.meeting-records': 'From the day of the meeting.',
  'privacy.clock.local-sessions': 'From the day the session expired.',
  'privacy.clock.key-figures-inactive':
    'From the latest contact, signal, meeting attended or answered call (or the day the person was recorded, when there is none).',
  'privacy.reason.former-member':
    'A year covers the half-yearly evaluations that still count the person, and a quick return. After that there is no purpose left in keeping data of someone who is no longer part of the network.',
  'privacy.reason.consent-withdrawn':
    'The person is off every call list and invitation at once. A month leaves time to settle open matters before the data goes.',
  'privacy.reason.not-admitted':
    'Half a year to answer questions about the decision and not to propose the same person again at once. The status stays for the counts, without name, contact data or notes.',
  'privacy.reason.contact-notes':
    'Two years cover four half-yearly evaluations and the trend a signal is read against. Older notes add nothing the signals and the thermometer do not already count.',
  'privacy.reason.call-out-records':
    "Two years covers the call-out's evaluation, the follow-up meeting and four half-yearly evaluations that count per ally how often they stood on a call list and were reached. After that the call-out keeps its counts but no longer who was called: what was heard, staff notes and the Teams addresses of the cards are emptied, and each call list row gets an id no person has.",
  'privacy.reason.meeting-records':
    "Two years covers following up the actions and four half-yearly evaluations that read the records. After that the themes, the mood and the attendance tell the trend; the record's notes, the texts of finished actions and the addresses in responses and local invitations are removed.",
  'privacy.reason.local-sessions':
    'A session holds only a hash of the token, the user and its dates. A month after it ended is enough to trace a sign-in problem. The local sign-in is for development and demonstrations only; sessions do not belong to one municipality, so the shortest setting of the deployment applies.',
  'privacy.reason.key-figures-inactive':
    'Two years without contact, signal, meeting attendance or reached call means four half-yearly evaluations passed without the network using the relation. Keeping a current phone number and the communities (special categories) of someone nobody is in touch with has no purpose left. The person is erased rather than only flagged: a flag nobody acts on keeps the data. Any recorded contact resets the clock, so a coordinator keeps a person by recording the yearly contact. The days may not exceed those of contact notes and call-out records, as older contact is no longer there.',
  'privacy.action.person': 'What happens: the person is erased.',
  'privacy.action.records': 'What happens: the records are cleaned up; counts stay right.',

  'privacy.retention.title': 'Retention periods',
  'privacy.retention.intro':
    'Every day the app cleans up what has been kept longer than its period. You choose the days per kind of data; without a choice the default applies.',
  'privacy.retention.days': 'Retention in days',
  'privacy.retention.daysHint': 'From 30 to 3650 days. Default: {defaultDays} days.',
  'privacy.retention.defaultBadge': 'Default',
  'privacy.retention.changedBadge': 'Changed',
  'privacy.retention.clock': 'When the period starts',
  'privacy.retention.reason': 'Why this default',
  'privacy.retention.save': 'Save',
  'privacy.retention.saveLabel': 'Save retention: {kind}',
  'privacy.retention.saved': 'The retention period is saved: {days} days.',
  'privacy.retention.saveFailed': 'The retention period was not saved',
  'privacy.retention.daysError': 'Choose a retention of 30 to 3650 whole days.',
  'privacy.retention.loadFailed': 'The retention periods could not be loaded',
  'privacy.runs.title': 'Latest clean-ups',
  'privacy.runs.none': 'The daily clean-up has not run yet.',
  'privacy.runs.label': 'Latest clean-ups per kind',
  'privacy.runs.day': 'Day',
  'privacy.runs.busy': 'running',

  'privacy.preview.title': 'What will be cleaned up soon?',
  'privacy.preview.intro': 'Counts only; nothing changes.',
  'privacy.preview.withinDays': 'Within how many days?',
  'privacy.preview.withinDaysHint': 'From 1 to 365 days.',
  'privacy.preview.show': 'Show',
  'privacy.preview.withinDaysError': 'Choose 1 to 365 whole days.',
  'privacy.preview.failed': 'The preview could not be loaded',
  'privacy.preview.tableLabel': 'Counts that will be cleaned up',
  'privacy.preview.kind': 'Kind',
  'privacy.preview.term': 'Period',
  'privacy.preview.today': 'Today',
  'privacy.preview.within': 'Within {days} days',
  'privacy.preview.daysValue': '{days} days',

  'privacy.register.title': 'Processing register',
  'privacy.register.intro':
    'The register of processing activities (GDPR art. 30) and the DPIA input, generated from the app’s own configuration, so the DPO can check what is real. Every view is recorded in the audit trail.',
  'privacy.registerText.purposeSignals':
    'Keeping in touch with key figures and allies of communities to hear early about tensions (signals)',
  'privacy.registerText.purposeCallOuts':
    'Calling allies out in a crisis and reaching them quickly (call lists, call-out timelines)',
  'privacy.registerText.purposeMeetings': 'Planning and recording network meetings and their follow-up',
  'privacy.registerText.purposeSelection':
    'Selecting and admitting key figures jointly by municipality and police; evaluating the network half-yearly',
  'privacy.registerText.peopleAllies': 'Key figures and allies (and former ones) of community networks',
  'privacy.registerText.peopleCandidates': 'Candidates proposed as key figure',
  'privacy.registerText.peopleStaff': 'Staff of the municipality and the police who use the app',
  'privacy.registerText.dataContact':
    'Name, mobile number, e-mail address, preferred channel, languages, availability',
  'privacy.registerText.dataSpecial':
    'Special categories (AVG art. 9): the communities a person belongs to reveal religion or origin, sometimes sexual orientation',
  'privacy.registerText.dataProfile': 'Age band, gender, wijk; relations between people; organisations',
  'privacy.registerText.dataFreeText':
    'Signals, contact notes, call notes, meeting responses, selection assessments and evaluation notes (free text)',
  'privacy.registerText.dataAudit': 'Audit trail: who read or changed what (ids only)',
  'privacy.registerText.basisConsent':
    'consent: AVG art. 6(1)(a) with art. 9(2)(a) (explicit consent), recorded with its date and withdrawable',
  'privacy.registerText.basisPublicTask':
    'public_task: AVG art. 6(1)(e) for professionals recorded in their role',
  'privacy.registerText.processorMicrosoft':
    'Microsoft (Microsoft 365, Teams, Graph, Azure) as processor, EU data boundary',
  'privacy.registerText.measureNeedToKnow':
    'Need-to-know: access per network and role, checked on every route (src/identity/policies.ts)',
  'privacy.registerText.measureAudit':
    'Audit trail of every read and change of personal data, hash-chained and verifiable; logs hold no personal data',
  'privacy.registerText.measureSignIn': 'Sign-in through Microsoft Entra ID of the allowed tenants only',
  'privacy.registerText.measureEncryption':
    'Encryption at rest and in transit on Azure (Azure Database for PostgreSQL, EU region)',
  'privacy.registerText.measureRetention':
    'Retention rules applied daily; erasure and inzage of one person on request',
  'privacy.registerText.measureHiddenAttendees':
    'Allies never see each other’s addresses in invitations (hidden attendees)',
  'privacy.register.generatedAt': 'Generated on {at}',
  'privacy.register.download': 'Download register (JSON)',
  'privacy.register.downloaded': 'The register has been downloaded.',
  'privacy.register.loadFailed': 'The processing register could not be loaded',
  'privacy.register.purposes': 'Purposes',
  'privacy.register.people': 'Categories of data subjects',
  'privacy.register.data': 'Categories of personal data',
  'privacy.register.legalBases': 'Legal bases',
  'privacy.register.retention': 'Retention periods',
  'privacy.register.retentionLabel': 'Retention periods in the register',
  'privacy.register.holders': 'Parts holding personal data',
  'privacy.register.holdersLabel': 'Parts of the app holding personal data',
  'privacy.register.holder': 'Part',
  'privacy.register.release': 'Takes off lists',
  'privacy.register.erase': 'Erases',
  'privacy.register.kinds': 'Retention',
  'privacy.register.yes': 'Yes',
  'privacy.register.no': 'No',
  'privacy.register.recipients': 'Recipients',
  'privacy.register.tenants': 'Organisations (tenants) whose staff sign in',
  'privacy.register.noTenants': 'None: local run without Microsoft 365.',
  'privacy.register.processors': 'Processors',
  'privacy.register.security': 'Security measures',
  'privacy.register.defaultDays': 'default {days}',
  'privacy.holder.network': 'Network and people',
  'privacy.holder.call-outs': 'Call-outs',
  'privacy.holder.meetings': 'Meetings',
  'privacy.holder.signals': 'Signals',
  'privacy.holder.selection': 'Selection',
  'privacy.holder.evaluation': 'Evaluation',
  'privacy.holder.identity': 'Sign-in',

  'privacy.person.title': 'Find a person',
  'privacy.person.intro':
    'Find a person anywhere in the municipality for subject access, consent withdrawal or erasure. You see no contact data; every search is recorded.',
  'privacy.person.search': 'Name',
  'privacy.person.searchHint': 'At least 2 characters.',
  'privacy.person.searchButton': 'Search',
  'privacy.person.searchError': 'Type at least 2 characters of the name.',
  'privacy.person.searchFailed': 'The search failed',
  'privacy.person.none': 'Nobody found for ‘{q}’.',
  'privacy.person.resultsLabel': 'People found',
  'privacy.person.count': '{count, plural, one {1 person found} other {# people found}}',
  'privacy.person.choose': 'Choose',
  'privacy.person.chooseLabel': 'Choose: {name}',
  'privacy.person.chosenLabel': 'Chosen: {name}',
  'privacy.person.chosen': 'Chosen',
  'privacy.person.noNetwork': 'in no network',
  'privacy.person.kind.key_figure': 'Key figure',
  'privacy.person.kind.ally': 'Ally',
  'privacy.person.kind.former_ally': 'Former ally',
  'privacy.person.kind.former_key_figure': 'Former key figure',
  'privacy.person.basis.consent': 'Consent (GDPR art. 6(1)(a) and art. 9(2)(a))',
  'privacy.person.basis.public_task': 'Public task (GDPR art. 6(1)(e))',
  'privacy.person.legalBasis': 'Legal basis',
  'privacy.person.consentDate': 'Consent given',
  'privacy.person.withdrawnOn': 'Consent withdrawn',
  'privacy.person.notRecorded': 'not recorded',
  'privacy.person.networks': 'Networks',

  'privacy.inzage.title': 'Subject access (GDPR art. 15)',
  'privacy.inzage.intro':
    'Everything the app keeps about this person, with who read or changed it, as a JSON file. Confidential: give it to the person only.',
  'privacy.inzage.download': 'Download subject access (JSON)',
  'privacy.inzage.downloaded':
    'The subject access export has been downloaded ({count, plural, one {1 line} other {# lines}} in the audit trail).',
  'privacy.inzage.failed': 'The subject access export could not be made',

  'privacy.withdraw.title': 'Withdraw consent',
  'privacy.withdraw.intro':
    'From that day on the person is on no call list and gets no invitations; the retention period starts.',
  'privacy.withdraw.date': 'Date of withdrawal',
  'privacy.withdraw.dateHint': 'Today or earlier.',
  'privacy.withdraw.dateRequired': 'Enter a date.',
  'privacy.withdraw.submit': 'Record withdrawal',
  'privacy.withdraw.done':
    'The withdrawal is recorded on {date}. {changed, plural, =0 {Nothing had to come off lists or invitations.} one {1 list or invitation changed.} other {# lists or invitations changed.}}',
  'privacy.withdraw.already': 'Consent had already been withdrawn on {date}.',
  'privacy.withdraw.failed': 'The withdrawal was not recorded',
  'privacy.withdraw.notConsent':
    'This person is recorded on the basis of a public task; there is no consent to withdraw.',

  'privacy.erase.title': 'Erasure (GDPR art. 17)',
  'privacy.erase.intro': 'Erasure cannot be undone. Choose the reason; the app then asks you to confirm.',
  'privacy.erase.reason': 'Reason',
  'privacy.erase.reasonRequired': 'Choose a reason.',
  'privacy.erase.reason.data-subject-request': 'At the person’s own request',
  'privacy.erase.reason.consent-withdrawn': 'Consent withdrawn',
  'privacy.erase.reason.no-longer-needed': 'No longer needed for the purpose',
  'privacy.erase.reason.unlawful': 'Processed unlawfully',
  'privacy.erase.open': 'Erase person…',
  'privacy.erase.dialogTitle': 'Erase {name} for good?',
  'privacy.erase.what': 'This is what happens:',
  'privacy.erase.what.fields':
    'Name, phone number, e-mail address, following, availability, languages, age, gender and wijk are erased; communities and organisations are unlinked.',
  'privacy.erase.what.relations': 'Relations are ended and the person leaves every network.',
  'privacy.erase.what.lists':
    'The person comes off open call lists and future invitations (Outlook sends a cancellation).',
  'privacy.erase.what.text':
    'Where the name appears in free text (call-outs, notes, actions), it is replaced by ‘Gewiste persoon’.',
  'privacy.erase.what.stays':
    'Counts in reports and the audit trail stay right: they hold a number only, never a name.',
  'privacy.erase.reasonChosen': 'Reason: {reason}.',
  'privacy.erase.confirm': 'Erase for good',
  'privacy.erase.failed': 'The person was not erased',
  'privacy.erase.done': '{name} has been erased ({reason}).',
  'privacy.erase.doneDetail':
    '{changed, plural, =0 {Nothing else had to change.} one {1 other record changed.} other {# other records changed.}}',
  'privacy.failedHolders': 'Did not succeed in: {holders}. Try again later.',
};
