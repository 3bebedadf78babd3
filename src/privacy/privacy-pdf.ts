import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { z } from 'zod';
import { AUDIT_ACTION_LABELS, AUDIT_TIME_ZONE, type AuditAction } from '../audit/constants.js';
import { CONFIDENTIAL_NOTICE } from '../platform/confidential-notice.js';
import { PRIVACY_TEXTS, type RetentionKind, registerTextKey } from './constants.js';
import { PRIVACY_PDF_TEXTS, type PrivacyPdfLocale } from './privacy-pdf-texts.js';
import type { inzageSchema, processingRegisterSchema } from './schemas.js';

/**
 * The inzage (AVG art. 15) and the processing register (art. 30) as readable A4 PDFs, Dutch unless asked
 * otherwise, laid out as the call-out timeline's PDF is (src/call-outs/timeline/timeline-pdf.ts): Noto Sans
 * embedded (the standard fonts lose "ş" and "ğ"), the confidentiality notice and "page x of y" on every page.
 * The metadata holds the title and dates only, never a name.
 */

type Doc = PDFKit.PDFDocument;
type Texts = (typeof PRIVACY_PDF_TEXTS)[PrivacyPdfLocale];

const fontFile = (file: string) =>
  createRequire(import.meta.url).resolve(`@expo-google-fonts/noto-sans/${file}`);
const REGULAR = 'NotoSans-Regular';
const BOLD = 'NotoSans-Bold';
const FONT_FILES = {
  [REGULAR]: fontFile('400Regular/NotoSans_400Regular.ttf'),
  [BOLD]: fontFile('700Bold/NotoSans_700Bold.ttf'),
};
const MARGINS = { top: 56, bottom: 72, left: 56, right: 56 };
const LABEL_WIDTH = 150;
const GAP = 8;

/** Text as printed: composed (NFC), line ends unified, control characters as spaces. */
function printable(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[^\P{Cc}\n]/gu, ' ');
}

const contentWidth = (doc: Doc) => doc.page.width - MARGINS.left - MARGINS.right;

function dateTime(locale: PrivacyPdfLocale): (iso: string) => string {
  const format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
    timeZone: AUDIT_TIME_ZONE,
    dateStyle: 'long',
    timeStyle: 'short',
  });
  const day = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
    timeZone: 'UTC',
    dateStyle: 'long',
  });
  // A bare date (YYYY-MM-DD) is a calendar day: shown as such, never shifted by a time zone.
  return (iso) =>
    /^\d{4}-\d{2}-\d{2}$/.test(iso) ? day.format(new Date(`${iso}T00:00:00Z`)) : format.format(new Date(iso));
}

function newDocument(title: string, locale: PrivacyPdfLocale, now: Date): Doc {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    lang: locale === 'en' ? 'en-GB' : 'nl-NL',
    displayTitle: true,
    info: { Title: title, Creator: 'Bondgenoten', CreationDate: now, ModDate: now },
  });
  for (const [name, file] of Object.entries(FONT_FILES)) doc.registerFont(name, file);
  return doc;
}

function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function writeTitle(doc: Doc, title: string, intro: string): void {
  doc.font(BOLD).fontSize(18).fillColor('black').text(printable(title));
  doc.font(REGULAR).fontSize(10).fillColor('#444444').text(printable(intro)).fillColor('black');
  doc.moveDown(0.6);
}

function writeSection(doc: Doc, heading: string): void {
  // A heading never stands alone at the foot of a page.
  if (doc.y + 60 > doc.page.maxY()) doc.addPage();
  doc.moveDown(0.6);
  doc
    .font(BOLD)
    .fontSize(13)
    .text(printable(heading), MARGINS.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.2);
}

/** One label/value line; a long value wraps, and flows onto the next page if it must. */
function writeFact(doc: Doc, label: string, value: string): void {
  const valueWidth = contentWidth(doc) - LABEL_WIDTH - GAP;
  doc.fontSize(10);
  const height = Math.max(
    doc.font(BOLD).heightOfString(printable(label), { width: LABEL_WIDTH }),
    doc.font(REGULAR).heightOfString(printable(value), { width: valueWidth }),
  );
  if (doc.y + height > doc.page.maxY() && height <= doc.page.maxY() - MARGINS.top) doc.addPage();
  const y = doc.y;
  const pages = doc.bufferedPageRange().count;
  doc.font(BOLD).text(printable(label), MARGINS.left, y, { width: LABEL_WIDTH });
  const labelEnd = doc.y;
  doc.font(REGULAR).text(printable(value), MARGINS.left + LABEL_WIDTH + GAP, y, { width: valueWidth });
  doc.x = MARGINS.left;
  doc.y = (doc.bufferedPageRange().count === pages ? Math.max(labelEnd, doc.y) : doc.y) + 3;
}

