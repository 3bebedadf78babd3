import { z } from 'zod';
import { OBSERVANCE_TRADITIONS } from './constants.js';

/**
 * What meetings' operation schemas share: observances, weekdays, times, reasons, path parameters and the
 * references to a person or location. Each sub-area declares its operations' schemas next to its code
 * (settings/settings-schemas.ts, locations/, rotation/, planning/, views/, records/, school-holidays/).
 */
/** The observances the planner knows (see planner/contract.ts). */
export const OBSERVANCE_KEYS = OBSERVANCE_TRADITIONS;

export const observanceSchema = z.enum(OBSERVANCE_KEYS);

export const weekdaySchema = z.number().int().min(1).max(7).describe('ISO weekday, 1 = Monday … 7 = Sunday');

export const localTime = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be HH:MM');

export const instant = z.iso.datetime({ offset: true });

export const reasonSchema = z
  .object({ code: z.string(), nl: z.string(), en: z.string() })
  .meta({ id: 'PlannerReason' });

export const networkIdParams = z.object({ networkId: z.uuid() });

export const meetingParams = z.object({ networkId: z.uuid(), meetingId: z.uuid() });

export const locationParams = z.object({ networkId: z.uuid(), locationId: z.uuid() });

export const participantParams = z.object({ networkId: z.uuid(), personId: z.uuid() });

export const actionParams = z.object({ networkId: z.uuid(), actionId: z.uuid() });

export const municipalityParams = z.object({ municipalityId: z.uuid() });

export const locationKindSchema = z.enum(['community-centre', 'police-station', 'town-hall', 'other']);

export const personRefSchema = z
  .object({ personId: z.uuid(), displayName: z.string() })
  .meta({ id: 'PersonRef' });

export const locationRefSchema = z
  .object({ id: z.uuid(), name: z.string(), address: z.string().nullable(), kind: locationKindSchema })
  .meta({ id: 'MeetingLocationRef' });
