import { z } from 'zod';
import { EVALUATION_DECISIONS } from './constants.js';

export const evaluationDecisionSchema = z.enum(EVALUATION_DECISIONS);

export const networkIdParams = z.object({ networkId: z.uuid({ message: 'must be a network id' }) });
export const evaluationParams = z.object({
  networkId: z.uuid({ message: 'must be a network id' }),
  evaluationId: z.uuid({ message: 'must be an evaluation id' }),
});

/** When the next evaluation is due: dates and a state only, no personal data. */
export const evaluationDueSchema = z
  .object({
    dueOn: z.iso.date(),
    /** 'overdue' (past), 'due' (within two weeks), 'later'. */
    state: z.enum(['overdue', 'due', 'later']),
    /** True when a coordinator set the date; false when it follows from the last evaluation or the founding. */
    scheduled: z.boolean(),
  })
  .meta({ id: 'EvaluationDue' });
const dueSchema = evaluationDueSchema;

/** One ally's figures over the period the evaluation looks back on. */
const allyFiguresSchema = z.object({
  meetingsHeld: z.number().int(),
  meetingsAttended: z.number().int(),
  callOuts: z.number().int().describe('Call-outs in which the ally stood on the call list'),
  callOutsReached: z.number().int().describe('Of those, how many times the ally answered the phone'),
  /** Signals the ally brought in: null until the signals capability provides them (docs/evaluation.md). */
  signals: z.number().int().nullable(),
});

/** What the evaluation page shows before the coordinators decide: the period, the allies' figures, the network questions. */
export const evaluationDraftSchema = z
  .object({
    networkId: z.uuid(),
    periodFrom: z.iso.date(),
    periodTo: z.iso.date(),
    due: dueSchema,
    allies: z.array(
      allyFiguresSchema.extend({ personId: z.uuid(), displayName: z.string(), wijk: z.string().nullable() }),
    ),
    network: z.object({
      allies: z.number().int(),
      /** Relevant wijk × community cells without an ally (network/insight coverage). */
      coverageGaps: z.array(z.object({ neighbourhood: z.string(), community: z.string() })),
      /** Where the allies' mix differs most from the target profile (network/insight representativeness). */
      mixDifferences: z.array(
        z.object({
          dimension: z.enum(['age_band', 'gender', 'community']),
          value: z.string().describe('age band, gender, or community name'),
          share: z.number(),
          target: z.number().nullable(),
        }),
      ),
    }),
  })
  .meta({ id: 'EvaluationDraft' });

const optionalNote = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `use at most ${max} characters`)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .default(null);

/** The coordinators' evaluation: a decision per current ally and the network-level answers. */
export const recordEvaluationSchema = z
  .object({
    decisions: z
      .array(
        z
          .object({
            personId: z.uuid({ message: 'must be a person id' }),
            decision: evaluationDecisionSchema,
            note: optionalNote(1000),
          })
          .strict(),
      )
      .max(50, 'list at most 50 allies'),
    mixNote: optionalNote(2000),
    gapsNote: optionalNote(2000),
    generalNote: optionalNote(2000),
  })
  .strict()
  .meta({ id: 'RecordEvaluation' });

export type RecordEvaluation = z.output<typeof recordEvaluationSchema>;

/** A stored evaluation with each ally's decision, figures and whether they have since left. */
export const evaluationSchema = z
  .object({
    id: z.uuid(),
    networkId: z.uuid(),
    periodFrom: z.iso.date(),
    periodTo: z.iso.date(),
    heldOn: z.iso.date(),
    mixNote: z.string().nullable(),
    gapsNote: z.string().nullable(),
    generalNote: z.string().nullable(),
    coverageGaps: z.number().int(),
    recordedBy: z.string().nullable(),
    allies: z.array(
      allyFiguresSchema.extend({
        personId: z.uuid(),
        displayName: z.string(),
        decision: evaluationDecisionSchema,
        note: z.string().nullable(),
        /** The person's kind and version now: a "goodbye" still an ally links to the farewell. */
        kindNow: z.enum(['key_figure', 'ally', 'former_ally', 'former_key_figure']),
        versionNow: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'Evaluation' });

export type Evaluation = z.infer<typeof evaluationSchema>;

/** The network's evaluations (its history) and when the next is due. */
export const evaluationListSchema = z
  .object({
    due: dueSchema,
    evaluations: z.array(
      z.object({
        id: z.uuid(),
        heldOn: z.iso.date(),
        periodFrom: z.iso.date(),
        periodTo: z.iso.date(),
        continue: z.number().int(),
        talk: z.number().int(),
        goodbye: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'EvaluationList' });

export type EvaluationList = z.infer<typeof evaluationListSchema>;
export type EvaluationDue = z.infer<typeof evaluationDueSchema>;
export type EvaluationDraft = z.infer<typeof evaluationDraftSchema>;

/** Moves the next evaluation's due date (coordinators). */
export const scheduleEvaluationSchema = z
  .object({
    nextDueOn: z.iso.date({ message: 'must be a date (YYYY-MM-DD)' }).refine((date) => date >= '2000-01-01', {
      message: 'must be a date after 2000',
      params: { code: 'out_of_range' },
    }),
  })
  .strict()
  .meta({ id: 'ScheduleEvaluation' });