/** A paragraph of the body (a list item when `bullet`). */
function writeLine(doc: Doc, text: string, bullet = false): void {
  doc
    .font(REGULAR)
    .fontSize(10)
    .text(`${bullet ? '• ' : ''}${printable(text)}`, MARGINS.left + (bullet ? 8 : 0), doc.y, {
      width: contentWidth(doc) - (bullet ? 8 : 0),
    });
  doc.moveDown(0.15);
}

/** The notice (issue 18, item 7) and page x of y on every page, once the page count is known. */
function writeFooters(doc: Doc, texts: Texts, locale: PrivacyPdfLocale, made: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    doc
      .font(BOLD)
      .fontSize(6.5)
      .fillColor('#555555')
      .text(CONFIDENTIAL_NOTICE[locale], MARGINS.left, doc.page.height - 62, {
        width: contentWidth(doc),
        align: 'center',
        height: 18,
        ellipsis: true,
      });
    doc
      .font(REGULAR)
      .fontSize(8)
      .text(texts.footer(i - start + 1, count, made), MARGINS.left, doc.page.height - 40, {
        width: contentWidth(doc),
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = MARGINS.bottom;
  }
}

/** The fields whose values are codes (said in words); free text is printed as held, never translated. */
const CODED = new Set([
  'kind',
  'legalBasis',
  'preferredChannel',
  'channel',
  'urgency',
  'outcome',
  'response',
  'status',
  'callOutKind',
  'proposedBy',
  'party',
  'criterion',
  'verdict',
  'decision',
]);

/** A value as printed: booleans and (for coded fields) codes in words, lists joined, empty as a dash. */
function valueText(texts: Texts, value: unknown, at: (iso: string) => string, coded = false): string {
  if (value === null || value === undefined || value === '') return texts.empty;
  if (typeof value === 'boolean') return value ? texts.yes : texts.no;
  if (Array.isArray(value))
    return value.length > 0 ? value.map((v) => valueText(texts, v, at)).join(', ') : texts.empty;
  if (typeof value === 'object') {
    const named = value as { name?: unknown };
    return typeof named.name === 'string' ? named.name : JSON.stringify(value);
  }
  const text = String(value);
  if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/.test(text)) return at(text);
  return coded ? (texts.values[text] ?? text) : text;
}

type Inzage = z.infer<typeof inzageSchema>;

const PERSON_FIELDS = [
  'displayName',
  'kind',
  'isProfessional',
  'neighbourhood',
  'mobile',
  'email',
  'following',
  'preferredChannel',
  'languages',
  'availability',
  'ageBand',
  'gender',
  'legalBasis',
  'consentDate',
  'consentWithdrawnOn',
  'updatedAt',
] as const;

