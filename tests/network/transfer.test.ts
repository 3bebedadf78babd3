import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { CONFIDENTIAL_NOTICE } from '../../src/platform/confidential-notice.js';
import { DEMO_TENANT_ID } from '../../src/server/seed/demo-data.js';
import { demoMobile } from '../../src/server/seed/demo-phones.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;
let sanne: string; // coordinator of Haven
let petra: string; // secretary of Haven and Stad
let fleur: string; // coordinator of Stad, no role in Haven
let dewi: string; // made viewer of Haven below
let havenId: string;

const HEADER =
  'naam;soort;professional;wijk;gemeenschappen;mobiel;email;achterban;voorkeurskanaal;talen;beschikbaarheid;leeftijd;gender;grondslag;toestemmingsdatum';

/** Three good rows of key figures (allies come in through selection, issue 16, never by import). */
const GOOD_FILE = [
  `\uFEFF${HEADER}`,
  'Fictieve Brugbouwer;sleutelfiguur;nee;De Marken;Surinaams;06-1234 0011;brug@example.org;Wijkvereniging (fictief);WhatsApp;Nederlands|Sranantongo;Avonds;45-54;vrouw;toestemming;05-01-2026',
  'Fictieve Schoolleider;Sleutelfiguur;nee;de velden;Scholen|Jongeren;+31 6 1234 0012;;;telefoon;;;55-64;man;publieke taak;',
  'Fictieve Jongerenwerker;sleutelfiguur;ja;De Wierden;Jongeren;;;;;;;25-34;non-binair;toestemming;2026-01-05',
].join('\r\n');

/** English headings, commas, and one bad mobile number on line 3. */
const FILE_WITH_A_BAD_ROW = [
  'name,kind,mobile,consent date',
  'Fictieve Goede,key figure,06-12340021,2026-01-05',
  'Fictieve Foute,key figure,12,2026-01-05',
  'Fictieve Derde,key figure,,2026-01-05',
].join('\n');

