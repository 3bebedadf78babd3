import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { CallOutDetail, TimelineEvent } from '../schemas.js';
import {
  TIMELINE_PDF_TEXTS as TEXTS,
  type TimelinePdfLocale,
  type TimelinePdfTexts,
} from './timeline-pdf-texts.js';
import { dateTimeFormat, eventText, whoResolver } from './timeline-words.js';

export type { TimelinePdfLocale } from './timeline-pdf-texts.js';

/** What the PDF shows: the call-out as the caller may see it, its timeline, and the moment it was made. */
export interface TimelinePdfInput {
  callOut: CallOutDetail;
  events: readonly TimelineEvent[];
  locale: TimelinePdfLocale;
  now: Date;
}

type Texts = TimelinePdfTexts;
type Doc = PDFKit.PDFDocument;

/**
 * Noto Sans (SIL Open Font License 1.1, from @expo-google-fonts/noto-sans), embedded and subset by PDFKit: the
 * standard PDF fonts only encode WinAnsi, so "Demirtaş" or "Iğdır" would lose their letters. See docs/licences.md.
 */
const fontFile = (file: string) =>
  createRequire(import.meta.url).resolve(`@expo-google-fonts/noto-sans/${file}`);
const FONT_FILES = {
  'NotoSans-Regular': fontFile('400Regular/NotoSans_400Regular.ttf'),
  'NotoSans-Bold': fontFile('700Bold/NotoSans_700Bold.ttf'),
} as const;
const REGULAR = 'NotoSans-Regular';
const BOLD = 'NotoSans-Bold';
const MARGINS = { top: 56, bottom: 64, left: 56, right: 56 };
const LABEL_WIDTH = 130;
const GAP = 8;
/** Time, event, who: shares of the content width. */
const COLUMN_SHARES = [0.21, 0.37, 0.42];
const CELL_PADDING = 4;

/** Text as printed: composed (NFC, so "ş" is one glyph), line ends unified, control characters as spaces. */
export function printable(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[^\P{Cc}\n]/gu, ' ');
}

const contentWidth = (doc: Doc) => doc.page.width - MARGINS.left - MARGINS.right;
const pageCount = (doc: Doc) => doc.bufferedPageRange().count;

function writeHeading(doc: Doc, texts: Texts, callOut: CallOutDetail): void {
  doc.font(BOLD).fontSize(18).fillColor('black').text(texts.title);
  const places = callOut.places.map((p) => p.name).join(', ');
  doc
    .font(REGULAR)
    .fontSize(11)
    .text(printable(`${texts.kind[callOut.kind]} – ${places}`));
  doc.moveDown(0.8);
}

/** One label/value line of the facts block; a long value wraps, and flows onto the next page if it must. */
function writeFact(doc: Doc, label: string, value: string): void {
  const x = MARGINS.left;
  const valueWidth = contentWidth(doc) - LABEL_WIDTH - GAP;
  doc.fontSize(10);
  const height = Math.max(
    doc.font(BOLD).heightOfString(label, { width: LABEL_WIDTH }),
    doc.font(REGULAR).heightOfString(value, { width: valueWidth }),
  );
  const body = doc.page.maxY() - MARGINS.top;
  if (doc.y + height > doc.page.maxY() && height <= body) doc.addPage();
  const y = doc.y;
  const pages = pageCount(doc);
  doc.font(BOLD).text(label, x, y, { width: LABEL_WIDTH });
  const labelEnd = doc.y;
  doc.font(REGULAR).text(value, x + LABEL_WIDTH + GAP, y, { width: valueWidth });
  doc.x = x;
  doc.y = (pageCount(doc) === pages ? Math.max(labelEnd, doc.y) : doc.y) + 3;
}

function writeFacts(doc: Doc, texts: Texts, callOut: CallOutDetail, at: (iso: string) => string): void {
  const f = texts.fields;
  const facts: [string, string][] = [
    [f.kind, texts.kind[callOut.kind]],
    [f.urgency, texts.urgency[callOut.urgency]],
    [f.status, texts.status[callOut.status]],
    [f.summary, callOut.summary],
    [f.ask, callOut.ask],
    [f.places, callOut.places.map((p) => p.name).join(', ')],
    [f.communities, callOut.communities.map((c) => c.name).join(', ') || texts.allCommunities],
    [f.startedAt, at(callOut.startedAt)],
    [f.goalAt, at(callOut.goalAt)],
    [f.closedAt, callOut.closedAt ? at(callOut.closedAt) : texts.notClosed],
    [f.evaluation, callOut.evaluationNote ?? '—'],
    ...(callOut.followUps.length > 0
      ? [
          [
            f.followUps,
            callOut.followUps
              .map((followUp) =>
                texts.followUp(
                  followUp.networkName,
                  followUp.dueOn.split('-').reverse().join('-'),
                  texts.followUpStatus[followUp.status],
                ),
              )
              .join('\n'),
          ] as [string, string],
        ]
      : []),
    [f.progress, texts.progress(callOut.progress)],
    [f.tally, texts.tally(callOut.tally)],
  ];
  for (const [label, value] of facts) writeFact(doc, printable(label), printable(value));
}

