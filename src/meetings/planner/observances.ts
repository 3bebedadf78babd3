import { dateOfDayNumber, partsOfDayNumber } from '../../platform/time.js';
import type { ObservanceKey } from './contract.js';
import { christianFeastOn, type NamedDay } from './dutch-holidays.js';

/** Canonical order, so that the same communities always give the same list. */
export const OBSERVANCE_KEYS: readonly ObservanceKey[] = [
  'islamic',
  'jewish',
  'christian',
  'hindu',
  'keti-koti',
  'chinese',
];

/**
 * The observances that follow from a network's communities: the union of the traditions an
 * administrator set on each community, in canonical order. A community's name plays no part, so a
 * community named "Moslims" without a tradition derives nothing (the settings page warns about it).
 */
export function observancesForCommunities(
  communities: readonly { traditions: readonly string[] }[],
): ObservanceKey[] {
  const wanted = new Set<string>();
  for (const community of communities) for (const key of community.traditions) wanted.add(key);
  return OBSERVANCE_KEYS.filter((key) => wanted.has(key));
}

/**
 * Diwali (Lakshmi Puja) has no Intl calendar, so it comes from a table. Source: the Hindu lunisolar
 * calendar (Amavasya of Kartika) as published by drikpanchang.com for New Delhi; entered by hand, so
 * check the coming years against it. Surinamese-Hindu communities in the Netherlands sometimes keep
 * Divali a day apart; the secretary can override.
 */
export const DIWALI_DATES: readonly string[] = [
  '2025-10-20',
  '2026-11-08',
  '2027-10-29',
  '2028-10-17',
  '2029-11-05',
  '2030-10-26',
  '2031-11-14',
  '2032-11-02',
  '2033-10-22',
  '2034-11-10',
  '2035-10-30',
];
const DIWALI = new Set(DIWALI_DATES);

/**
 * What an observance means for one local date:
 * - `all-day`: no meeting that day;
 * - `eve`: a Jewish holiday starts at sunset, so a meeting ending after sunset is out;
 * - `ramadan`: a fasting day; avoided or held with the meal at sunset, as the network chose.
 * Shabbat is not a mark: it depends on the meeting's hours and is checked by the planner.
 */
export interface ObservanceMark {
  kind: 'all-day' | 'eve' | 'ramadan';
  code: string;
  name: NamedDay;
}

const DAY_MS = 86_400_000;

function formatter(calendar: string): Intl.DateTimeFormat {
  // UTC noon of the civil date: the calendar day that overlaps most of the local civil day.
  return new Intl.DateTimeFormat(`en-u-ca-${calendar}`, {
    timeZone: 'UTC',
    month: calendar === 'hebrew' ? 'long' : 'numeric',
    day: 'numeric',
  });
}

let formatters: { islamic: Intl.DateTimeFormat; hebrew: Intl.DateTimeFormat; chinese: Intl.DateTimeFormat };

function monthAndDay(calendar: keyof typeof formatters, dayNumber: number): { month: string; day: number } {
  formatters ??= {
    islamic: formatter('islamic-umalqura'),
    hebrew: formatter('hebrew'),
    chinese: formatter('chinese'),
  };
  let month = '';
  let day = 0;
  for (const part of formatters[calendar].formatToParts(dayNumber * DAY_MS + DAY_MS / 2)) {
    if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = Number(part.value);
  }
  return { month, day };
}

/**
 * Calendar look-ups for one plan: neighbouring candidates ask about the same days (an Eid's
 * neighbours, a holiday's eve), so each day is converted once per plan. Kept per plan rather than
 * per process, so that a plan's cost does not depend on which plans ran before it.
 */
export class CalendarMemo {
  private readonly islamic = new Map<number, { month: number; day: number }>();
  private readonly hebrew = new Map<number, { month: string; day: number }>();

  islamicDate(dayNumber: number): { month: number; day: number } {
    let value = this.islamic.get(dayNumber);
    if (!value) {
      value = islamicDate(dayNumber);
      this.islamic.set(dayNumber, value);
    }
    return value;
  }

  hebrewDate(dayNumber: number): { month: string; day: number } {
    let value = this.hebrew.get(dayNumber);
    if (!value) {
      value = hebrewDate(dayNumber);
      this.hebrew.set(dayNumber, value);
    }
    return value;
  }
}

/** Islamic (Umm al-Qura) month and day of a local date. */
export function islamicDate(dayNumber: number): { month: number; day: number } {
  const { month, day } = monthAndDay('islamic', dayNumber);
  return { month: Number(month), day };
}

/** Hebrew month name (ICU's English spelling, e.g. 'Tishri', 'Nisan') and day of a local date. */
export function hebrewDate(dayNumber: number): { month: string; day: number } {
  return monthAndDay('hebrew', dayNumber);
}

export function isChineseNewYear(dayNumber: number): boolean {
  // Chinese New Year always falls between 21 January and 20 February; ICU's Chinese calendar is
  // several times slower than the others, so it is only asked about dates in that window.
  const civil = partsOfDayNumber(dayNumber);
  const inWindow = (civil.month === 1 && civil.day >= 21) || (civil.month === 2 && civil.day <= 20);
  if (!inWindow) return false;
  const { month, day } = monthAndDay('chinese', dayNumber);
  return month === '1' && day === 1;
}

const EID_AL_FITR: NamedDay = { nl: 'Suikerfeest', en: 'Eid al-Fitr' };
const EID_AL_ADHA: NamedDay = { nl: 'Offerfeest', en: 'Eid al-Adha' };

