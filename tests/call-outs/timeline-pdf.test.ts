import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { printable } from '../../src/call-outs/timeline/timeline-pdf.js';
import { CONFIDENTIAL_NOTICE } from '../../src/platform/confidential-notice.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { areaId, communityId, userId } from './fixtures.js';

const STANDARD_FONTS = fileURLToPath(
  new URL('../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url),
);
const SUMMARY = 'Fictieve vechtpartij bij het winkelcentrum, één gewonde';
const EVALUATION = 'Fictieve evaluatie: netwerk binnen 40 min bijeen';

let server: TestServer;
let sanne: string;
let anouk: string;
let dewi: string;
let callOutId: string;

interface ReadPdf {
  status: number;
  headers: Headers;
  pages: string[];
  info: Record<string, unknown>;
}

/** Fetches the PDF as the tab's plain link would and reads its text back, page by page. */
async function readPdf(cookie: string, query = ''): Promise<ReadPdf> {
  const response = await fetch(`${server.url}/api/v1/call-outs/${callOutId}/timeline.pdf${query}`, {
    headers: { cookie },
  });
  const data = new Uint8Array(await response.arrayBuffer());
  const pdf = await getDocument({ data, standardFontDataUrl: STANDARD_FONTS }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    const words = content.items.map((item) => ('str' in item ? item.str : ''));
    pages.push(words.join(' ').replace(/\s+/g, ' '));
  }
  const { info } = await pdf.getMetadata();
  await pdf.destroy();
  return { status: response.status, headers: response.headers, pages, info: info as Record<string, unknown> };
}

async function auditActions(): Promise<{ action: string; actor: string | null }[]> {
  await sealAuditJournal(server.database.db);
  const rows = await server.database.db
    .selectFrom('audit_events')
    .select(['action', 'actor_user_id'])
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ action: r.action, actor: r.actor_user_id }));
}

beforeAll(async () => {
  server = await startTestServer();
  const db = server.database.db;
  [sanne, anouk, dewi] = await Promise.all([
    signInAs(server.url, 'Sanne Verhoef'),
    signInAs(server.url, 'Anouk Terpstra'),
    signInAs(server.url, 'Dewi Sastromedjo'),
  ]);
  const started = await callApi(server.url, sanne, 'POST', '/api/v1/call-outs', {
    kind: 'incident',
    urgency: 'immediate',
    summary: SUMMARY,
    ask: 'Kom naar het buurthuis; peil de achterban',
    placeIds: [await areaId(db, 'Centrum Haven')],
    communityIds: [await communityId(db, 'Marokkaans')],
  });
  expect(started.status).toBe(201);
  callOutId = started.body.id;
  const answered = await callApi(server.url, sanne, 'POST', `/api/v1/call-outs/${callOutId}/answers`, {
    answer: 'coming',
  });
  const ally = answered.body.callList[0];
  expect(ally.displayName).toBe('Yasmina el Ouali');
  await callApi(server.url, sanne, 'POST', `/api/v1/call-outs/${callOutId}/calls`, {
    personId: ally.personId,
    outcome: 'reached',
    coming: true,
  });
  const closed = await callApi(server.url, sanne, 'POST', `/api/v1/call-outs/${callOutId}/close`, {
    evaluationNote: EVALUATION,
  });
  expect(closed.status).toBe(200);
});
afterAll(async () => {
  await server?.close();
});

