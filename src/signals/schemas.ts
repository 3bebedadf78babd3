import { z } from 'zod';
import { SIGNAL_CHANNELS, SIGNAL_STATUSES, SIGNAL_URGENCIES, THERMOMETER_GRAINS } from './constants.js';

/**
 * One zod schema per signals operation: the routes declare them (and so the OpenAPI document), and the bot's
 * `signaal` card parses its submission with the same `createSignalSchema`.
 */

const trimmed = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const optionalText = (max: number) =>
  z.string().trim().max(max, `must be at most ${max} characters`).nullable().default(null);
const isoDate = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });
const instant = z.iso.datetime({ offset: true, message: 'must be a date-time with offset' });

export const signalChannelSchema = z.enum(SIGNAL_CHANNELS);
export const signalUrgencySchema = z.enum(SIGNAL_URGENCIES);
export const signalStatusSchema = z.enum(SIGNAL_STATUSES);
const themeCode = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'must be a theme code');

export const networkIdParams = z.object({ networkId: z.uuid({ message: 'must be a network id' }) });
export const signalParams = z.object({
  networkId: z.uuid({ message: 'must be a network id' }),
  signalId: z.uuid({ message: 'must be a signal id' }),
});
export const personIdParams = z.object({ personId: z.uuid({ message: 'must be a person id' }) });
export const themeParams = z.object({ code: themeCode });

// ---- Themes ----

export const signalThemeSchema = z
  .object({
    code: z.string(),
    labelNl: z.string(),
    labelEn: z.string(),
    position: z.number().int(),
    archived: z.boolean(),
  })
  .meta({ id: 'SignalTheme' });
export type SignalTheme = z.infer<typeof signalThemeSchema>;

export const createSignalThemeSchema = z
  .object({
    code: themeCode.describe('Stable code, lower case (a-z, 0-9, -)'),
    labelNl: trimmed(80),
    labelEn: trimmed(80),
    position: z.number().int().min(0).max(10000).default(500),
  })
  .meta({ id: 'CreateSignalTheme' });

export const updateSignalThemeSchema = z
  .object({
    labelNl: trimmed(80).optional(),
    labelEn: trimmed(80).optional(),
    position: z.number().int().min(0).max(10000).optional(),
    archived: z.boolean().optional(),
  })
  .meta({ id: 'UpdateSignalTheme' });

// ---- Signals ----

/** What a staff member records (the tab's form and the bot's `signaal` card). */
export const createSignalSchema = z
  .object({
    receivedAt: instant.optional().describe('When the signal came in; now when absent'),
    personId: z
      .uuid({ message: 'must be a person of this network' })
      .nullable()
      .describe('The ally or key figure who told it; null for anonymous'),
    channel: signalChannelSchema,
    urgency: signalUrgencySchema,
    wijkIds: z
      .array(z.uuid({ message: 'must be a wijk id' }))
      .min(1, 'choose at least one wijk')
      .max(20),
    communityIds: z
      .array(z.uuid({ message: 'must be a community id' }))
      .max(20)
      .default([]),
    themes: z.array(themeCode).min(1, 'choose at least one theme').max(10),
    text: trimmed(4000).describe('What was said'),
    assessment: optionalText(4000).describe('The staff member’s assessment'),
  })
  .meta({ id: 'CreateSignal' });
export type CreateSignalInput = z.output<typeof createSignalSchema>;

const created = createSignalSchema.shape;

/**
 * A correction of a signal's fields (the receiver and the network's coordinator): each field as it is recorded
 * (the same rules as `createSignalSchema`), only the ones that change. `version` is the version the editor
 * read; when someone changed the signal since, nothing is written and the answer is 409 `changed-meanwhile`.
 */
