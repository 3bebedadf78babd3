import { stringify } from 'csv-stringify/sync';
import { CONFIDENTIAL_NOTICE } from '../platform/confidential-notice.js';
import type { AuditEvent } from './audit-chain.js';
import { AUDIT_ACTION_LABELS, AUDIT_OBJECT_TYPE_LABELS, AUDIT_TIME_ZONE } from './constants.js';

/** The languages of the export. */
export type AuditCsvLocale = 'nl' | 'en';

/** An audit row with its actor's name as it is now (null: no actor, or no longer known). */
export type NamedAuditEvent = AuditEvent & { actorName: string | null };

const TEXTS = {
  nl: {
    columns: [
      'Nr.',
      'Tijdstip (Nederlandse tijd)',
      'Actor',
      'Actor-id',
      'Actie',
      'Actiecode',
      'Objecttype',
      'Object-id',
      'Resultaat',
      'Kanaal',
      'Clientadres',
      'Verzoek-id',
      'Vorige hash',
      'Hash',
    ],
    result: { success: 'Gelukt', denied: 'Geweigerd', failed: 'Mislukt' },
    channel: { tab: 'Tabblad', bot: 'Bot', api: 'API', job: 'Taak' },
    unknownActor: 'Onbekende medewerker',
  },
  en: {
    columns: [
      'No.',
      'Time (Dutch time)',
      'Actor',
      'Actor id',
      'Action',
      'Action code',
      'Object type',
      'Object id',
      'Result',
      'Channel',
      'Client address',
      'Request id',
      'Previous hash',
      'Hash',
    ],
    result: { success: 'Success', denied: 'Denied', failed: 'Failed' },
    channel: { tab: 'Tab', bot: 'Bot', api: 'API', job: 'Job' },
    unknownActor: 'Unknown staff member',
  },
} as const;

/** A label from a table, or the code itself for one this version does not know (e.g. written by a newer one). */
const labelOf = (labels: Readonly<Record<string, string>>, code: string) =>
  Object.hasOwn(labels, code) ? (labels[code] ?? code) : code;

/** Date and time to the second in Dutch time: "05-12-2026 14:30:05" (nl) or "05/12/2026 14:30:05" (en). */
function timeFormat(locale: AuditCsvLocale): (at: Date) => string {
  const format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
    timeZone: AUDIT_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return (at) => format.format(at).replace(', ', ' ');
}

/**
 * The trail as a CSV that Dutch Excel opens as it is (`;`, UTF-8 BOM, Windows line ends, formulas neutralised):
 * the actor's name, the action and object type in words in the caller's language, the time in Europe/Amsterdam,
 * and beside them the stored codes, ids and hashes, so a row can still be checked against the chain.
 */
export function renderAuditCsv(events: readonly NamedAuditEvent[], locale: AuditCsvLocale): string {
  const texts = TEXTS[locale];
  const at = timeFormat(locale);
  const actions = AUDIT_ACTION_LABELS[locale];
  const types = AUDIT_OBJECT_TYPE_LABELS[locale];
  const rows = events.map((event) => [
    event.seq,
    at(event.occurredAt),
    event.actorUserId ? (event.actorName ?? texts.unknownActor) : '',
    event.actorUserId ?? '',
    labelOf(actions, event.action),
    event.action,
    event.objectType ? labelOf(types, event.objectType) : '',
    event.objectId ?? '',
    texts.result[event.result],
    texts.channel[event.channel],
    event.clientAddress ?? '',
    event.requestId ?? '',
    event.prevHash,
    event.hash,
  ]);
  // The first line warns the reader: the trail names who read whose data (issue 18, item 7).
  return stringify([[CONFIDENTIAL_NOTICE[locale]], [...texts.columns], ...rows], {
    delimiter: ';',
    bom: true,
    escape_formulas: true,
    record_delimiter: 'windows',
  });
}

/** The export's file name: the trail and the moment it was made, in Dutch time (`audittrail-2026-12-05-1430.csv`). */
export function auditCsvFileName(now: Date, locale: AuditCsvLocale): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: AUDIT_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  const name = locale === 'en' ? 'audit-trail' : 'audittrail';
  return `${name}-${parts.year}-${parts.month}-${parts.day}-${parts.hour}${parts.minute}.csv`;
}
