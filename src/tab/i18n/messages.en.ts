import type { MessageId } from './messages.nl.js';
import { messagesFirstEn } from './messages-first.en.js';
import { messagesMoreEn } from './messages-more.en.js';

/** English texts of the tab, whole (for the tests; the app loads the two parts as it does the Dutch ones). */
export const messagesEn: Record<MessageId, string> = { ...messagesFirstEn, ...messagesMoreEn };
