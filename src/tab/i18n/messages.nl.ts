import { messagesFirstNl } from './messages-first.nl.js';
import { messagesMoreNl } from './messages-more.nl.js';

// The tab's code imports only the types of this module: the app loads the first pages' texts with the initial JS
// and the rest on demand (catalogue.ts). The whole catalogue is for the tests, which check it as one.

/** Dutch texts of the tab (the default locale); the English catalogue has exactly these keys. */
export const messagesNl = { ...messagesFirstNl, ...messagesMoreNl };

/** The id of a text of the shell or a first page (messages-first.nl.ts). */
export type FirstMessageId = keyof typeof messagesFirstNl;
/** The id of a text of any other page (messages-more.nl.ts). */
export type MoreMessageId = keyof typeof messagesMoreNl;
/** The id of a text in the catalogues. */
export type MessageId = FirstMessageId | MoreMessageId;
