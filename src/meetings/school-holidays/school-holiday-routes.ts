import { type AnyApiRoute, defineRoute } from '../../identity/api-route.js';
import {
  getSchoolHolidays,
  type MeetingDeps,
  putSchoolHolidayRegion,
  putSchoolHolidays,
  yearCalendar,
} from '../meeting-service.js';
import { manageSchoolHolidays, useMeetingCalendar } from '../policies.js';
import { municipalityParams } from '../schemas.js';
import {
  putRegionSchema,
  putSchoolHolidaysSchema,
  regionParams,
  schoolHolidaysSchema,
  yearCalendarQuery,
  yearCalendarSchema,
} from './school-holiday-schemas.js';

const TAGS = ['meetings'];

/** The year calendar across networks and the school holidays. */
export function schoolHolidayRoutes(meetings: MeetingDeps): AnyApiRoute[] {
  return [
    defineRoute({
      operationId: 'getMeetingYearCalendar',
      method: 'get',
      path: '/meetings/year-calendar',
      summary: "A year's meetings across the networks the caller may see (administrators: all)",
      tags: TAGS,
      access: 'signed-in',
      permission: useMeetingCalendar,
      query: yearCalendarQuery,
      response: { status: 200, description: 'Networks and meetings', schema: yearCalendarSchema },
      handle: async ({ query }, context) =>
        yearCalendar(meetings, context.origin, context.access, query.year),
    }),
    defineRoute({
      operationId: 'getSchoolHolidays',
      method: 'get',
      path: '/school-holidays/{region}',
      summary: 'The school holiday periods of a region',
      tags: TAGS,
      access: 'signed-in',
      permission: useMeetingCalendar,
      params: regionParams,
      response: { status: 200, description: 'Periods', schema: schoolHolidaysSchema },
      handle: async ({ params }, context) => getSchoolHolidays(meetings, context.origin, params.region),
    }),
    defineRoute({
      operationId: 'putSchoolHolidays',
      method: 'put',
      path: '/school-holidays/{region}',
      summary: 'Replace the school holiday periods of a region (administrators)',
      tags: TAGS,
      access: 'signed-in',
      permission: manageSchoolHolidays,
      params: regionParams,
      body: putSchoolHolidaysSchema,
      response: { status: 200, description: 'Periods after the change', schema: schoolHolidaysSchema },
      handle: async ({ params, body }, context) =>
        putSchoolHolidays(meetings, context.origin, params.region, body.periods),
    }),
    defineRoute({
      operationId: 'putSchoolHolidayRegion',
      method: 'put',
      path: '/municipalities/{municipalityId}/school-holiday-region',
      summary: "Set the municipality's school holiday region (administrators)",
      tags: TAGS,
      access: 'signed-in',
      permission: manageSchoolHolidays,
      params: municipalityParams,
      body: putRegionSchema,
      response: { status: 200, description: 'The region', schema: putRegionSchema },
      handle: async ({ params, body }, context) =>
        putSchoolHolidayRegion(meetings, context.origin, params.municipalityId, body.region),
    }),
  ];
}
