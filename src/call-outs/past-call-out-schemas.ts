import { z } from 'zod';
import { callOutSummarySchema } from './schemas.js';

const date = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });

/** The largest page of past call-outs one request returns. */
export const PAST_CALL_OUTS_MAX_PAGE_SIZE = 50;

/** Filters of the closed call-outs, as query parameters; a period is of start dates in Dutch time, both ends included. */
export const pastCallOutsQuerySchema = z
  .object({
    from: date.optional().describe('Started on or after this date'),
    to: date.optional().describe('Started on or before this date'),
    kind: callOutSummarySchema.shape.kind.optional(),
    networkId: z
      .uuid({ message: 'must be a network id' })
      .optional()
      .describe('Only call-outs covering this network'),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(PAST_CALL_OUTS_MAX_PAGE_SIZE).default(20),
  })
  .strict()
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: 'must not be before from',
    path: ['to'],
  });
export type PastCallOutsQuery = z.output<typeof pastCallOutsQuerySchema>;

export const pastCallOutSchema = callOutSummarySchema
  .extend({
    closedAt: z.iso.datetime().nullable(),
    networks: z
      .array(z.object({ id: z.uuid(), name: z.string() }))
      .describe('The networks it covered that the caller may see (administrators: all)'),
  })
  .meta({ id: 'PastCallOut' });
export type PastCallOut = z.input<typeof pastCallOutSchema>;

export const pastCallOutPageSchema = z
  .object({
    items: z.array(pastCallOutSchema),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int().describe('Closed call-outs matching the filters that the caller may see'),
  })
  .meta({ id: 'PastCallOutPage' });
export type PastCallOutPage = z.input<typeof pastCallOutPageSchema>;
