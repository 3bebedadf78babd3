import type { PanelMessageId } from './messages-panel.nl.js';

/** English texts of the meeting side panel; typed so a missing or extra key fails the type check. */
export const messagesPanelEn: Record<PanelMessageId, string> = {
  'panel.documentTitle': 'Side panel – Bondgenoten',
  'panel.notInMeeting.title': 'Open this panel in a Teams meeting',
  'panel.notInMeeting.body':
    'The side panel belongs to a meeting or crisis gathering in Teams. Add Bondgenoten to the meeting and open it there.',
  'panel.noAccess.title': 'No access',
  'panel.noAccess.body':
    'This meeting does not belong to a meeting or call-out of your networks. Only the staff of the network see anything here.',
  'panel.meeting.title': 'Meeting of {date}',
  'panel.meeting.when': '{network}, {time}',
  'panel.meeting.noChair': 'Not chosen yet',
  'panel.meeting.agenda': 'Agenda items from',
  'panel.meeting.noAgenda': 'Nobody',
  'panel.record.title': 'Record',
  'panel.record.actions': 'Actions',
  'panel.record.readOnly':
    "Only the network's coordinators and secretary write the record. You can read it on the meetings page.",
  'panel.record.notStarted': 'You can write the record once the meeting has started.',
  'panel.save.idle': 'What you enter is saved automatically.',
  'panel.save.saving': 'Saving…',
  'panel.save.saved': 'Saved at {time}',
  'panel.save.failed': 'Not saved. Your input stays and we will try again shortly.',
  'panel.save.invalid': 'Not saved: correct what is marked below.',
  'panel.save.retry': 'Try again now',
  'panel.save.conflict': 'Someone else changed the record in the meantime. Your input is still here.',
  'panel.save.keepMine': 'Keep my version',
  'panel.save.loadTheirs': 'Load their version',
};