describe('the timeline PDF for the after-action review', () => {
  it('shows the call-out, its events in Dutch words and the names the caller may see, audited', async () => {
    const before = (await auditActions()).length;
    const pdf = await readPdf(sanne);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    // Express quotes the name only when it must.
    expect(pdf.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?crisisoproep-tijdlijn\.pdf"?$/,
    );
    expect(pdf.pages).toHaveLength(1);
    const text = pdf.pages[0] ?? '';
    for (const expected of [
      'Tijdlijn crisisoproep',
      SUMMARY,
      'Kom naar het buurthuis; peil de achterban',
      'Centrum Haven',
      'Marokkaans',
      EVALUATION,
      'Komen: 1',
      'Crisisoproep gestart',
      'Antwoord gegeven',
      'Gesprek met bondgenoot vastgelegd',
      'Crisisoproep afgesloten',
      'Nazorg gepland: elk netwerk komt bijeen voor verwerking en verzoening',
      'Bondgenoten Haven: bijeenkomst vóór',
      '(nog plannen)',
      'Sanne Verhoef – Yasmina el Ouali',
      'Pagina 1 van 1',
      'VERTROUWELIJK – bevat persoonsgegevens',
    ])
      expect(text).toContain(expected);
    // The events come oldest first.
    expect(text.indexOf('Crisisoproep gestart')).toBeLessThan(text.indexOf('Crisisoproep afgesloten'));
    // The metadata carries the title, never a name or what happened.
    expect(pdf.info.Title).toBe('Tijdlijn crisisoproep');
    expect(JSON.stringify(pdf.info)).not.toMatch(/Sanne|Yasmina|vechtpartij/);
    // The same reads as the timeline and the detail view, each audited for the caller.
    const added = (await auditActions()).slice(before);
    const sanneId = await userId(server.database.db, 'Sanne Verhoef');
    expect(added).toEqual([
      { action: 'call-out.timeline-read', actor: sanneId },
      { action: 'call-out.read', actor: sanneId },
    ]);
  });

  it('withholds an ally’s name from a caller outside the ally’s network, in English too', async () => {
    // Anouk administers the app and sees every call-out, but holds no role in the Haven network.
    const dutch = (await readPdf(anouk)).pages.join(' ');
    expect(dutch).toContain('Sanne Verhoef – bondgenoot (afgeschermd)');
    expect(dutch).toContain(SUMMARY);
    expect(dutch).not.toContain('Yasmina');
    const english = await readPdf(anouk, '?lang=en');
    const text = english.pages.join(' ');
    for (const expected of ['Call-out timeline', 'Call with ally recorded', 'ally (withheld)', 'Page 1 of 1'])
      expect(text).toContain(expected);
    expect(text).not.toContain('Yasmina');
    expect(english.info.Title).toBe('Call-out timeline');
  });

  it('refuses callers who may not see the call-out with the same problem as the CSV', async () => {
    const before = await auditActions();
    // Dewi holds a role in Buiten only: the call-out does not exist for her, as for the CSV.
    for (const suffix of ['timeline.pdf', 'timeline.csv']) {
      const response = await callApi(server.url, dewi, 'GET', `/api/v1/call-outs/${callOutId}/${suffix}`);
      expect({ suffix, status: response.status }).toEqual({ suffix, status: 404 });
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    // Issue 13: a refusal by the call-out service is audited like the router's own.
    const dewiId = await userId(server.database.db, 'Dewi Sastromedjo');
    expect((await auditActions()).slice(before.length)).toEqual([
      { action: 'access.denied', actor: dewiId },
      { action: 'access.denied', actor: dewiId },
    ]);

    // A user without any role is refused at the door, and the refusal is audited.
    const mehmet = await signInAs(server.url, 'Mehmet Kaya-de Bruin');
    const mehmetId = await userId(server.database.db, 'Mehmet Kaya-de Bruin');
    await server.database.db.deleteFrom('network_roles').where('user_id', '=', mehmetId).execute();
    const refused = await callApi(server.url, mehmet, 'GET', `/api/v1/call-outs/${callOutId}/timeline.pdf`);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await auditActions()).at(-1)).toEqual({ action: 'access.denied', actor: mehmetId });

    const badLanguage = await callApi(
      server.url,
      sanne,
      'GET',
      `/api/v1/call-outs/${callOutId}/timeline.pdf?lang=fr`,
    );
    expect(badLanguage.status).toBe(400);
    expect(badLanguage.body.errors.map((e: { field: string }) => e.field)).toEqual(['query.lang']);
  });

  it('is listed in the OpenAPI document as application/pdf', async () => {
    const document = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
    const operation = document.paths['/api/v1/call-outs/{callOutId}/timeline.pdf'].get;
    expect(operation.operationId).toBe('exportCallOutTimelinePdf');
    expect(operation.security).toEqual([{ teamsSso: [] }]);
    expect(operation.responses['200'].content).toEqual({
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    });
  });

  it('flows 300 more events onto several pages, each with the table header and its page number', async () => {
    const db = server.database.db;
    const sanneId = await userId(db, 'Sanne Verhoef');
    const base = Date.parse('2027-01-05T09:00:00Z');
    await db
      .insertInto('call_out_events')
      .values(
        Array.from({ length: 300 }, (_, i) => ({
          call_out_id: callOutId,
          at: new Date(base + i * 1000),
          kind: i === 299 ? 'fictief-onbekend-soort' : 'answer-changed',
          user_id: sanneId,
          person_id: null,
          delivery_id: null,
        })),
      )
      .execute();
    const { pages } = await readPdf(sanne);
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((page, index) => {
      expect(page).toContain('Tijd Gebeurtenis Wie');
      expect(page).toContain(`Pagina ${index + 1} van ${pages.length}`);
    });
    const all = pages.join(' ');
    expect(all.match(/Antwoord gewijzigd/g)).toHaveLength(299);
    // An event kind the export does not know is shown as the API names it.
    expect(all).toContain('fictief-onbekend-soort');
    // Oldest first, across pages, in Dutch time (UTC+1 in January), to the second.
    expect(all.indexOf('05-01-2027 10:00:00')).toBeGreaterThan(all.indexOf('Crisisoproep afgesloten'));
    expect(all.indexOf('05-01-2027 10:04:59')).toBeGreaterThan(all.indexOf('05-01-2027 10:00:00'));
  });
});

