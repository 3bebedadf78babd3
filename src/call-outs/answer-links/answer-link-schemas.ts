import { z } from 'zod';
import { staffAnswerSchema } from '../schemas.js';

// In the body, never the path or query: request logs hold paths, and the token is a one-time secret.
const token = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: 'must be the link from the e-mail' });

export const openAnswerLinkSchema = z.object({ token }).meta({ id: 'AnswerLinkInput' });

export const answerThroughLinkSchema = staffAnswerSchema
  .extend({ token })
  .meta({ id: 'AnswerThroughLinkInput' });

/** What the tab needs to show the link's call-out: which one, and whether the link can still be used. */
export const answerLinkStateSchema = z
  .object({
    callOutId: z.uuid(),
    /** `usable` until answered through it once; `expired` after its day (or once the call-out closed). */
    state: z.enum(['usable', 'used', 'expired']),
  })
  .meta({ id: 'AnswerLinkState' });

export type AnswerLinkState = z.infer<typeof answerLinkStateSchema>;
export type AnswerThroughLinkInput = z.infer<typeof answerThroughLinkSchema>;