/** The inzage of one person as a PDF: the same content as the JSON answer, in words. */
export function renderInzagePdf(input: {
  inzage: Inzage;
  locale: PrivacyPdfLocale;
  now: Date;
}): Promise<Buffer> {
  const { inzage, locale } = input;
  const texts = PRIVACY_PDF_TEXTS[locale];
  const at = dateTime(locale);
  const doc = newDocument(texts.inzageTitle, locale, input.now);
  const done = collect(doc);
  writeTitle(doc, texts.inzageTitle, texts.inzageIntro(inzage.personId));
  if (inzage.incomplete.length > 0)
    writeLine(doc, texts.incomplete(inzage.incomplete.map((h) => texts.holderNames[h] ?? h).join(', ')));

  const person = inzage.person as Record<string, unknown>;
  writeSection(doc, texts.sections.person);
  for (const field of PERSON_FIELDS)
    writeFact(doc, texts.fields[field] ?? field, valueText(texts, person[field], at, CODED.has(field)));
  for (const [section, key] of [
    [texts.sections.communities, 'communities'],
    [texts.sections.networks, 'networks'],
  ] as const) {
    writeSection(doc, section);
    const items = Array.isArray(person[key]) ? (person[key] as { name: string }[]) : [];
    if (items.length === 0) writeLine(doc, texts.none);
    for (const item of items) writeLine(doc, item.name, true);
  }

  for (const part of inzage.records) {
    writeSection(doc, texts.parts[part.kind] ?? part.kind);
    for (const row of part.rows) {
      const facts = Object.entries(row.facts)
        .filter(([, value]) => value !== null && value !== '')
        .map(([key, value]) => `${texts.fields[key] ?? key}: ${valueText(texts, value, at, CODED.has(key))}`)
        .join(' · ');
      writeLine(doc, row.on ? `${at(row.on)} — ${facts}` : facts, true);
    }
  }

  writeSection(doc, texts.sections.accessLog);
  const [when, who, what, result, channel] = texts.accessColumns;
  for (const event of inzage.accessLog) {
    const label = AUDIT_ACTION_LABELS[locale][event.action as AuditAction] ?? event.action;
    writeLine(
      doc,
      `${when}: ${at(event.occurredAt)} · ${who}: ${event.actorName ?? texts.system} · ${what}: ${label} · ` +
        `${result}: ${texts.values[event.result] ?? event.result} · ${channel}: ${event.channel}`,
      true,
    );
  }
  writeFooters(doc, texts, locale, at(input.now.toISOString()));
  doc.end();
  return done;
}

type Register = z.infer<typeof processingRegisterSchema>;

/** A fixed register text in the PDF's language by its key; a text without a key stays as the API states it. */
function registerText(locale: PrivacyPdfLocale, text: string): string {
  const key = registerTextKey(text);
  return key ? PRIVACY_TEXTS[locale].registerText[key] : text;
}

/** The processing register of one municipality as a PDF for the FG: the same content as the JSON, in words. */
export function renderRegisterPdf(input: {
  register: Register;
  locale: PrivacyPdfLocale;
  now: Date;
}): Promise<Buffer> {
  const { register, locale } = input;
  const texts = PRIVACY_PDF_TEXTS[locale];
  const words = PRIVACY_TEXTS[locale];
  const at = dateTime(locale);
  const doc = newDocument(texts.registerTitle, locale, input.now);
  const done = collect(doc);
  writeTitle(doc, texts.registerTitle, texts.registerIntro(register.municipalityId));
  const lists: [string, readonly string[]][] = [
    [texts.sections.purposes, register.purposes],
    [texts.sections.categoriesOfPeople, register.categoriesOfPeople],
    [texts.sections.categoriesOfData, register.categoriesOfData],
    [texts.sections.legalBases, register.legalBases],
  ];
  for (const [heading, items] of lists) {
    writeSection(doc, heading);
    for (const item of items) writeLine(doc, registerText(locale, item), true);
  }
  writeSection(doc, texts.sections.retention);
  for (const rule of register.retention) {
    const kind = rule.kind as RetentionKind;
    doc.moveDown(0.2);
    writeFact(doc, words.kind[kind] ?? rule.kind, texts.retention(rule.days, rule.defaultDays));
    writeFact(doc, texts.clock, words.clock[kind] ?? rule.clockStarts);
    writeFact(doc, texts.reason, words.reason[kind] ?? rule.reason);
  }
  writeSection(doc, texts.sections.holders);
  for (const holder of register.holders) {
    const kinds = holder.retentionKinds.map((k) => words.kind[k as RetentionKind] ?? k).join(', ');
    writeFact(
      doc,
      texts.holderNames[holder.name] ?? holder.name,
      texts.holderFacts(holder.release, holder.erase, kinds) || texts.empty,
    );
  }
  writeSection(doc, texts.sections.recipients);
  writeLine(doc, texts.tenants(register.recipients.tenants.join(', ')), true);
  for (const processor of register.recipients.processors)
    writeLine(doc, registerText(locale, processor), true);
  writeSection(doc, texts.sections.securityMeasures);
  for (const measure of register.securityMeasures) writeLine(doc, registerText(locale, measure), true);
  writeFooters(doc, texts, locale, at(input.now.toISOString()));
  doc.end();
  return done;
}
