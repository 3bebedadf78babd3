import { z } from 'zod';

/** The school holiday regions of the Netherlands. */
export const regionSchema = z.enum(['noord', 'midden', 'zuid']);
export const regionParams = z.object({ region: regionSchema });

export const yearCalendarQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('Default: the current year'),
});
export const yearCalendarSchema = z
  .object({
    year: z.number().int(),
    networks: z.array(z.object({ id: z.uuid(), name: z.string() })),
    meetings: z.array(
      z.object({
        id: z.uuid(),
        networkId: z.uuid(),
        date: z.iso.date(),
        start: z.string(),
        end: z.string(),
        status: z.enum(['planned', 'cancelled', 'held']),
        locationName: z.string().nullable(),
        trustBuilding: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'MeetingYearCalendar' });

export const schoolHolidaySchema = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    label: z.string().trim().min(1).max(200),
  })
  .meta({ id: 'SchoolHoliday' });
export const schoolHolidaysSchema = z
  .object({ region: regionSchema, periods: z.array(schoolHolidaySchema) })
  .meta({ id: 'SchoolHolidays' });
export const putSchoolHolidaysSchema = z
  .object({ periods: z.array(schoolHolidaySchema).max(100) })
  .meta({ id: 'PutSchoolHolidays' });
export const putRegionSchema = z
  .object({ region: regionSchema.nullable() })
  .meta({ id: 'PutSchoolHolidayRegion' });
