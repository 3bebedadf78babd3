import { z } from 'zod';

/** Limits of the crisis team list: one PUT replaces it, so the whole list travels at once. */
export const CRISIS_TEAM_MAX = 50;

/** Minutes as the database checks them (`between 1 and 240`): at most four hours. */
const minutes = z
  .number({ message: 'must be a whole number of minutes' })
  .int('must be a whole number of minutes')
  .min(1, 'must be at least 1 minute')
  .max(240, 'must be at most 240 minutes (4 hours)');

/**
 * Which municipality, for the rare deployment with more than one: needed only when the caller could mean
 * several (an administrator there); with one municipality it may be left out.
 */
export const callOutSettingsQuery = z
  .object({ municipalityId: z.uuid({ message: 'must be a municipality id' }).optional() })
  .strict();

const escalationFields = {
  backupAfterMinutes: minutes,
  minAvailableStaff: z
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(0, 'must be at least 0')
    .max(100, 'must be at most 100'),
  nextGroupAfterMinutes: minutes,
  reminderAfterMinutes: minutes,
};

/** The four escalation numbers as stored (output; rows written before the reminder rule still show). */
export const escalationValuesSchema = z
  .object({
    backupAfterMinutes: z.number().int(),
    minAvailableStaff: z.number().int(),
    nextGroupAfterMinutes: z.number().int(),
    reminderAfterMinutes: z.number().int(),
  })
  .meta({ id: 'CallOutEscalationValues' });

/** The four escalation numbers; a PUT replaces all of them at once. */
export const escalationSettingsSchema = z
  .object(escalationFields)
  .strict()
  // The reminder is the own staff's second chance: it must come before the crisis team is alerted.
  .refine((s) => s.reminderAfterMinutes < s.nextGroupAfterMinutes, {
    message: 'must be earlier than the minutes after which the crisis team is alerted',
    params: { code: 'too_big', kind: 'escalation-minutes' },
    path: ['reminderAfterMinutes'],
  })
  .meta({ id: 'CallOutEscalationSettings' });
export type EscalationSettingsInput = z.output<typeof escalationSettingsSchema>;

/** The whole crisis team; replaces the stored list in one transaction. */
export const crisisTeamInputSchema = z
  .object({
    userIds: z
      .array(z.uuid({ message: 'must be a staff member id' }))
      .max(CRISIS_TEAM_MAX, `at most ${CRISIS_TEAM_MAX} people`)
      .refine((ids) => new Set(ids).size === ids.length, 'names someone twice'),
  })
  .strict()
  .meta({ id: 'CrisisTeamInput' });

export const crisisTeamMemberSchema = z
  .object({
    userId: z.uuid(),
    displayName: z.string(),
    /** The work number from the directory, when known. */
    phone: z.string().nullable(),
    /** Whether the bot has a conversation with them, so the card can reach them. */
    reachable: z.boolean(),
  })
  .meta({ id: 'CrisisTeamMember' });

export const callOutSettingsSchema = z
  .object({
    municipalityId: z.uuid(),
    /** The values the escalation uses: stored ones, else the defaults. */
    settings: escalationValuesSchema,
    /** True when nothing is stored and the defaults apply. */
    isDefault: z.boolean(),
    defaults: escalationValuesSchema,
    crisisTeam: z.array(crisisTeamMemberSchema),
    /** Whether the caller may change settings and team (administrators). */
    canEdit: z.boolean(),
    /** Staff who may be put on the crisis team (for administrators; null for readers who cannot edit). */
    candidates: z.array(z.object({ userId: z.uuid(), displayName: z.string() })).nullable(),
  })
  .meta({ id: 'CallOutSettings' });
export type CallOutSettingsView = z.input<typeof callOutSettingsSchema>;
