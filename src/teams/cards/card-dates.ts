import type { BotLocale } from '../messages.js';

/**
 * "3 maart 2027" / "3 March 2027" for a local date ('YYYY-MM-DD'), as cards that name a day show it. The date is
 * read at UTC midnight and formatted in UTC, so the day never shifts with the server's time zone.
 */
export function cardLongDate(date: string, locale: BotLocale): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}