export const updateSignalSchema = z
  .object({
    version: z
      .number({ message: 'must be the version you read' })
      .int()
      .min(1)
      .max(2_147_483_647)
      .describe('The signal’s `version` as you read it (optimistic concurrency)'),
    receivedAt: created.receivedAt,
    personId: created.personId.optional(),
    channel: created.channel.optional(),
    urgency: created.urgency.optional(),
    wijkIds: created.wijkIds.optional(),
    communityIds: created.communityIds.unwrap().optional(),
    themes: created.themes.optional(),
    text: created.text.optional(),
    assessment: created.assessment.unwrap().optional(),
  })
  .strict()
  .meta({ id: 'UpdateSignal' });
export type UpdateSignalInput = z.output<typeof updateSignalSchema>;

export const followUpSchema = z
  .object({
    owner: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
    status: signalStatusSchema,
    actions: z.string().nullable(),
    notTakenUpReason: z.string().nullable(),
    dueOn: z.string(),
    overdue: z.boolean(),
    fedBackOn: z.string().nullable().describe('The day the reporter heard back (teruggekoppeld)'),
    updatedAt: z.string(),
  })
  .meta({ id: 'SignalFollowUp' });

export const signalSchema = z
  .object({
    id: z.uuid(),
    networkId: z.uuid(),
    receivedAt: z.string(),
    receivedBy: z.object({ id: z.uuid(), displayName: z.string() }),
    person: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
    channel: signalChannelSchema,
    urgency: signalUrgencySchema,
    wijken: z.array(z.object({ id: z.uuid(), name: z.string() })),
    communities: z.array(z.object({ id: z.uuid(), name: z.string() })),
    themes: z.array(z.string()),
    text: z.string(),
    assessment: z.string().nullable(),
    followUp: followUpSchema,
    version: z.number().int().describe('Send it back when correcting the signal'),
    updatedAt: z.string().nullable().describe('When the signal’s fields were last corrected'),
    updatedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
    canEdit: z.boolean().describe('Whether you may correct it: its receiver or the network’s coordinator'),
  })
  .meta({ id: 'Signal' });
export type Signal = z.infer<typeof signalSchema>;

/** The most signals one page of the list holds; without `limit` the list answers up to 500 as before. */
export const SIGNAL_PAGE_MAX = 200;

export const listSignalsQuery = z
  .object({
    status: z.enum(['open', 'all']).default('all').describe('`open`: follow-up open or in progress'),
    from: isoDate.optional(),
    to: isoDate.optional(),
    limit: z.coerce
      .number({ message: 'must be a whole number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(SIGNAL_PAGE_MAX, `must be at most ${SIGNAL_PAGE_MAX}`)
      .optional()
      .describe(
        `A page of at most this many signals (1–${SIGNAL_PAGE_MAX}); absent: up to 500. Ask one more than you show to know whether there is a next page`,
      ),
    beforeReceivedAt: instant
      .optional()
      .describe('Cursor, with `beforeId`: the last signal of the previous page’s `receivedAt`'),
    beforeId: z
      .uuid({ message: 'must be a signal id' })
      .optional()
      .describe('Cursor, with `beforeReceivedAt`: the last signal of the previous page’s `id`'),
  })
  .refine((q) => (q.beforeReceivedAt === undefined) === (q.beforeId === undefined), {
    message: 'beforeReceivedAt and beforeId go together',
    path: ['beforeId'],
  });
export type ListSignalsQuery = z.output<typeof listSignalsQuery>;

export const updateFollowUpSchema = z
  .object({
    ownerUserId: z.uuid({ message: 'must be a staff member of this network' }).optional(),
    status: signalStatusSchema.optional(),
    actions: optionalText(4000).optional(),
    notTakenUpReason: optionalText(2000).optional(),
    dueOn: isoDate.optional(),
    fedBackOn: isoDate.nullable().optional().describe('The day the reporter heard back; null to clear'),
  })
  .meta({ id: 'UpdateSignalFollowUp' });
export type UpdateFollowUpInput = z.output<typeof updateFollowUpSchema>;

export const openFollowUpSchema = z
  .object({
    signalId: z.uuid(),
    receivedAt: z.string(),
    urgency: signalUrgencySchema,
    themes: z.array(z.string()),
    owner: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
    status: signalStatusSchema,
    dueOn: z.string(),
    overdue: z.boolean(),
  })
  .meta({ id: 'OpenSignalFollowUp' });

/** The choices of the signal form: the network's wijken, communities, people, staff and themes. */
export const signalChoicesSchema = z
  .object({
    wijken: z.array(z.object({ id: z.uuid(), name: z.string() })),
    communities: z.array(z.object({ id: z.uuid(), name: z.string() })),
    people: z.array(z.object({ id: z.uuid(), displayName: z.string() })),
    staff: z.array(z.object({ id: z.uuid(), displayName: z.string() })),
    themes: z.array(signalThemeSchema),
  })
  .meta({ id: 'SignalChoices' });

// ---- Contact log ----

export const createContactSchema = z
  .object({
    contactedOn: isoDate,
    channel: signalChannelSchema,
    gist: trimmed(2000),
  })
  .meta({ id: 'CreatePersonContact' });

export const contactSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    contactedOn: z.string(),
    by: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
    channel: signalChannelSchema,
    gist: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'PersonContact' });