async function peopleCount(): Promise<number> {
  const row = await server.database.db
    .selectFrom('network_people')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('network_id', '=', havenId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function auditActions(action: string): Promise<{ result: string; object_id: string | null }[]> {
  await sealAuditJournal(server.database.db);
  return server.database.db
    .selectFrom('audit_events')
    .select(['result', 'object_id'])
    .where('action', '=', action)
    .orderBy('seq')
    .execute();
}

const gaps = async () =>
  (await callApi(server.url, sanne, 'GET', `/api/v1/networks/${havenId}/coverage`)).body.gaps as number;
const url = (suffix: string) => `/api/v1/networks/${havenId}${suffix}`;

beforeAll(async () => {
  server = await startTestServer();
  [sanne, petra, fleur, dewi] = await Promise.all([
    signInAs(server.url, 'Sanne Verhoef'),
    signInAs(server.url, 'Petra Lindeboom'),
    signInAs(server.url, 'Fleur Oosterhout'),
    signInAs(server.url, 'Dewi Sastromedjo'),
  ]);
  const db = server.database.db;
  havenId = (
    await db
      .selectFrom('networks')
      .select('id')
      .where('name', '=', 'Bondgenoten Haven')
      .executeTakeFirstOrThrow()
  ).id;
  const dewiId = (
    await db
      .selectFrom('users')
      .select('id')
      .where('display_name', '=', 'Dewi Sastromedjo')
      .executeTakeFirstOrThrow()
  ).id;
  await db
    .insertInto('network_roles')
    .values({ network_id: havenId, user_id: dewiId, role: 'viewer' })
    .execute();
});
afterAll(async () => {
  await server.close();
});

describe('importing people from CSV', () => {
  it('previews a file with one bad row, naming its line and column, and stores nothing', async () => {
    const before = await peopleCount();
    const result = await callApi(server.url, sanne, 'POST', url('/imports/preview'), {
      csv: FILE_WITH_A_BAD_ROW,
    });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      valid: 2,
      invalid: 1,
      columns: { recognised: ['naam', 'soort', 'mobiel', 'toestemmingsdatum'], unknown: [] },
    });
    expect(result.body.rows[1]).toMatchObject({
      line: 3,
      displayName: 'Fictieve Foute',
      kind: 'key_figure',
      errors: [{ column: 'mobiel', message: expect.stringContaining('valid phone number') }],
    });
    expect(result.body.rows[0]).toMatchObject({ mobile: '+31612340021', errors: [] });
    expect(await peopleCount()).toBe(before);
    expect(await auditActions('network.import-preview')).toContainEqual({
      result: 'success',
      object_id: havenId,
    });
  });

  it('refuses to import that file at all (422), names line and column, and stores nothing', async () => {
    const before = await peopleCount();
    const result = await callApi(server.url, sanne, 'POST', url('/imports'), { csv: FILE_WITH_A_BAD_ROW });
    expect(result.status).toBe(422);
    expect(result.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(result.body.detail).toBe('1 of 3 rows have errors; nothing was imported.');
    expect(result.body.errors).toEqual([
      {
        field: 'body.csv.line.3.mobiel',
        code: 'invalid_phone',
        message: expect.stringMatching(/^line 3, mobiel: must be a valid/),
      },
    ]);
    expect(await peopleCount()).toBe(before);
    const imports = await auditActions('network.import');
    expect(imports).toEqual([{ result: 'failed', object_id: havenId }]);
    expect(await auditActions('person.create')).toEqual([]);
  });

  it('imports every row of a good file in one go and audits each person; key figures close no gaps', async () => {
    const [before, gapsBefore] = [await peopleCount(), await gaps()];
    const result = await callApi(server.url, sanne, 'POST', url('/imports'), { csv: GOOD_FILE });
    expect(result.status).toBe(201);
    expect(result.body).toEqual({ imported: 3, warnings: [] });
    expect(await peopleCount()).toBe(before + 3);
    expect(await gaps()).toBe(gapsBefore);
    const created = await auditActions('person.create');
    expect(created).toHaveLength(3);
    expect((await auditActions('network.import')).at(-1)).toEqual({ result: 'success', object_id: havenId });
    const leader = await server.database.db
      .selectFrom('people')
      .selectAll()
      .where('display_name', '=', 'Fictieve Schoolleider')
      .executeTakeFirstOrThrow();
    expect(leader).toMatchObject({
      kind: 'key_figure',
      mobile: '+31612340012',
      legal_basis: 'public_task',
      gender: 'male',
    });
    expect(created.map((row) => row.object_id)).toContain(leader.id);
  });

  it('refuses ally rows and people already stored, naming line, column and code', async () => {
    const result = await callApi(server.url, sanne, 'POST', url('/imports'), {
      csv: 'naam;soort;wijk;grondslag\nFictieve Bondgenoot;bondgenoot;;publieke taak\nFictieve Jongerenwerker;sleutelfiguur;De Wierden;publieke taak\n',
    });
    expect(result.status).toBe(422);
    expect(result.body.reason).toBe('rows-with-errors');
    expect(result.body.errors).toEqual([
      expect.objectContaining({ field: 'body.csv.line.2.soort', code: 'ally_via_selection' }),
      expect.objectContaining({
        field: 'body.csv.line.3.naam',
        code: 'duplicate',
        kind: 'person',
        reason: 'name_wijk',
      }),
    ]);
  });

  it('refuses former kinds (they come only through the farewell) and writes nothing', async () => {
    const before = await server.database.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const result = await callApi(server.url, sanne, 'POST', url('/imports'), {
      csv: 'naam;soort;grondslag\nFictieve Oud-Bondgenoot;oud-bondgenoot;publieke taak\nFictieve Oud-Sleutelfiguur;oud-sleutelfiguur;publieke taak\n',
    });
    expect(result.status).toBe(422);
    expect(result.body.reason).toBe('rows-with-errors');
    expect(result.body.errors).toEqual([
      expect.objectContaining({ field: 'body.csv.line.2.soort', code: 'former_via_farewell' }),
      expect.objectContaining({ field: 'body.csv.line.3.soort', code: 'former_via_farewell' }),
    ]);
    const after = await server.database.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('never writes the imported people into the logs', () => {
    expect(server.logLines.length).toBeGreaterThan(0);
    const logs = server.logLines.join('\n');
    expect(logs).not.toMatch(/Fictieve|\+3161234|example\.org/);
  });
});

describe('exporting a network to CSV', () => {
  it('exports everyone with the import columns, audited, and a re-import duplicates no one', async () => {
    const response = await fetch(`${server.url}${url('/export')}`, { headers: { cookie: sanne } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?bondgenoten-bondgenoten-haven-\d{4}-\d{2}-\d{2}\.csv"?$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A byte-order mark, so that Excel reads the file as UTF-8 (fetch's text() would swallow it).
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    // The confidentiality notice comes first (issue 18, item 7); the headings follow.
    expect(csv.startsWith(`\uFEFF"${CONFIDENTIAL_NOTICE.nl}"\r\n${HEADER}\r\n`)).toBe(true);
    const rows = parse(csv, { delimiter: ';', bom: true, columns: true, from_line: 2 }) as Record<
      string,
      string
    >[];
    expect(rows).toHaveLength(await peopleCount());
    expect(rows.find((row) => row.naam === 'Fictieve Brugbouwer')).toMatchObject({
      soort: 'sleutelfiguur',
      mobiel: '+31612340011',
      gemeenschappen: 'Surinaams',
      toestemmingsdatum: '2026-01-05',
    });
    expect(await auditActions('network.export')).toEqual([{ result: 'success', object_id: havenId }]);

    const preview = await callApi(server.url, sanne, 'POST', url('/imports/preview'), { csv });
    expect(preview.status).toBe(200);
    // Everyone in the export is stored already: every row is flagged as a possible duplicate, none imports.
    const flagged = preview.body.rows.filter((row: { errors: { code: string; kind?: string }[] }) =>
      row.errors.some((error) => error.code === 'duplicate' && error.kind === 'person'),
    );
    expect(flagged).toHaveLength(rows.length);
    expect(preview.body).toMatchObject({ valid: 0, invalid: rows.length });
    expect(preview.body.columns.unknown).toEqual([]);
  });
});

describe('the crisis sheet', () => {
  it('gives any role in the network the staff, allies and key figures with contact data, audited', async () => {
    const result = await callApi(server.url, petra, 'GET', url('/crisis-sheet'));
    expect(result.status).toBe(200);
    const sheet = result.body;
    expect(sheet.network).toEqual({ id: havenId, name: 'Bondgenoten Haven' });
    expect(sheet.staff).toContainEqual(
      expect.objectContaining({
        displayName: 'Sanne Verhoef',
        tenantId: DEMO_TENANT_ID,
        organisation: 'gemeente',
        phone: demoMobile(82),
        backup: 'Joris Amrani',
        backupPhone: demoMobile(83),
      }),
    );
    const names = sheet.allies.map((ally: { displayName: string }) => ally.displayName);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, 'nl')));
    expect(names).toContain('Yasmina el Ouali');
    const keyFigureNames = sheet.keyFigures.map((p: { displayName: string }) => p.displayName);
    expect(keyFigureNames).toContain('Fictieve Schoolleider');
    expect(
      sheet.keyFigures.find((a: { displayName: string }) => a.displayName === 'Fictieve Brugbouwer'),
    ).toEqual({
      displayName: 'Fictieve Brugbouwer',
      mobile: '+31612340011',
      preferredChannel: 'whatsapp',
      communities: ['Surinaams'],
      neighbourhood: 'De Marken',
      availability: 'Avonds',
    });
    expect(sheet.keyFigures.map((p: { displayName: string }) => p.displayName)).toContain(
      'Fictieve Jongerenwerker',
    );
    expect(await auditActions('network.crisis-sheet')).toEqual([{ result: 'success', object_id: havenId }]);
    expect((await callApi(server.url, dewi, 'GET', url('/crisis-sheet'))).status).toBe(200);
  });
});

describe('who may import and export', () => {
  it('refuses secretaries, viewers and staff of other networks', async () => {
    for (const cookie of [petra, dewi, fleur]) {
      const body = { csv: GOOD_FILE };
      expect((await callApi(server.url, cookie, 'POST', url('/imports/preview'), body)).status).toBe(403);
      expect((await callApi(server.url, cookie, 'POST', url('/imports'), body)).status).toBe(403);
      expect((await callApi(server.url, cookie, 'GET', url('/export'))).status).toBe(403);
    }
    expect((await callApi(server.url, fleur, 'GET', url('/crisis-sheet'))).status).toBe(403);
  });
});

describe('requests that are not an import file', () => {
  const send = (body: string, contentType: string) =>
    fetch(`${server.url}${url('/imports/preview')}`, {
      method: 'POST',
      headers: { cookie: sanne, 'content-type': contentType },
      body,
    });

  it('answers malformed JSON, a wrong content type and an oversized body with problem+json', async () => {
    const malformed = await send('{"csv": ', 'application/json');
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const csv = await send(GOOD_FILE, 'text/csv');
    expect(csv.status).toBe(415);
    expect(csv.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const huge = await send(JSON.stringify({ csv: 'x'.repeat(2_100_000) }), 'application/json');
    expect(huge.status).toBe(413);
    // Inside the 2 MB body limit (room for a base64 workbook) but over the CSV's own limit: named.
    const long = await send(JSON.stringify({ csv: 'x'.repeat(1_100_000) }), 'application/json');
    expect(long.status).toBe(400);
  });

  it('names body.csv when it is not a string, and when the file has no name column', async () => {
    const notText = await callApi(server.url, sanne, 'POST', url('/imports/preview'), { csv: 42 });
    expect(notText.status).toBe(400);
    expect(notText.body.errors).toEqual([
      { field: 'body.csv', code: 'invalid_type', message: 'must be the CSV file as text' },
    ]);
    const extra = await callApi(server.url, sanne, 'POST', url('/imports'), { csv: GOOD_FILE, dryRun: true });
    expect(extra.status).toBe(400);
    const noName = await callApi(server.url, sanne, 'POST', url('/imports'), {
      csv: 'soort;mobiel\nbondgenoot;\n',
    });
    expect(noName.status).toBe(400);
    expect(noName.body.errors).toEqual([
      {
        field: 'body.csv',
        code: 'unreadable_file',
        reason: 'no-name-column',
        message: expect.stringContaining('no column naam'),
      },
    ]);
  });
});
