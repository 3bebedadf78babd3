import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Sfeerbeeld } from './schemas.js';

/** The sfeerbeeld's words in the PDF, Dutch and English. */
export const SFEERBEELD_PDF_TEXTS = {
  nl: {
    title: 'Sfeerbeeld',
    period: (from: string, to: string) => `Periode ${from} t/m ${to}`,
    networks: (n: number) => `Netwerken: ${n}`,
    suppressed: (min: number, cells: number) =>
      `Cellen met minder dan ${min} signalen tonen geen aantal (${cells} cellen), zodat niemand herkenbaar is. Geen namen.`,
    columns: ['Wijk', 'Thema', 'Signalen', 'Urgent', 'Trend'],
    moodTitle: 'Stemming in de overleggen',
    moodColumns: ['Wijk', 'Overleggen', 'Stemming (1-5)'],
    hidden: `< min.`,
    none: 'Geen signalen in deze periode.',
    trend: { up: 'stijgend', down: 'dalend', steady: 'gelijk' },
    made: (at: string) => `Gemaakt ${at}`,
  },
  en: {
    title: 'Mood picture (sfeerbeeld)',
    period: (from: string, to: string) => `Period ${from} to ${to}`,
    networks: (n: number) => `Networks: ${n}`,
    suppressed: (min: number, cells: number) =>
      `Cells with fewer than ${min} signals show no number (${cells} cells), so nobody can be recognised. No names.`,
    columns: ['Wijk', 'Theme', 'Signals', 'Urgent', 'Trend'],
    moodTitle: 'Mood in the meetings',
    moodColumns: ['Wijk', 'Meetings', 'Mood (1-5)'],
    hidden: '< min.',
    none: 'No signals in this period.',
    trend: { up: 'rising', down: 'falling', steady: 'steady' },
    made: (at: string) => `Made ${at}`,
  },
} as const;

const fontFile = (file: string) =>
  createRequire(import.meta.url).resolve(`@expo-google-fonts/noto-sans/${file}`);
const REGULAR = 'NotoSans-Regular';
const BOLD = 'NotoSans-Bold';
const MARGINS = { top: 56, bottom: 64, left: 56, right: 56 };

type Doc = PDFKit.PDFDocument;

function table(doc: Doc, headers: readonly string[], shares: readonly number[], rows: string[][]): void {
  const width = doc.page.width - MARGINS.left - MARGINS.right;
  const widths = shares.map((s) => s * width);
  const line = (cells: readonly string[], font: string) => {
    doc.font(font).fontSize(10);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: (widths[i] ?? 0) - 6 })));
    if (doc.y + height > doc.page.maxY()) doc.addPage();
    const y = doc.y;
    let x = MARGINS.left;
    cells.forEach((cell, i) => {
      doc.text(cell, x, y, { width: (widths[i] ?? 0) - 6 });
      x += widths[i] ?? 0;
    });
    doc.x = MARGINS.left;
    doc.y = y + height + 4;
  };
  line(headers, BOLD);
  for (const row of rows) line(row, REGULAR);
  doc.moveDown(0.8);
}

/**
 * The sfeerbeeld as an A4 PDF: the period, how many networks, which cells are suppressed and why, the
 * wijk × theme table and the meetings' mood per wijk. It holds no names; the metadata only the title.
 */
export function renderSfeerbeeldPdf(input: {
  report: Sfeerbeeld;
  locale: 'nl' | 'en';
  now: Date;
}): Promise<Buffer> {
  const t = SFEERBEELD_PDF_TEXTS[input.locale];
  const { report } = input;
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    lang: input.locale === 'en' ? 'en-GB' : 'nl-NL',
    displayTitle: true,
    info: { Title: t.title, Creator: 'Bondgenoten', CreationDate: input.now, ModDate: input.now },
  });
  doc.registerFont(REGULAR, fontFile('400Regular/NotoSans_400Regular.ttf'));
  doc.registerFont(BOLD, fontFile('700Bold/NotoSans_700Bold.ttf'));
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const at = new Intl.DateTimeFormat(input.locale === 'en' ? 'en-GB' : 'nl-NL', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(input.now);
  doc.font(BOLD).fontSize(18).text(t.title);
  doc.font(REGULAR).fontSize(11).text(t.period(report.from, report.to));
  doc.text(t.networks(report.networks));
  doc.text(t.suppressed(report.minCount, report.suppressedCells));
  doc.text(t.made(at));
  doc.moveDown(0.8);
  if (report.cells.length === 0) doc.text(t.none).moveDown(0.8);
  else
    table(
      doc,
      t.columns,
      [0.3, 0.3, 0.13, 0.12, 0.15],
      report.cells.map((c) => [
        c.wijk,
        c.theme,
        c.signals === null ? t.hidden : String(c.signals),
        c.urgent === null ? t.hidden : String(c.urgent),
        c.trend === null ? '' : t.trend[c.trend],
      ]),
    );
  doc.font(BOLD).fontSize(13).text(t.moodTitle);
  doc.moveDown(0.3);
  table(
    doc,
    t.moodColumns,
    [0.5, 0.25, 0.25],
    report.mood.map((m) => [m.wijk, String(m.meetings), m.mood === null ? '–' : String(m.mood)]),
  );
  doc.end();
  return done;
}
