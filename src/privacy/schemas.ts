import { z } from 'zod';
import { RETENTION_KINDS, RETENTION_MAX_DAYS, RETENTION_MIN_DAYS } from './retention-rules.js';

/** Today's date in Europe/Amsterdam as YYYY-MM-DD (a withdrawal cannot lie in the future). */
function amsterdamToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

export const privacyPersonParams = z.object({ personId: z.uuid({ message: 'must be a person id' }) });

/** An administrator's lookup of people by name, in one municipality (the only one when left out). */
export const privacyPersonSearchQuerySchema = z
  .object({
    q: z
      .string({ message: 'give a name to search for' })
      .trim()
      .min(2, 'type at least 2 characters')
      .max(100, 'at most 100 characters'),
    municipalityId: z.uuid({ message: 'must be a municipality id' }).optional(),
  })
  .strict();

/** A person found by the privacy lookup: name, kind, networks and legal basis; no contact data. */
export const privacyPersonHitSchema = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    kind: z.enum(['key_figure', 'ally', 'former_ally', 'former_key_figure']),
    legalBasis: z.enum(['consent', 'public_task']),
    consentDate: z.iso.date().nullable(),
    consentWithdrawnOn: z.iso.date().nullable(),
    networks: z.array(z.object({ id: z.uuid(), name: z.string() })),
  })
  .meta({ id: 'PrivacyPersonHit' });

/** Recording that a person withdrew consent: the day they did (today or earlier). */
export const withdrawConsentSchema = z
  .object({
    withdrawnOn: z.iso
      .date({ message: 'must be a date (YYYY-MM-DD)' })
      .refine((date) => date >= '1900-01-01', {
        message: 'must not be before 1900-01-01',
        params: { code: 'before_1900' },
      })
      .refine((date) => date <= amsterdamToday(), {
        message: 'must not be in the future',
        params: { code: 'in_future' },
      }),
  })
  .strict()
  .meta({ id: 'WithdrawConsent' });

/** A person's legal basis and consent state, as the privacy pages show it. */
export const consentStateSchema = z
  .object({
    personId: z.uuid(),
    legalBasis: z.enum(['consent', 'public_task']),
    consentDate: z.iso.date().nullable(),
    consentWithdrawnOn: z.iso.date().nullable(),
    /** What each capability did at once (names and counts only). */
    released: z.array(z.object({ holder: z.string(), changed: z.number().int() })),
    /** Capabilities that could not act now (e.g. the calendar did not answer); staff retry by withdrawing again. */
    failed: z.array(z.string()),
  })
  .meta({ id: 'ConsentState' });

/** Why a person is erased: a code (AVG art. 17(1) grounds), never free text. */
export const erasureReasonSchema = z.enum([
  'data-subject-request',
  'consent-withdrawn',
  'no-longer-needed',
  'unlawful',
]);

/** Erasing one person (administrators): the reason, and the confirmation the tab asks for. */
export const erasePersonSchema = z
  .object({
    reason: erasureReasonSchema,
    confirm: z.literal(true, { message: 'must be true: erasure cannot be undone' }),
  })
  .strict()
  .meta({ id: 'ErasePerson' });

const holderOutcomes = z.array(z.object({ holder: z.string(), changed: z.number().int() }));

/** What an erasure did: ids, names of capabilities and counts only. */
export const erasureResultSchema = z
  .object({
    personId: z.uuid(),
    reason: erasureReasonSchema,
    erasedAt: z.iso.datetime(),
    released: holderOutcomes,
    erased: holderOutcomes,
    failed: z.array(z.string()),
  })
  .meta({ id: 'ErasureResult' });

/** Everything the system holds about one person (AVG art. 15), with who read or changed it. */
export const inzageSchema = z
  .object({
    generatedAt: z.iso.datetime(),
    personId: z.uuid(),
    /** The person's record as the person page shows it (fields, communities, networks, legal basis). */
    person: z.record(z.string(), z.unknown()),
    /** Relations (network) and what the capabilities hold about the person, part by part (see registry.ts). */
    records: z.array(
      z.object({
        holder: z.string(),
        kind: z.string(),
        rows: z.array(
          z.object({
            on: z.string().nullable(),
            facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
          }),
        ),
      }),
    ),
    /** Capabilities that could not answer: the inzage is incomplete for their part (names only). */
    incomplete: z.array(z.string()),
    /** Every audit row about the person: when, who (by name as now), what, through which door. */
    accessLog: z.array(
      z.object({
        occurredAt: z.iso.datetime(),
        actorName: z.string().nullable(),
        action: z.string(),
        result: z.enum(['success', 'denied', 'failed']),
        channel: z.enum(['tab', 'bot', 'api', 'job']),
      }),
    ),
  })
  .meta({ id: 'Inzage' });

