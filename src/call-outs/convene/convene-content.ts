import type { MailMessage, MailRecipient } from '../../mail/mail-port.js';
import { escapeHtml } from '../../meetings/embedded-calendar.js';
import { htmlToText } from '../../meetings/ics.js';
import { localTime } from '../../platform/time.js';

/**
 * What the convening meeting and the allies' e-mail say: Dutch, as they go to citizens and staff
 * alike. Only the ask and the time; the call-out's summary (what happened) stays in the app.
 */
export interface ConveneContent {
  ask: string;
  start: string;
  joinUrl: string | null;
  joinUrlIsLocal: boolean;
}

export const CONVENE_SUBJECT = 'Bijeenkomst bondgenotennetwerk (binnen het uur)';

function joinParagraph(content: ConveneContent): string {
  if (!content.joinUrl) return '<p>De deelnamelink volgt via de uitnodiging in Teams.</p>';
  const local = content.joinUrlIsLocal ? ' (lokale proefomgeving: dit is geen echte Teams-vergadering)' : '';
  return `<p>Deelnemen: <a href="${escapeHtml(content.joinUrl)}">${escapeHtml(content.joinUrl)}</a>${local}</p>`;
}

export function meetingBodyHtml(content: ConveneContent): string {
  return [
    `<p>Het bondgenotennetwerk komt bijeen, vanaf ${escapeHtml(localTime(content.start))} uur (online).</p>`,
    `<p>Gevraagd: ${escapeHtml(content.ask)}</p>`,
    // Teams writes the join block into a new online meeting's body itself; the link is written here when
    // it is known already: the local placeholder, or on an update (which replaces Teams' block).
    content.joinUrl ? joinParagraph(content) : '',
  ].join('');
}

/** The e-mail with the join link to one ally; one message per ally, so no ally sees another's address. */
export function allyMail(to: MailRecipient, content: ConveneContent): MailMessage {
  const html = [
    `<p>Beste ${escapeHtml(to.name ?? 'bondgenoot')},</p>`,
    `<p>Dank dat je komt. Het bondgenotennetwerk komt bijeen vanaf ${escapeHtml(localTime(content.start))} uur.</p>`,
    `<p>Gevraagd: ${escapeHtml(content.ask)}</p>`,
    joinParagraph(content),
  ].join('');
  return { to: [to], subject: CONVENE_SUBJECT, html, text: htmlToText(html) };
}
