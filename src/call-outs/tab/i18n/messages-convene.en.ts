import type { ConveneMessageId } from './messages-convene.nl.js';

/** English texts of *Bijeenkomst nu* and the local outbox; typed so a missing or extra key fails the type check. */
export const messagesConveneEn: Record<ConveneMessageId, string> = {
  'convene.title': 'Meeting',
  'convene.onTheWay':
    '{total, plural, one {# person on the way} other {# people on the way}} ({staff, plural, one {# staff member} other {# staff members}}, {allies, plural, one {# ally} other {# allies}})',
  'convene.none': 'No meeting yet. Meet now creates a Teams meeting within the hour.',
  'convene.intro':
    'Invited: staff who are coming or calling their allies, and allies the call list says are coming. Allies with an e-mail address get the link by e-mail.',
  'convene.button': 'Meet now (Bijeenkomst nu)',
  'convene.buttonAgain': 'Invite newcomers',
  'convene.duration': 'Duration',
  'convene.minutes': '{minutes} minutes',
  'convene.created': 'The meeting has been created.',
  'convene.failed': 'The meeting could not be created',
  'convene.loadFailed': 'The meeting could not be read',
  'convene.start': 'Starts at {time}',
  'convene.join': 'Join the meeting',
  'convene.local':
    'Local playground: this is a placeholder, not a real Teams meeting. Invitations and e-mails are in the local outbox.',
  'convene.pending': 'The calendar has not confirmed the meeting yet; try Meet now again.',
  'convene.mail':
    '{sent, plural, one {# e-mail} other {# e-mails}} sent, {failed} failed, {withoutAddress} allies without an e-mail address (phone them)',
  'convene.toOutbox': 'To the local outbox',
  'localOutbox.title': 'Local outbox',
  'localOutbox.intro':
    'What the app would have sent in the local playground: calendar invitations (.ics) and e-mails you may see. Nothing leaves this computer.',
  'localOutbox.empty': 'The local outbox is empty.',
  'localOutbox.kind.mail': 'E-mail',
  'localOutbox.kind.calendar': 'Invitation',
  'localOutbox.to': 'To: {recipients}',
  'localOutbox.download': 'Download .ics',
  'localOutbox.loadFailed': 'The local outbox could not be read',
};
