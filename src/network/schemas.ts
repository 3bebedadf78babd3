import { z } from 'zod';

/** A network as listed in the overview; counts only for networks the caller has a role in. */
/** A condition on a network that its staff should fix; `code` is stable for the tab's texts. */
export const networkWarningSchema = z
  .object({
    code: z.enum([
      'no-gemeente-staff',
      'no-politie-staff',
      'staff-without-backup',
      'absent-without-backup',
      'newcomer-not-introduced',
      'over-soft-limit',
      'over-hard-limit',
      'coverage-gaps',
      'allies-without-mobile',
      'allies-without-wijk',
    ]),
    count: z.number().int().nullable(),
    limit: z.number().int().nullable(),
    userIds: z.array(z.uuid()),
  })
  .meta({ id: 'NetworkWarning' });

export const networkSummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    status: z.enum(['starting', 'active', 'paused']),
    foundedOn: z.iso.date().nullable(),
    areaId: z.uuid(),
    myRole: z.enum(['coordinator', 'member', 'secretary', 'viewer']).nullable(),
    allyCount: z
      .number()
      .int()
      .nullable()
      .describe('Null when the caller has no role in the network (need-to-know)'),
    warnings: z
      .array(networkWarningSchema)
      .nullable()
      .describe(
        'What the staff should fix. Null when the caller has no role in the network; administrators without a role see the staffing warnings only',
      ),
  })
  .meta({ id: 'NetworkSummary' });

export const neighbourhoodSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    archived: z.boolean().describe('Archived: stays on existing records, not offered for new ones'),
  })
  .meta({ id: 'Neighbourhood' });

/** A district (stadsdeel) with its neighbourhoods (wijken) and the networks that belong to it. */
export const districtSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    archived: z.boolean().describe('Archived: stays on existing networks, not offered for new ones'),
    neighbourhoods: z.array(neighbourhoodSchema),
    networks: z.array(networkSummarySchema),
  })
  .meta({ id: 'District' });

export const municipalityOverviewSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    districts: z.array(districtSchema),
  })
  .meta({ id: 'MunicipalityOverview' });

export const areaOverviewSchema = z
  .object({ municipalities: z.array(municipalityOverviewSchema) })
  .meta({ id: 'AreaOverview' });

export type AreaOverview = z.infer<typeof areaOverviewSchema>;
export type NetworkSummary = z.infer<typeof networkSummarySchema>;

// ---- The network map: people, networks, coverage (issue: netwerkkaart) ----

export const personKindSchema = z.enum(['key_figure', 'ally', 'former_ally', 'former_key_figure']);
export const ageBandSchema = z.enum(['18-24', '25-34', '35-44', '45-54', '55-64', '65+']);
export const genderSchema = z.enum(['female', 'male', 'non-binary']);
export const preferredChannelSchema = z.enum(['phone', 'sms', 'whatsapp', 'email']);
export const legalBasisSchema = z.enum(['consent', 'public_task']);

export const communityRefSchema = z
  .object({ id: z.uuid(), name: z.string(), category: z.enum(['religion', 'origin', 'group']) })
  .meta({ id: 'CommunityRef' });

/** A person as lists show them: no contact data. */
export const personSummarySchema = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    kind: personKindSchema,
    isProfessional: z.boolean(),
    neighbourhood: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    communities: z.array(communityRefSchema),
  })
  .meta({ id: 'PersonSummary' });

/** Everything about one person; reading it is audited. */
export const personDetailSchema = personSummarySchema
  .extend({
    networks: z.array(z.object({ id: z.uuid(), name: z.string() })),
    mobile: z.string().nullable(),
    email: z.string().nullable(),
    following: z.string().nullable(),
    preferredChannel: preferredChannelSchema.nullable(),
    languages: z.array(z.string()),
    availability: z.string().nullable(),
    ageBand: ageBandSchema.nullable(),
    gender: genderSchema.nullable(),
    legalBasis: legalBasisSchema,
    consentDate: z.iso.date().nullable(),
    /** The day consent was withdrawn (issue 18): off call lists and future invitations from then on. */
    consentWithdrawnOn: z.iso.date().nullable(),
    version: z.number().int(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'PersonDetail' });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `use at most ${max} characters`)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

/** The fields a coordinator can set on a person; every one optional in a change. */
const personFields = {
  displayName: z.string().trim().min(1, 'is required').max(200, 'use at most 200 characters'),
  kind: personKindSchema,
  isProfessional: z.boolean(),
  neighbourhoodId: z.uuid({ message: 'must be a neighbourhood id' }).nullable(),
  communityIds: z.array(z.uuid({ message: 'must be community ids' })).max(20, 'choose at most 20'),
  mobile: optionalText(30),
  email: z
    .union([z.email({ message: 'must be an e-mail address' }), z.literal('')])
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional(),
  following: optionalText(1000),
  preferredChannel: preferredChannelSchema.nullable(),
  languages: z.array(z.string().trim().min(2).max(40)).max(10, 'list at most 10 languages'),
  availability: optionalText(500),
  ageBand: ageBandSchema.nullable(),
  gender: genderSchema.nullable(),
  legalBasis: legalBasisSchema,
  consentDate: z.iso
    .date({ message: 'must be a date (YYYY-MM-DD)' })
    .refine((date) => date >= '1900-01-01', {
      message: 'must not be before 1900-01-01',
      params: { code: 'before_1900' },
    })
    .refine((date) => date <= amsterdamToday(), {
      message: 'must not be in the future',
      params: { code: 'in_future' },
    })
    .nullable(),
};

/** Today's date in Europe/Amsterdam as YYYY-MM-DD (consent cannot be given in the future). */
function amsterdamToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

