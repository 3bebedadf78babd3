import { AdaptiveCard, SerializationContext } from 'adaptivecards';
import type { AlertCardView } from '../../src/call-outs/contract.js';

/** A fictional open call-out as one staff recipient sees it; `overrides` replace top-level fields. */
export function buildAlertCardView(overrides: Partial<AlertCardView> = {}): AlertCardView {
  return {
    callOutId: '3f6b2d8e-1c4a-4e7b-9a05-7d2c8b1e6f43',
    version: 7,
    status: 'open',
    kind: 'tension',
    urgency: 'immediate',
    summary: 'Onrust na een vechtpartij bij het winkelcentrum (fictief).',
    ask: 'Kom naar het buurthuis aan het Fictieplein en bel je bondgenoten.',
    places: ['Vogelwijk-Noord', 'Havenkwartier'],
    communities: ['Jongeren Havenkwartier'],
    // 14:42 UTC is 15:42 in Amsterdam in November.
    startedAt: '2026-11-29T13:42:00.000Z',
    goalAt: '2026-11-29T14:42:00.000Z',
    tally: { coming: 2, callingAllies: 1, unavailable: 0, pending: 4 },
    progress: { recipients: 7, sent: 6, unreachable: 1, answered: 3 },
    answers: [
      { displayName: 'Fenna Fictief', answer: 'coming', note: 'Ik neem de wijkagent mee', etaMinutes: 15 },
      { displayName: 'Bram Bedacht', answer: 'calling-allies', note: null, etaMinutes: null },
    ],
    mine: null,
    callList: [
      { personId: 'p-1', displayName: 'Yusuf Verzonnen', mobile: '06-12345678', outcome: null },
      { personId: 'p-2', displayName: 'Ilse Imaginair', mobile: '+32 470 12 34 56', outcome: 'reached' },
      { personId: 'p-3', displayName: 'Kees Kunstmatig', mobile: '12345', outcome: 'voicemail' },
      { personId: 'p-4', displayName: 'Noor Nergens', mobile: null, outcome: null },
    ],
    meeting: null,
    refreshUserIds: ['29:fictional-user-1', '29:fictional-user-2'],
    ...overrides,
  };
}

/** Every problem the official Adaptive Cards library reports while parsing and validating a card. */
export function adaptiveCardProblems(json: unknown): string[] {
  const card = new AdaptiveCard();
  const context = new SerializationContext();
  card.parse(json, context);
  const parseProblems = Array.from(
    { length: context.eventCount },
    (_, index) => context.getEventAt(index).message,
  );
  const validationProblems = card.validateProperties().validationEvents.map((event) => event.message);
  return [...parseProblems, ...validationProblems];
}

/** Every object in a card whose `type` matches, wherever it is nested. */
export function findAll(node: unknown, type: RegExp): Record<string, unknown>[] {
  if (Array.isArray(node)) return node.flatMap((child) => findAll(child, type));
  if (node === null || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = typeof record.type === 'string' && type.test(record.type) ? [record] : [];
  return [...own, ...Object.values(record).flatMap((child) => findAll(child, type))];
}

/** The texts a reader sees: TextBlock texts and the joined runs of each RichTextBlock. */
export function visibleTexts(card: unknown): string[] {
  const blocks = findAll(card, /^TextBlock$/).map((block) => String(block.text));
  const rich = findAll(card, /^RichTextBlock$/).map((block) =>
    (block.inlines as { text: string }[]).map((run) => run.text).join(''),
  );
  return [...blocks, ...rich];
}
