import { createEvent } from 'ics';
import type { AttendeeResponse } from './db-schema.js';

/** One iCalendar invitation (METHOD:REQUEST) or cancellation (METHOD:CANCEL) of a meeting. */
export interface InvitationInput {
  uid: string;
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  subject: string;
  /** Plain-text description; `html` goes alongside for clients that show it. */
  description: string;
  html: string;
  location: string | null;
  start: string;
  end: string;
  organiser: { address: string; name: string };
  attendees: { address: string; name: string; type: 'required' | 'optional'; response: AttendeeResponse }[];
  url?: string | null;
}

const PARTSTAT = {
  accepted: 'ACCEPTED',
  declined: 'DECLINED',
  tentativelyAccepted: 'TENTATIVE',
} as const;

/** Strips tags for the plain-text DESCRIPTION; the HTML goes in X-ALT-DESC. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|li|h[1-6])>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Builds the .ics text. Times are written in UTC (DTSTART:…Z): every client converts them to its own
 * zone, so a meeting at 18:00 in Amsterdam stays at 18:00 on both sides of a daylight-saving change.
 */
export function buildInvitation(input: InvitationInput): string {
  const { error, value } = createEvent({
    productId: 'bondgenoten/meetings',
    method: input.method,
    uid: input.uid,
    sequence: input.sequence,
    status: input.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    title: input.subject,
    description: input.description,
    htmlContent: input.html,
    ...(input.location ? { location: input.location } : {}),
    ...(input.url ? { url: input.url } : {}),
    start: Date.parse(input.start),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(input.end),
    endInputType: 'utc',
    endOutputType: 'utc',
    organizer: { name: input.organiser.name, email: input.organiser.address },
    attendees: input.attendees.map((attendee) => ({
      name: attendee.name,
      email: attendee.address,
      rsvp: true,
      role: attendee.type === 'required' ? 'REQ-PARTICIPANT' : 'OPT-PARTICIPANT',
      partstat: PARTSTAT[attendee.response as keyof typeof PARTSTAT] ?? 'NEEDS-ACTION',
    })),
  });
  if (error || !value) throw new Error(`could not build the invitation: ${error?.name ?? 'empty'}`);
  return value;
}