function eidOn(dayNumber: number, memo: CalendarMemo): { code: string; name: NamedDay } | undefined {
  const { month, day } = memo.islamicDate(dayNumber);
  if (month === 10 && day === 1) return { code: 'eid-al-fitr', name: EID_AL_FITR };
  if (month === 12 && day === 10) return { code: 'eid-al-adha', name: EID_AL_ADHA };
  return undefined;
}

const ROSH_HASHANA: NamedDay = { nl: 'Rosj Hasjana (Joods Nieuwjaar)', en: 'Rosh Hashana' };
const YOM_KIPPUR: NamedDay = { nl: 'Jom Kipoer (Grote Verzoendag)', en: 'Yom Kippur' };
const SUKKOT: NamedDay = { nl: 'Soekot (Loofhuttenfeest)', en: 'Sukkot' };
const PESACH: NamedDay = { nl: 'Pesach (Joods Paasfeest)', en: 'Passover (Pesach)' };
const SHAVUOT: NamedDay = { nl: 'Sjavoeot (Wekenfeest)', en: 'Shavuot' };

/** The holidays on which work is not done, with the second days kept outside Israel. */
const JEWISH_HOLIDAYS: Record<string, NamedDay> = {
  'Tishri 1': ROSH_HASHANA,
  'Tishri 2': ROSH_HASHANA,
  'Tishri 10': YOM_KIPPUR,
  'Tishri 15': SUKKOT,
  'Tishri 16': SUKKOT,
  'Nisan 15': PESACH,
  'Nisan 16': PESACH,
  'Nisan 21': PESACH,
  'Nisan 22': PESACH,
  'Sivan 6': SHAVUOT,
  'Sivan 7': SHAVUOT,
};

function jewishHolidayOn(dayNumber: number, memo: CalendarMemo): NamedDay | undefined {
  const { month, day } = memo.hebrewDate(dayNumber);
  return JEWISH_HOLIDAYS[`${month} ${day}`];
}

const DIWALI_NAME: NamedDay = { nl: 'Divali', en: 'Diwali' };
const KETI_KOTI: NamedDay = { nl: 'Keti Koti', en: 'Keti Koti' };
const CHINESE_NEW_YEAR: NamedDay = { nl: 'Chinees Nieuwjaar', en: 'Chinese New Year' };
const RAMADAN: NamedDay = { nl: 'Ramadan', en: 'Ramadan' };

function islamicMarks(dayNumber: number, memo: CalendarMemo, marks: ObservanceMark[]): void {
  if (memo.islamicDate(dayNumber).month === 9)
    marks.push({ kind: 'ramadan', code: 'ramadan', name: RAMADAN });
  const today = eidOn(dayNumber, memo);
  if (today) {
    marks.push({ kind: 'all-day', ...today });
    return;
  }
  // Turkish-Dutch and Moroccan-Dutch communities often celebrate a day apart, so both neighbours go.
  const before = eidOn(dayNumber + 1, memo);
  if (before) {
    const name = {
      nl: `${before.name.nl} (door sommigen een dag eerder gevierd)`,
      en: `${before.name.en} (some celebrate a day earlier)`,
    };
    marks.push({ kind: 'all-day', code: before.code, name });
  }
  const after = eidOn(dayNumber - 1, memo);
  if (after) {
    const name = {
      nl: `${after.name.nl} (door sommigen een dag later gevierd)`,
      en: `${after.name.en} (some celebrate a day later)`,
    };
    marks.push({ kind: 'all-day', code: after.code, name });
  }
}

function jewishMarks(dayNumber: number, memo: CalendarMemo, marks: ObservanceMark[]): void {
  const holiday = jewishHolidayOn(dayNumber, memo);
  if (holiday) {
    marks.push({ kind: 'all-day', code: 'jewish-holiday', name: holiday });
    return;
  }
  // Jewish days run from the previous evening: the eve of a holiday is part of it after sunset.
  const tomorrow = jewishHolidayOn(dayNumber + 1, memo);
  if (tomorrow) {
    const name = {
      nl: `avond voor ${tomorrow.nl} (begint bij zonsondergang)`,
      en: `eve of ${tomorrow.en} (begins at sunset)`,
    };
    marks.push({ kind: 'eve', code: 'jewish-holiday-eve', name });
  }
}

/** Every observance mark on a local date for the given observances. */
export function observanceMarks(
  dayNumber: number,
  keys: ReadonlySet<ObservanceKey>,
  memo: CalendarMemo = new CalendarMemo(),
): ObservanceMark[] {
  const marks: ObservanceMark[] = [];
  if (keys.has('islamic')) islamicMarks(dayNumber, memo, marks);
  if (keys.has('jewish')) jewishMarks(dayNumber, memo, marks);
  if (keys.has('christian')) {
    const feast = christianFeastOn(dayNumber);
    if (feast) marks.push({ kind: 'all-day', code: 'christian-holiday', name: feast });
  }
  if (keys.has('hindu') && DIWALI.has(dateOfDayNumber(dayNumber))) {
    marks.push({ kind: 'all-day', code: 'diwali', name: DIWALI_NAME });
  }
  if (keys.has('keti-koti')) {
    const { month, day } = partsOfDayNumber(dayNumber);
    if (month === 7 && day === 1) marks.push({ kind: 'all-day', code: 'keti-koti', name: KETI_KOTI });
  }
  if (keys.has('chinese') && isChineseNewYear(dayNumber)) {
    marks.push({ kind: 'all-day', code: 'chinese-new-year', name: CHINESE_NEW_YEAR });
  }
  return marks;
}