const columnWidths = (doc: Doc) => COLUMN_SHARES.map((share) => share * contentWidth(doc));

/** One table row at the current position; cells are measured first so the row never splits over pages. */
function writeRow(doc: Doc, cells: string[], font: string, onNewPage: () => void): void {
  const widths = columnWidths(doc);
  doc.font(font).fontSize(9);
  const inner = (i: number) => (widths[i] ?? 0) - 2 * CELL_PADDING;
  const height =
    Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: inner(i) }))) + 2 * CELL_PADDING;
  if (doc.y + height > doc.page.maxY()) {
    doc.addPage();
    onNewPage();
    doc.font(font).fontSize(9);
  }
  const y = doc.y;
  let x = MARGINS.left;
  cells.forEach((cell, i) => {
    doc.text(cell, x + CELL_PADDING, y + CELL_PADDING, { width: inner(i) });
    x += widths[i] ?? 0;
  });
  const bottom = y + height;
  doc
    .moveTo(MARGINS.left, bottom)
    .lineTo(MARGINS.left + contentWidth(doc), bottom)
    .lineWidth(font === BOLD ? 1 : 0.3)
    .strokeColor(font === BOLD ? '#333333' : '#bbbbbb')
    .stroke();
  doc.x = MARGINS.left;
  doc.y = bottom;
}

function writeTimeline(doc: Doc, texts: Texts, input: TimelinePdfInput, at: (iso: string) => string): void {
  doc.moveDown(1);
  doc.font(BOLD).fontSize(13).text(texts.timeline, MARGINS.left, doc.y);
  doc.font(REGULAR).fontSize(9).fillColor('#444444').text(texts.timeNote).fillColor('black');
  doc.moveDown(0.4);
  const header = () => writeRow(doc, texts.columns, BOLD, () => {});
  header();
  if (input.events.length === 0) {
    doc
      .font(REGULAR)
      .fontSize(9)
      .text(texts.noEvents, MARGINS.left + CELL_PADDING, doc.y + CELL_PADDING);
    return;
  }
  const who = whoResolver(input.callOut, texts);
  for (const event of input.events) {
    const what = eventText(texts, event.kind);
    writeRow(doc, [at(event.at), printable(what), printable(who(event))], REGULAR, header);
  }
}

/** Page x of y and the generation time on every page, written once the page count is known. */
function writeFooters(doc: Doc, texts: Texts, made: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // The footer sits in the bottom margin; without this PDFKit would start a new page for it.
    doc.page.margins.bottom = 0;
    // Every page says it is confidential (issue 18, item 7), above the page number.
    doc
      .font(BOLD)
      .fontSize(6.5)
      .fillColor('#555555')
      .text(texts.notice, MARGINS.left, doc.page.height - 60, {
        width: contentWidth(doc),
        align: 'center',
        height: 18,
        ellipsis: true,
      });
    doc
      .font(REGULAR)
      .fontSize(8)
      .fillColor('#555555')
      .text(texts.footer(i - start + 1, count, made), MARGINS.left, doc.page.height - 40, {
        width: contentWidth(doc),
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = MARGINS.bottom;
  }
}

function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/**
 * The call-out's timeline as an A4 PDF for the after-action review: the call-out's facts, then every event
 * oldest first (time, what, who), the table header repeated on each page. The metadata holds only the title
 * and dates, never a name or the summary.
 */
export function renderTimelinePdf(input: TimelinePdfInput): Promise<Buffer> {
  const texts = TEXTS[input.locale];
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    lang: input.locale === 'en' ? 'en-GB' : 'nl-NL',
    displayTitle: true,
    info: { Title: texts.title, Creator: 'Bondgenoten', CreationDate: input.now, ModDate: input.now },
  });
  for (const [name, file] of Object.entries(FONT_FILES)) doc.registerFont(name, file);
  const done = collect(doc);
  const at = dateTimeFormat(input.locale);
  writeHeading(doc, texts, input.callOut);
  writeFacts(doc, texts, input.callOut, at);
  writeTimeline(doc, texts, input, at);
  writeFooters(doc, texts, at(input.now));
  doc.end();
  return done;
}
