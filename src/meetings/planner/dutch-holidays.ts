import Holidays from 'date-holidays';
import { dateOfDayNumber, partsOfDayNumber } from '../../platform/time.js';

/** A named day, in Dutch and English. */
export interface NamedDay {
  nl: string;
  en: string;
}

interface YearDays {
  /** Public holidays (date-holidays 'NL', type public) plus 4 and 5 May, which the planner always avoids. */
  public: Map<string, NamedDay>;
  /** The Christian feast days a network with Christian communities keeps free. */
  christian: Map<string, NamedDay>;
}

/** date-holidays' rules for the Christian feasts (Good Friday is only a 'school' day in its NL data). */
const CHRISTIAN_RULES = new Set(['easter -2', 'easter', 'easter 39', 'easter 49', '12-25']);

const REMEMBRANCE: NamedDay = { nl: 'Dodenherdenking', en: 'Remembrance of the Dead' };
const LIBERATION: NamedDay = { nl: 'Bevrijdingsdag', en: 'Liberation Day' };

let holidays: Holidays | undefined;
// Holidays of a year never change, so they are kept for the process like a data table.
const years = new Map<number, YearDays>();

function daysOfYear(year: number): YearDays {
  const known = years.get(year);
  if (known) return known;
  holidays ??= new Holidays('NL');
  const english = new Map(
    holidays.getHolidays(year, 'en').map((day) => [`${day.date}|${day.rule}`, day.name]),
  );
  const result: YearDays = { public: new Map(), christian: new Map() };
  for (const day of holidays.getHolidays(year, 'nl')) {
    // `date` is the local date in the holiday's own zone ('YYYY-MM-DD 00:00:00'), independent of ours.
    const date = day.date.slice(0, 10);
    const name = { nl: day.name, en: english.get(`${day.date}|${day.rule}`) ?? day.name };
    if (day.type === 'public') result.public.set(date, name);
    if (CHRISTIAN_RULES.has(day.rule)) result.christian.set(date, name);
  }
  result.public.set(`${year}-05-04`, REMEMBRANCE);
  result.public.set(`${year}-05-05`, LIBERATION);
  years.set(year, result);
  return result;
}

export function publicHolidayOn(dayNumber: number): NamedDay | undefined {
  return daysOfYear(partsOfDayNumber(dayNumber).year).public.get(dateOfDayNumber(dayNumber));
}

export function christianFeastOn(dayNumber: number): NamedDay | undefined {
  return daysOfYear(partsOfDayNumber(dayNumber).year).christian.get(dateOfDayNumber(dayNumber));
}
