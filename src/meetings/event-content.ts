import { escapeHtml } from './embedded-calendar.js';

/** What the invitation tells the attendees; names of allies go to the attendees only. */
export interface EventContent {
  networkName: string;
  trustBuilding: boolean;
  mealArrangements: string | null;
  chairName: string | null;
  agendaTurnNames: string[];
  locationName: string | null;
  localStartTime: string;
}

export function eventSubject(content: EventContent): string {
  return `Bondgenotenoverleg ${content.networkName}${content.trustBuilding ? ' (kennismaking)' : ''}`;
}

/** The HTML body: Dutch, as the invitation goes to citizens and staff alike. */
export function eventBodyHtml(content: EventContent): string {
  const items = [
    `<li>Maaltijd: ${escapeHtml(content.mealArrangements ?? 'we beginnen met een gezamenlijke maaltijd')}</li>`,
    `<li>Voorzitter: ${escapeHtml(content.chairName ?? 'nog niet bekend')}</li>`,
  ];
  if (content.agendaTurnNames.length > 0)
    items.push(`<li>Agendapunt meenemen: ${content.agendaTurnNames.map(escapeHtml).join(', ')}</li>`);
  if (content.locationName) items.push(`<li>Locatie: ${escapeHtml(content.locationName)}</li>`);
  const trust = content.trustBuilding
    ? '<p>Dit overleg staat in het teken van kennismaken en vertrouwen opbouwen; er staat nog geen probleemoplossende agenda op.</p>'
    : '';
  return [
    `<p>Bondgenotenoverleg van ${escapeHtml(content.networkName)}, vanaf ${escapeHtml(content.localStartTime)} uur. We beginnen met een gezamenlijke maaltijd en ronden binnen twee uur af.</p>`,
    `<ul>${items.join('')}</ul>`,
    trust,
  ].join('');
}