describe('the timeline CSV for the after-action review', () => {
  /** Fetches the CSV as the tab's plain link would, keeping its bytes (fetch's text() would drop the BOM). */
  async function readCsv(cookie: string, query = '') {
    const response = await fetch(`${server.url}/api/v1/call-outs/${callOutId}/timeline.csv${query}`, {
      headers: { cookie },
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = bytes.toString('utf8');
    const [notice, ...lines] = text.replace(/^\uFEFF/, '').split('\r\n');
    return { response, bytes, notice, lines };
  }

  it('opens in Dutch Excel: BOM, ";", Dutch words, Dutch time, names as in the PDF, a telling file name', async () => {
    const { response, bytes, notice, lines } = await readCsv(sanne);
    expect(response.status).toBe(200);
    // The first line is the confidentiality notice (issue 18, item 7), one cell.
    expect(notice).toBe(`"${CONFIDENTIAL_NOTICE.nl}"`);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Which call-out (its wijk) and when it started, in Dutch time; no person's name.
    const started = (await callApi(server.url, sanne, 'GET', `/api/v1/call-outs/${callOutId}`)).body
      .startedAt;
    const stamp = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Amsterdam',
      dateStyle: 'short',
      timeStyle: 'short',
    })
      .format(new Date(started))
      .replace(' ', '-')
      .replace(':', '');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename=crisisoproep-centrum-haven-${stamp}.csv`,
    );
    expect(lines[0]).toBe('Tijd (Nederlandse tijd);Gebeurtenis;Wie;Code');
    const rows = lines.slice(1).filter(Boolean);
    expect(rows[0]).toMatch(
      /^\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2};Crisisoproep gestart;Sanne Verhoef;started$/,
    );
    expect(
      rows.some((row) =>
        row.includes(';Gesprek met bondgenoot vastgelegd;Sanne Verhoef – Yasmina el Ouali;'),
      ),
    ).toBe(true);
    // The first event's time is its instant in Amsterdam.
    const first = (await callApi(server.url, sanne, 'GET', `/api/v1/call-outs/${callOutId}/timeline`))
      .body[0];
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Amsterdam',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(new Date(first.at))
        .map((part) => [part.type, part.value]),
    );
    const { day, month, year, hour, minute, second } = parts;
    expect(rows[0]?.slice(0, 19)).toBe(`${day}-${month}-${year} ${hour}:${minute}:${second}`);
  });

  it('follows the caller’s language and withholds an ally’s name as the PDF does', async () => {
    const { response, notice, lines } = await readCsv(anouk, '?lang=en');
    expect(notice).toBe(`"${CONFIDENTIAL_NOTICE.en}"`);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename=call-out-centrum-haven-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/,
    );
    expect(lines[0]).toBe('Time (Dutch time);Event;Who;Code');
    const text = lines.join('\n');
    expect(text).toContain(';Call with ally recorded;Sanne Verhoef – ally (withheld);call-recorded');
    expect(text).not.toContain('Yasmina');
    const bad = await callApi(
      server.url,
      sanne,
      'GET',
      `/api/v1/call-outs/${callOutId}/timeline.csv?lang=fr`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['query.lang']);
  });
});

describe('printable', () => {
  it('keeps every letter and turns only control characters into spaces', () => {
    expect(printable('één café – “Brug”')).toBe('één café – “Brug”');
    expect(printable('Esra Demirtaş-Kuipers, Iğdır')).toBe('Esra Demirtaş-Kuipers, Iğdır');
    expect(printable('a\u0000b\r\nc s\u0327')).toBe('a b\nc ş');
  });
});

describe('the embedded font', () => {
  it('prints "Demirtaş" as written, in Noto Sans', async () => {
    const db = server.database.db;
    const sanneId = await userId(db, 'Sanne Verhoef');
    // A fictional name with a Turkish letter outside WinAnsi, put back after the check.
    await db.updateTable('users').set({ display_name: 'Sanne Demirtaş' }).where('id', '=', sanneId).execute();
    try {
      const response = await fetch(`${server.url}/api/v1/call-outs/${callOutId}/timeline.pdf`, {
        headers: { cookie: sanne },
      });
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Regular/);
      const text = (await readPdf(sanne)).pages.join(' ');
      expect(text).toContain('Sanne Demirtaş');
      expect(text).not.toContain('Sanne Demirtas');
    } finally {
      await db
        .updateTable('users')
        .set({ display_name: 'Sanne Verhoef' })
        .where('id', '=', sanneId)
        .execute();
    }
  });
});
