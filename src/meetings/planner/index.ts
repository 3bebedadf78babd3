/** The series planner's public API: pure functions over plain data, no I/O. */
export * from './contract.js';
export { DIWALI_DATES, OBSERVANCE_KEYS, observancesForCommunities } from './observances.js';
export { MAX_MINUTES_WITHOUT_OVERRIDE, planSeries } from './planner.js';
export {
  parseSchoolHolidays,
  SCHOOL_HOLIDAY_KINDS,
  SCHOOL_REGIONS,
  type SchoolHolidayKind,
  type SchoolHolidays,
  type SchoolRegion,
  schoolHolidayPeriods,
  schoolHolidaysSchema,
} from './school-holidays.js';
export { type SunTimes, sunTimes } from './sun.js';
