import { stringify } from 'csv-stringify/sync';
import { CONFIDENTIAL_NOTICE } from '../../platform/confidential-notice.js';
import type { CallOutDetail, TimelineEvent } from '../schemas.js';
import { TIMELINE_PDF_TEXTS as TEXTS, type TimelinePdfLocale } from './timeline-pdf-texts.js';
import { dateTimeFormat, eventText, whoResolver } from './timeline-words.js';

/** What the CSV holds: the call-out as the caller may see it (for the names) and its timeline. */
export interface TimelineCsvInput {
  callOut: CallOutDetail;
  events: readonly TimelineEvent[];
  locale: TimelinePdfLocale;
}

const AMSTERDAM_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `2026-12-05-1430`: a moment in Dutch time, as a file name can hold it. */
export function fileStamp(at: string | Date): string {
  const parts = Object.fromEntries(
    AMSTERDAM_PARTS.formatToParts(new Date(at)).map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}-${parts.hour}${parts.minute}`;
}

/** A name as a file-name word: lower case, accents dropped, anything else a hyphen; at most 40 characters. */
export function fileWord(name: string): string {
  const word = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return word || 'onbekend';
}

/**
 * The file name: which call-out (its first wijk, or the network when it names no wijk) and when it started, in
 * Dutch time, e.g. `crisisoproep-centrum-haven-2026-12-05-1430.csv`. Place names only: never a person's.
 */
export function timelineCsvFileName(callOut: CallOutDetail, locale: TimelinePdfLocale): string {
  const place = callOut.places[0]?.name ?? callOut.followUps[0]?.networkName ?? '';
  const more =
    callOut.places.length > 1 ? `-${locale === 'en' ? 'and' : 'en'}-${callOut.places.length - 1}` : '';
  const prefix = locale === 'en' ? 'call-out' : 'crisisoproep';
  return `${prefix}-${fileWord(place)}${more}-${fileStamp(callOut.startedAt)}.csv`;
}

/**
 * The timeline as a CSV that Dutch Excel opens as it is: `;` between fields, a UTF-8 byte order mark, Windows
 * line ends, formulas neutralised. Times in Dutch time (Europe/Amsterdam); events in words in the caller's
 * language, with the kind's code beside them; people named as in the PDF (an ally only where the caller may
 * see the name).
 */
export function renderTimelineCsv(input: TimelineCsvInput): { fileName: string; csv: string } {
  const texts = TEXTS[input.locale];
  const at = dateTimeFormat(input.locale);
  const who = whoResolver(input.callOut, texts);
  const rows = input.events.map((event) => [
    at(event.at),
    eventText(texts, event.kind),
    who(event),
    event.kind,
  ]);
  // The first line warns the reader: the timeline names allies and staff (issue 18, item 7).
  const csv = stringify([[CONFIDENTIAL_NOTICE[input.locale]], texts.csvColumns, ...rows], {
    delimiter: ';',
    bom: true,
    escape_formulas: true,
    record_delimiter: 'windows',
  });
  return { fileName: timelineCsvFileName(input.callOut, input.locale), csv };
}
