import { z } from 'zod';

/** One item of the local mailbox: an .ics invitation of the embedded calendar or an e-mail of the local outbox. */
export const localOutboxItemSchema = z
  .object({
    kind: z.enum(['calendar', 'mail']),
    id: z.uuid(),
    createdAt: z.iso.datetime(),
    subject: z.string(),
    sender: z.string().nullable(),
    recipients: z.array(z.string()),
    /** calendar: REQUEST or CANCEL */
    method: z.string().nullable(),
    text: z.string().nullable().describe('the mail’s plain text'),
    ics: z.string().nullable().describe('the invitation (.ics) to download'),
    fileName: z.string().nullable(),
  })
  .meta({ id: 'LocalOutboxItem' });
export type LocalOutboxItem = z.input<typeof localOutboxItemSchema>;