const retentionKindSchema = z.enum(RETENTION_KINDS);

export const retentionKindParams = z.object({
  kind: z.enum(RETENTION_KINDS, { message: `must be one of ${RETENTION_KINDS.join(', ')}` }),
});

/** Which municipality, for the rare deployment with more than one; left out with one. */
export const retentionQuerySchema = z
  .object({ municipalityId: z.uuid({ message: 'must be a municipality id' }).optional() })
  .strict();

export const retentionPreviewQuerySchema = z
  .object({
    municipalityId: z.uuid({ message: 'must be a municipality id' }).optional(),
    withinDays: z.coerce
      .number({ message: 'must be a number' })
      .int('must be a whole number')
      .min(1, 'must be between 1 and 365')
      .max(365, 'must be between 1 and 365')
      .default(30),
  })
  .strict();

/** An administrator's retention for one kind, in days. */
export const setRetentionSchema = z
  .object({
    days: z
      .number({ message: 'must be a number' })
      .int('must be a whole number')
      .min(RETENTION_MIN_DAYS, `must be between ${RETENTION_MIN_DAYS} and ${RETENTION_MAX_DAYS}`)
      .max(RETENTION_MAX_DAYS, `must be between ${RETENTION_MIN_DAYS} and ${RETENTION_MAX_DAYS}`),
  })
  .strict()
  .meta({ id: 'SetRetention' });

const kindCounts = z.array(z.object({ kind: retentionKindSchema, expired: z.number().int() }));

/** A municipality's retention rules (defaults and reasons included) and its latest runs, numbers only. */
export const retentionRulesSchema = z
  .object({
    municipalityId: z.uuid(),
    rules: z.array(
      z.object({
        kind: retentionKindSchema,
        subject: z.enum(['person', 'records']),
        holder: z.string(),
        days: z.number().int(),
        defaultDays: z.number().int(),
        clockStarts: z.string(),
        reason: z.string(),
      }),
    ),
    recentRuns: z.array(
      z.object({
        runOn: z.iso.date(),
        startedAt: z.iso.datetime(),
        finishedAt: z.iso.datetime().nullable(),
        counts: kindCounts,
      }),
    ),
  })
  .meta({ id: 'RetentionRules' });

/** What the job would expire today and within the coming days, per kind (counts only). */
export const retentionPreviewSchema = z
  .object({
    municipalityId: z.uuid(),
    today: z.iso.date(),
    withinDays: z.number().int(),
    kinds: z.array(
      z.object({
        kind: retentionKindSchema,
        days: z.number().int(),
        dueToday: z.number().int(),
        dueWithin: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'RetentionPreview' });

/** The processing register (AVG art. 30), generated from the system's own configuration. */
export const processingRegisterSchema = z
  .object({
    generatedAt: z.iso.datetime(),
    municipalityId: z.uuid(),
    purposes: z.array(z.string()),
    categoriesOfPeople: z.array(z.string()),
    categoriesOfData: z.array(z.string()),
    legalBases: z.array(z.string()),
    retention: z.array(
      z.object({
        kind: retentionKindSchema,
        days: z.number().int(),
        defaultDays: z.number().int(),
        clockStarts: z.string(),
        reason: z.string(),
      }),
    ),
    /** The capabilities holding personal data and what each does for a person (the privacy registry). */
    holders: z.array(
      z.object({
        name: z.string(),
        release: z.boolean(),
        erase: z.boolean(),
        retentionKinds: z.array(z.string()),
      }),
    ),
    recipients: z.object({ tenants: z.array(z.string()), processors: z.array(z.string()) }),
    securityMeasures: z.array(z.string()),
  })
  .meta({ id: 'ProcessingRegister' });

/** The language of a PDF (Dutch unless asked otherwise). */
export const pdfLanguageQuerySchema = z
  .object({ lang: z.enum(['nl', 'en'], { message: 'must be nl or en' }).optional() })
  .strict();

/** The register's PDF: the language and, with several municipalities, which one. */
export const registerPdfQuerySchema = z
  .object({
    lang: z.enum(['nl', 'en'], { message: 'must be nl or en' }).optional(),
    municipalityId: z.uuid({ message: 'must be a municipality id' }).optional(),
  })
  .strict();
