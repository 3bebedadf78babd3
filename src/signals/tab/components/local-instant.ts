/**
 * Signals are received and shown in the Netherlands' time zone, whatever the browser's: a `datetime-local`
 * value ("2026-01-05T09:30") is read as Europe/Amsterdam wall-clock time, with Intl only (no date library in
 * the page's chunk).
 */
const ZONE = 'Europe/Amsterdam';

const format = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

function wallClock(epochMs: number): { text: string; asUtcMs: number } {
  const parts = Object.fromEntries(format.formatToParts(new Date(epochMs)).map((p) => [p.type, p.value]));
  const text = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
  return { text, asUtcMs: Date.parse(`${text}:00Z`) };
}

/** An instant as Amsterdam wall-clock time for a `datetime-local` input ("YYYY-MM-DDTHH:mm"). */
export function toLocalInput(iso: string): string {
  return wallClock(Date.parse(iso)).text;
}

/** A `datetime-local` value in Amsterdam as an ISO instant (UTC); undefined when it is not a date-time. */
export function fromLocalInput(local: string): string | undefined {
  const guess = Date.parse(`${local}:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) || Number.isNaN(guess)) return undefined;
  // The zone's offset at the guess, then once more at the corrected instant (daylight saving changes).
  let instant = guess - (wallClock(guess).asUtcMs - Math.floor(guess / 60_000) * 60_000);
  instant = guess - (wallClock(instant).asUtcMs - Math.floor(instant / 60_000) * 60_000);
  return new Date(instant).toISOString();
}