/** A new person in a network. */
export const createPersonSchema = z
  .object({
    ...personFields,
    kind: personKindSchema.default('key_figure'),
    isProfessional: z.boolean().default(false),
    neighbourhoodId: personFields.neighbourhoodId.default(null),
    communityIds: personFields.communityIds.default([]),
    preferredChannel: personFields.preferredChannel.default(null),
    languages: personFields.languages.default([]),
    ageBand: personFields.ageBand.default(null),
    gender: personFields.gender.default(null),
    legalBasis: legalBasisSchema.default('consent'),
    consentDate: personFields.consentDate.default(null),
  })
  .strict()
  .refine((person) => person.legalBasis !== 'consent' || person.consentDate !== null, {
    message: 'is required when the legal basis is consent',
    params: { code: 'required' },
    path: ['consentDate'],
  })
  .meta({ id: 'CreatePerson' });

/** A change to a person; `version` must be the one last read (else 409). */
export const updatePersonSchema = z
  .object({ version: z.number().int().positive(), ...personFields })
  .partial()
  .required({ version: true })
  .strict()
  .meta({ id: 'UpdatePerson' });

export const personIdParams = z.object({ personId: z.uuid({ message: 'must be a person id' }) });
export const networkIdParams = z.object({ networkId: z.uuid({ message: 'must be a network id' }) });

/** A staff member's Entra tenant, by which the tab names their organisation (network page, crisis sheet). */
export const staffTenantIdSchema = z
  .uuid()
  .describe('The Entra tenant they sign in from: `GET /me`’s `organisations` give its configured name');

export const networkStaffSchema = z
  .object({
    userId: z.uuid(),
    displayName: z.string(),
    tenantId: staffTenantIdSchema,
    organisation: z.enum(['gemeente', 'politie']).nullable(),
    jobTitle: z.string().nullable(),
    role: z.enum(['coordinator', 'member', 'secretary', 'viewer']),
    backup: z.object({ userId: z.uuid(), displayName: z.string() }).nullable(),
    absentUntil: z.iso
      .date()
      .nullable()
      .describe('Absent today (continuity): the last day of the absence; the back-up takes over meanwhile'),
  })
  .meta({ id: 'NetworkStaff' });

/** The network page: its people (no contact data), staff with back-ups, coverage summary, warnings. */
export const networkDetailSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    status: z.enum(['starting', 'active', 'paused', 'archived']),
    foundedOn: z.iso.date().nullable(),
    area: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(['district', 'neighbourhood']) }),
    municipality: z.object({ id: z.uuid(), name: z.string() }),
    limits: z.object({ soft: z.number().int(), hard: z.number().int() }),
    allies: z.array(personSummarySchema),
    keyFigures: z.array(personSummarySchema),
    /** Former allies and former key figures, with when and why their membership ended (farewell/). */
    formerAllies: z.array(
      personSummarySchema.extend({
        farewell: z
          .object({
            endedOn: z.iso.date(),
            reason: z.enum(['own_wish', 'evaluation', 'moved', 'integrity', 'deceased', 'other']),
            backfilled: z.boolean(),
          })
          .nullable(),
      }),
    ),
    staff: z.array(networkStaffSchema),
    communitiesCovered: z.array(
      communityRefSchema.extend({ allies: z.number().int(), keyFigures: z.number().int() }),
    ),
    warnings: z.array(networkWarningSchema),
    myRole: z.enum(['coordinator', 'member', 'secretary', 'viewer']).nullable(),
  })
  .meta({ id: 'NetworkDetail' });

/** Communities × neighbourhoods of a network's area: where an ally, only key figures, or nobody. */
export const coverageSchema = z
  .object({
    neighbourhoods: z.array(z.object({ id: z.uuid(), name: z.string() })),
    communities: z.array(communityRefSchema),
    cells: z.array(
      z.object({
        neighbourhoodId: z.uuid(),
        communityId: z.uuid(),
        relevant: z.boolean(),
        status: z.enum(['ally', 'key-figure', 'none']),
        allies: z.number().int(),
        keyFigures: z.number().int(),
      }),
    ),
    gaps: z.number().int().describe('Relevant cells without any ally'),
  })
  .meta({ id: 'Coverage' });

export const setRelevanceSchema = z
  .object({
    neighbourhoodId: z.uuid({ message: 'must be a neighbourhood id' }),
    communityIds: z.array(z.uuid({ message: 'must be community ids' })).max(100),
  })
  .strict()
  .meta({ id: 'SetRelevance' });

export const setBackupSchema = z
  .object({ backupUserId: z.uuid({ message: 'must be a staff member id' }).nullable() })
  .strict()
  .meta({ id: 'SetBackup' });

export const networkUserParams = networkIdParams.extend({
  userId: z.uuid({ message: 'must be a staff member id' }),
});

/** The result of a change to a person: the person, plus warnings (e.g. above the soft limit). */
export const personChangeResultSchema = z
  .object({ person: personDetailSchema, warnings: z.array(networkWarningSchema) })
  .meta({ id: 'PersonChangeResult' });

export type PersonDetail = z.infer<typeof personDetailSchema>;
export type PersonSummary = z.infer<typeof personSummarySchema>;
export type CommunityRef = z.infer<typeof communityRefSchema>;
export type NetworkDetail = z.infer<typeof networkDetailSchema>;
export type NetworkWarning = z.infer<typeof networkWarningSchema>;
export type Coverage = z.infer<typeof coverageSchema>;
export type CreatePerson = z.infer<typeof createPersonSchema>;
export type UpdatePerson = z.infer<typeof updatePersonSchema>;
