import { z } from 'zod';
import { FIXED_INTRODUCTION_ITEMS, parseItemKey } from './introduction-rules.js';

export const introductionParams = z.object({
  networkId: z.uuid({ message: 'must be a network id' }),
  userId: z.uuid({ message: 'must be a staff member id' }),
});

export const introductionItemParams = introductionParams.extend({
  itemKey: z
    .string()
    .max(60)
    .refine((key) => parseItemKey(key) !== null, {
      message: `must be one of ${FIXED_INTRODUCTION_ITEMS.join(', ')} or ally:<person id>`,
    })
    .describe('network-page, crisis-sheet, meeting, call-out-procedure, or ally:<person id>'),
});

/** One line of a newcomer's introduction checklist. */
export const introductionItemSchema = z
  .object({
    key: z.string(),
    kind: z.enum(['fixed', 'ally']),
    /** The ally's name for an ally line; null for the fixed items (the tab names them). */
    allyName: z.string().nullable(),
    doneOn: z.iso.date().nullable().describe('The day it was done; null while not ticked'),
    meetingId: z
      .uuid()
      .nullable()
      .describe('Item meeting: the meeting the newcomer was introduced at, when named'),
  })
  .meta({ id: 'IntroductionItem' });

/** A newcomer's introduction to a network: the checklist and how far it is. */
export const introductionSchema = z
  .object({
    userId: z.uuid(),
    displayName: z.string(),
    role: z.enum(['coordinator', 'member', 'secretary', 'viewer']),
    startedOn: z.iso.date().describe('The day the role was granted'),
    items: z.array(introductionItemSchema),
    done: z.number().int(),
    total: z.number().int(),
    overdue: z
      .boolean()
      .describe(
        'Not yet introduced at a meeting six weeks (INTRODUCTION_DUE_WEEKS) after the role was granted',
      ),
    /** The caller may tick and untick (the newcomer, or a coordinator of the network). */
    mayTick: z.boolean(),
  })
  .meta({ id: 'Introduction' });

/** The introductions the caller may see in a network, with the network's next meeting to be introduced at. */
export const introductionListSchema = z
  .object({
    introductions: z.array(introductionSchema),
    nextMeeting: z
      .object({ id: z.uuid(), meetingDate: z.iso.date() })
      .nullable()
      .describe('The network’s next meeting (not cancelled), where a newcomer is introduced'),
  })
  .meta({ id: 'IntroductionList' });

/** Ticks (with the day it was done) or unticks one item of a newcomer's checklist. */
export const tickIntroductionItemSchema = z
  .object({
    done: z.boolean(),
    doneOn: z.iso.date().optional().describe('The day it was done; today when left out (done only)'),
    meetingId: z
      .uuid()
      .nullish()
      .describe('Item meeting only: the network’s meeting the newcomer was introduced at'),
  })
  .strict()
  .meta({ id: 'TickIntroductionItem' });

export type Introduction = z.infer<typeof introductionSchema>;
export type IntroductionList = z.infer<typeof introductionListSchema>;
export type TickIntroductionItem = z.infer<typeof tickIntroductionItemSchema>;
