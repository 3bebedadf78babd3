import type { MailMessage, MailRecipient } from '../../mail/mail-port.js';
import { escapeHtml } from '../../meetings/embedded-calendar.js';
import { htmlToText } from '../../meetings/ics.js';
import { localDate, localTime } from '../../platform/time.js';
import type { SharedCardView } from '../call-out-views.js';
import type { CallOutKind } from '../contract.js';

/** The static tab the link opens (appPackage/manifest.json `staticTabs[0].entityId`). */
const TAB_ENTITY_ID = 'home';
/** The fragment key of the web address: a fragment never reaches a server, so no log can hold the token. */
export const ANSWER_LINK_FRAGMENT = 'antwoordlink';

const KIND: Record<CallOutKind, string> = {
  incident: 'Incident',
  tension: 'Spanning',
  'planned-intervention': 'Geplande interventie',
};

/**
 * Where the link goes. With the app's id in the organisation's catalog (TEAMS_APP_CATALOG_ID), a Teams deep
 * link to the personal tab whose sub-page id is the tab path with the token in its fragment (the tab goes
 * there, src/tab/routing/deep-link.ts;
 * https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-application: apps in
 * the org catalog are addressed by the catalog id), with the web address as `webUrl` fallback; otherwise
 * (local run) the tab's web address itself.
 */
export function answerLinkUrl(
  target: { publicUrl: string; teamsAppCatalogId: string | null | undefined },
  callOutId: string,
  token: string,
): string {
  const page = `/crisisoproepen/${callOutId}#${ANSWER_LINK_FRAGMENT}=${token}`;
  const web = `${target.publicUrl.replace(/\/+$/, '')}${page}`;
  if (!target.teamsAppCatalogId) return web;
  const context = JSON.stringify({ subEntityId: page });
  const query = new URLSearchParams({ webUrl: web, context, label: 'Crisisoproep' });
  return `https://teams.microsoft.com/l/entity/${target.teamsAppCatalogId}/${TAB_ENTITY_ID}?${query}`;
}

/**
 * The e-mail to a staff member Teams could not reach: Dutch, the essentials of the call-out (kind, wijken,
 * what happened, the ask, when, the meeting if set) and the one-time link. No ally is named: the call list
 * stays in the app, behind sign-in.
 */
export function answerLinkMail(
  to: MailRecipient,
  view: SharedCardView['base'],
  link: { url: string; expiresAt: Date },
): MailMessage {
  const places = view.places.join(', ') || 'onbekende wijk';
  const started = `${localDate(view.startedAt)} om ${localTime(view.startedAt)} uur`;
  const meeting = view.meeting
    ? `<p>Bijeenkomst: vanaf ${escapeHtml(localTime(view.meeting.start))} uur (online)${
        view.meeting.joinUrl
          ? `, <a href="${escapeHtml(view.meeting.joinUrl)}">${escapeHtml(view.meeting.joinUrl)}</a>`
          : ''
      }.</p>`
    : '';
  const html = [
    `<p>Beste ${escapeHtml(to.name ?? 'collega')},</p>`,
    '<p>Er is een crisisoproep voor jouw netwerk. We konden je niet bereiken in Teams, daarom krijg je deze e-mail.</p>',
    `<p><strong>${escapeHtml(KIND[view.kind])} in ${escapeHtml(places)}</strong><br>`,
    `Wat er is gebeurd: ${escapeHtml(view.summary)}<br>`,
    `Gevraagd: ${escapeHtml(view.ask)}<br>`,
    `Gestart: ${escapeHtml(started)}</p>`,
    meeting,
    `<p><a href="${escapeHtml(link.url)}">Geef hier je antwoord</a> (kom je, bel je je bondgenoten, of kun je niet).`,
    ` Je logt in zoals altijd; de link werkt één keer, tot ${escapeHtml(localTime(link.expiresAt))} uur op ${escapeHtml(localDate(link.expiresAt))}.</p>`,
    '<p>Stuur deze e-mail niet door: de link is alleen voor jou.</p>',
  ].join('');
  return {
    to: [to],
    subject: `Crisisoproep: ${KIND[view.kind]} in ${places}`,
    html,
    text: htmlToText(html),
  };
}
