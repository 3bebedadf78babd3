import { z } from 'zod';

/** Today's date in Europe/Amsterdam as YYYY-MM-DD (a withdrawal cannot lie in the future). */
function amsterdamToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

export const privacyPersonParams = z.object({ personId: z.uuid({ message: 'must be a person id' }) });

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