// ---- Thermometer and sfeerbeeld ----

export const thermometerQuery = z.object({
  from: isoDate.describe('First day (Europe/Amsterdam)'),
  to: isoDate.describe('Last day (Europe/Amsterdam)'),
  grain: z.enum(THERMOMETER_GRAINS).default('month'),
  networkId: z.uuid({ message: 'must be a network id' }).optional(),
  wijkId: z.uuid({ message: 'must be a wijk id' }).optional(),
  theme: themeCode.optional(),
});
export type ThermometerQuery = z.output<typeof thermometerQuery>;

const trend = z
  .enum(['up', 'down', 'steady'])
  .describe('Last period against the average of the earlier ones');

export const thermometerSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    grain: z.enum(THERMOMETER_GRAINS),
    buckets: z.array(z.string()).describe('The first day of each week or month, in order'),
    wijken: z.array(z.object({ id: z.uuid(), name: z.string() })),
    series: z.array(
      z.object({
        wijkId: z.uuid(),
        theme: z.string(),
        points: z.array(
          z.object({
            bucket: z.string(),
            signals: z.number().int(),
            urgent: z.number().int(),
            attention: z.number().int(),
            pressure: z.number().int().describe('information 1, attention 2, urgent 4'),
          }),
        ),
        total: z.number().int(),
        trend,
      }),
    ),
    mood: z.array(
      z.object({
        wijkId: z.uuid(),
        points: z.array(
          z.object({
            bucket: z.string(),
            meetings: z.number().int(),
            mood: z
              .number()
              .nullable()
              .describe('Average meeting mood 1-5 of the networks covering the wijk'),
          }),
        ),
        trend,
      }),
    ),
  })
  .meta({ id: 'Thermometer' });
export type Thermometer = z.infer<typeof thermometerSchema>;

export const reportQuery = z.object({
  from: isoDate,
  to: isoDate,
  networkId: z.uuid({ message: 'must be a network id' }).optional(),
  lang: z.enum(['nl', 'en']).optional().describe('Language of the PDF; Dutch when absent'),
});
export type ReportQuery = z.output<typeof reportQuery>;

export const sfeerbeeldSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    minCount: z.number().int().describe('Cells counting fewer signals than this are suppressed'),
    networks: z.number().int(),
    totalSignals: z
      .number()
      .int()
      .describe('Sum of the shown cells (a signal about two wijken or themes counts in each)'),
    cells: z.array(
      z.object({
        wijk: z.string(),
        theme: z.string(),
        signals: z.number().int().nullable().describe('null: suppressed (fewer than minCount)'),
        urgent: z.number().int().nullable(),
        trend: trend.nullable(),
      }),
    ),
    suppressedCells: z.number().int(),
    mood: z.array(z.object({ wijk: z.string(), meetings: z.number().int(), mood: z.number().nullable() })),
  })
  .meta({ id: 'Sfeerbeeld' });
export type Sfeerbeeld = z.infer<typeof sfeerbeeldSchema>;
