import { CALL_OUT_EVENT_KINDS, type CallOutEventKind } from '../constants.js';
import type { CallOutDetail, TimelineEvent } from '../schemas.js';
import type { TimelinePdfLocale, TimelinePdfTexts } from './timeline-pdf-texts.js';

type Texts = TimelinePdfTexts;

const KINDS: ReadonlySet<string> = new Set(CALL_OUT_EVENT_KINDS);

/** An event kind in words; a kind written by an older or newer version than this one stays as named. */
export function eventText(texts: Texts, kind: string): string {
  return KINDS.has(kind) ? texts.events[kind as CallOutEventKind] : kind;
}

/** Date and time to the second in Dutch time, as "29-11-2026 18:30:05" (nl) or "29/11/2026 18:30:05" (en). */
export function dateTimeFormat(locale: TimelinePdfLocale): (iso: string | Date) => string {
  const format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return (at) => format.format(new Date(at)).replace(', ', ' ');
}

/**
 * Who did or underwent an event, by the names the call-out detail already shows the caller: staff names to
 * everyone who may see the call-out; an ally's name only where the detail gives it (need-to-know).
 */
export function whoResolver(callOut: CallOutDetail, texts: Texts): (event: TimelineEvent) => string {
  const users = new Map<string, string>();
  for (const r of callOut.recipients) users.set(r.userId, r.displayName);
  for (const c of callOut.callList) if (!users.has(c.callerUserId)) users.set(c.callerUserId, c.callerName);
  const people = new Map(callOut.callList.map((c) => [c.personId, c.displayName ?? null]));
  return (event) => {
    const parts: string[] = [];
    if (event.userId) parts.push(users.get(event.userId) ?? texts.staffMember);
    if (event.personId) parts.push(people.get(event.personId) ?? texts.hiddenAlly);
    return parts.join(' – ');
  };
}
