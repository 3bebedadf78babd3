import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import { expectSaying } from '../helpers/expect-saying.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;
let sanne: string; // coordinator of Haven
let havenId: string;

const url = (path: string) => `/api/v1/networks/${havenId}${path}`;

async function peopleCount(): Promise<number> {
  const row = await server.database.db
    .selectFrom('network_people')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('network_id', '=', havenId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A workbook as Excel users keep such lists: headings in row 1, a date cell, an empty row in between. */
async function workbook(rows: SheetData): Promise<string> {
  return (await writeXlsxFile(rows).toBuffer()).toString('base64');
}

const HEADER = ['naam', 'soort', 'mobiel', 'grondslag', 'toestemmingsdatum'].map((value) => ({ value }));

beforeAll(async () => {
  server = await startTestServer();
  sanne = await signInAs(server.url, 'Sanne Verhoef');
  havenId = (
    await server.database.db
      .selectFrom('networks')
      .select('id')
      .where('name', '=', 'Bondgenoten Haven')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await server.close();
});

describe('importing people from an Excel workbook', () => {
  it('previews the first worksheet, names the bad row by its Excel row number, and stores nothing', async () => {
    const xlsx = await workbook([
      HEADER,
      [
        { value: 'Fictieve Rekenaar' },
        { value: 'sleutelfiguur' },
        { value: '+31612340031' },
        { value: 'toestemming' },
        { value: new Date(Date.UTC(2026, 9, 1)), type: Date, format: 'dd-mm-yyyy' },
      ],
      [],
      [
        { value: 'Fictieve Getalcel' },
        { value: 'sleutelfiguur' },
        // A mobile number typed into a number cell: Excel drops the leading zero; the digits still parse.
        { value: 612340032, type: Number },
        { value: 'toestemming' },
        { value: '2026-10-02' },
      ],
      [
        { value: 'Fictieve Foutcel' },
        { value: 'sleutelfiguur' },
        { value: 12345, type: Number },
        { value: 'toestemming' },
        { value: '2026-10-02' },
      ],
    ]);
    const before = await peopleCount();
    const result = await callApi(server.url, sanne, 'POST', url('/imports/preview'), { xlsx });
    expectSaying(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body).toMatchObject({ valid: 2, invalid: 1 });
    expect(result.body.rows[0]).toMatchObject({
      line: 2,
      displayName: 'Fictieve Rekenaar',
      mobile: '+31612340031',
      consentDate: '2026-10-01',
      errors: [],
    });
    expect(result.body.rows[1]).toMatchObject({ line: 4, mobile: '+31612340032', errors: [] });
    expect(result.body.rows[2]).toMatchObject({
      line: 5,
      displayName: 'Fictieve Foutcel',
      errors: [{ column: 'mobiel', message: expect.stringContaining('valid phone number') }],
    });
    expect(await peopleCount()).toBe(before);
  });

  it('imports a good workbook all at once', async () => {
    const xlsx = await workbook([
      HEADER,
      [
        { value: 'Fictieve Spreadsheet' },
        { value: 'sleutelfiguur' },
        { value: '06 1234 0033' },
        { value: 'toestemming' },
        { value: new Date(Date.UTC(2026, 9, 3)), type: Date, format: 'dd-mm-yyyy' },
      ],
    ]);
    const before = await peopleCount();
    const result = await callApi(server.url, sanne, 'POST', url('/imports'), { xlsx });
    expectSaying(result.status, JSON.stringify(result.body)).toBe(201);
    expect(result.body.imported).toBe(1);
    expect(await peopleCount()).toBe(before + 1);
    const stored = await server.database.db
      .selectFrom('people')
      .select(['mobile', 'consent_date'])
      .where('display_name', '=', 'Fictieve Spreadsheet')
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ mobile: '+31612340033', consent_date: '2026-10-03' });
  });

  it('refuses what is not a workbook, and a body with both or neither file, with the field named', async () => {
    const notAWorkbook = await callApi(server.url, sanne, 'POST', url('/imports/preview'), {
      xlsx: Buffer.from('naam;soort\nFictief;bondgenoot\n').toString('base64'),
    });
    expect(notAWorkbook.status).toBe(400);
    expect(notAWorkbook.body.errors).toEqual([
      {
        field: 'body.csv',
        code: 'unreadable_file',
        reason: 'not-xlsx',
        message: expect.stringContaining('is not an Excel workbook'),
      },
    ]);
    const notBase64 = await callApi(server.url, sanne, 'POST', url('/imports/preview'), {
      xlsx: 'not base64!',
    });
    expect(notBase64.status).toBe(400);
    expect(notBase64.body.errors).toEqual([
      {
        field: 'body.xlsx',
        code: 'invalid_format',
        format: 'base64',
        message: expect.stringContaining('base64'),
      },
    ]);
    const both = await callApi(server.url, sanne, 'POST', url('/imports/preview'), {
      csv: 'naam\nFictief\n',
      xlsx: await workbook([HEADER]),
    });
    expect(both.status).toBe(400);
    const neither = await callApi(server.url, sanne, 'POST', url('/imports/preview'), {});
    expect(neither.status).toBe(400);
    expect(neither.body.errors).toEqual([
      { field: 'body.csv', code: 'either_or', message: 'send the file as either csv or xlsx' },
    ]);
  });
});
