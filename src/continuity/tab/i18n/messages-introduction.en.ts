import type { messagesIntroductionNl } from './messages-introduction.nl.js';

/** English texts of the introduction page. */
export const messagesIntroductionEn: Record<keyof typeof messagesIntroductionNl, string> = {
  'intro.title': 'Introduction',
  'intro.pageTitle': 'Introduction – {network}',
  'intro.intro':
    'A newcomer gets to know the network this way: read the network page and the crisis sheet, meet each ally, be introduced at the next meeting and know how a call-out works. After {weeks} weeks without an introduction at a meeting, the network page warns.',
  'intro.nextMeeting': 'The next meeting is on {date, date, long}.',
  'intro.toMeetings': 'To the meetings and the agenda',
  'intro.noNextMeeting': 'No next meeting has been planned yet.',
  'intro.none': 'There is no introduction you can follow.',
  'intro.mine': 'My introduction',
  'intro.of': 'Introduction of {name}',
  'intro.progress': '{done} of {total} done',
  'intro.progressOf': 'Progress of the introduction of {name}',
  'intro.listOf': 'Introduction checklist of {name}',
  'intro.started': '(started on {date, date, long})',
  'intro.overdue': 'Not introduced at a meeting after {weeks} weeks',
  'intro.doneOn': 'done on {date, date, long}',
  'intro.item.network-page': 'Read the network page',
  'intro.item.crisis-sheet': 'Read the crisis sheet',
  'intro.item.meeting': 'Introduced at a meeting',
  'intro.item.call-out-procedure': 'Knows how a call-out works',
  'intro.item.ally': 'Met {name}',
  'intro.open.network-page': 'Open the network page',
  'intro.open.crisis-sheet': 'Open the crisis sheet',
  'intro.open.meeting': 'Open the meetings',
  'intro.ticked': 'Ticked: {item}.',
  'intro.unticked': 'No longer ticked: {item}.',
  'intro.tickFailed': 'Ticking did not work',
} as const;
