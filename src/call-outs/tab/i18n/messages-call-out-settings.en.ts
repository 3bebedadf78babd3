import type { CallOutSettingsMessageId } from './messages-call-out-settings.nl.js';

/** English texts of Beheer – call-out escalation; typed so a missing or extra key fails the type check. */
export const messagesCallOutSettingsEn: Record<CallOutSettingsMessageId, string> = {
  'admin.callOutSettings': 'Call-outs: escalation',
  'callOutSettings.intro':
    'What happens when a crisis call-out gets too few answers: when the back-up gets the card, when staff get a reminder and when the crisis team is called out.',
  'callOutSettings.escalation.title': 'Escalation',
  'callOutSettings.defaultsInUse':
    'The defaults apply now: back-up after {backup} minutes, at least {minimum} available, check after {nextGroup} minutes, reminder after {reminder} minutes.',
  'callOutSettings.appliesWhen':
    'New minutes apply to call-outs started after saving. The minimum and the crisis team also apply to running call-outs whose check has not happened yet.',
  'callOutSettings.backup.label': 'After how many minutes without an answer does the back-up get the card?',
  'callOutSettings.backup.hint':
    'Per staff member who got the card and has a back-up in the network. From 1 to 240 minutes.',
  'callOutSettings.minimum.label': 'How many staff must at least be available?',
  'callOutSettings.minimum.hint':
    'Staff who answer “I’m coming” or “I’ll call my allies”. If fewer do at the check, the crisis team gets the card. From 0 to 100; with 0 the crisis team is never called out.',
  'callOutSettings.nextGroup.label':
    'After how many minutes is it checked whether enough staff are available?',
  'callOutSettings.nextGroup.hint':
    'If too few are, the crisis team gets the card. From 1 to 240 minutes after the start.',
  'callOutSettings.reminder.label': 'After how many minutes do staff who have not answered get a reminder?',
  'callOutSettings.reminder.hint':
    'Once, and before the check for the crisis team. From 1 to 240 minutes after the start.',
  'callOutSettings.error.minutes': 'Enter a whole number of minutes, from 1 to 240.',
  'callOutSettings.error.minimum': 'Enter a whole number, from 0 to 100.',
  'callOutSettings.error.reminder':
    'Enter a whole number of minutes, from 1 to 240, and fewer than the minutes until the check for the crisis team.',
  'callOutSettings.save': 'Save',
  'callOutSettings.saved': 'The escalation settings have been saved.',
  'callOutSettings.fixFields': 'Not saved: correct the marked fields.',
  'callOutSettings.saveFailed': 'The settings were not saved',
  'callOutSettings.team.title': 'Crisis team',
  'callOutSettings.team.intro':
    'The crisis team gets the card when too few staff are available at the check.',
  'callOutSettings.team.empty': 'There is nobody on the crisis team yet.',
  'callOutSettings.team.listLabel': 'Members of the crisis team',
  'callOutSettings.team.reachable': 'Reachable in Teams',
  'callOutSettings.team.unreachable': 'Not reachable in Teams: phone this person',
  'callOutSettings.team.noPhone': 'No phone number known',
  'callOutSettings.team.remove': 'Remove',
  'callOutSettings.team.removeLabel': 'Remove from the crisis team: {name}',
  'callOutSettings.team.add': 'Add',
  'callOutSettings.team.pick': 'Add a staff member to the crisis team',
  'callOutSettings.team.pickPlaceholder': 'Choose a staff member',
  'callOutSettings.team.pickHint': 'Municipality and police staff who work in this municipality.',
  'callOutSettings.team.pickRequired': 'Choose a staff member first.',
  'callOutSettings.team.saved': 'The crisis team has been saved.',
  'callOutSettings.team.saveFailed': 'The crisis team was not saved',
  'callOutSettings.loadFailed': 'The settings could not be loaded',
};
