import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import writeXlsxFile from 'write-excel-file/node';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import {
  type Caller,
  HOME_TENANT,
  POLICE_TENANT,
  type ProductionServer,
  startProductionServer,
} from '../helpers/production-server.js';

/**
 * Issue 11's proof: production (Entra) sign-in on an EMPTY database, no demo seed, one BOOTSTRAP_ADMINS
 * administrator, and through the API alone a first network with a coordinator and one ally.
 */
const ADMIN = 'aaaaaaaa-0000-4000-8000-000000000001';
const COORDINATOR = 'cccccccc-0000-4000-8000-000000000002';

let app: ProductionServer;
let database: DatabaseHandle;

beforeAll(async () => {
  app = await startProductionServer({ adminOid: ADMIN });
  database = app.database;
});
afterAll(async () => {
  await app?.close();
});

const call = (who: Caller, method: string, path: string, body?: unknown) => app.call(who, method, path, body);

const admin: Caller = { tenant: HOME_TENANT, oid: ADMIN, name: 'Fictieve Beheerder' };
// The coordinator works for the police: a second allowed tenant.
const coordinator: Caller = { tenant: POLICE_TENANT, oid: COORDINATOR, name: 'Fictieve Wijkagent' };

async function auditActions(): Promise<string[]> {
  await sealAuditJournal(database.db);
  const rows = await database.db.selectFrom('audit_events').select('action').orderBy('seq').execute();
  return rows.map((row) => row.action);
}

let municipalityId = '';
let districtId = '';
let wijkId = '';
let networkId = '';

describe('day one through the API alone (Entra mode, empty database)', () => {
  it('starts with nothing: the checklist says every step is to do', async () => {
    expect(await database.db.selectFrom('municipalities').selectAll().execute()).toEqual([]);
    const status = await call(admin, 'GET', '/setup/status');
    expect(status.status).toBe(200);
    expect(status.json).toMatchObject({ municipalityId: null, setUp: false });
    expect((status.json.steps as { done: boolean }[]).every((step) => !step.done)).toBe(true);
  });

  it('lets the administrator create the municipality, a district and a wijk', async () => {
    const created = await call(admin, 'POST', '/municipalities', {
      name: 'Fictiefstad',
      cbsCode: 'gm9901',
      schoolHolidayRegion: 'midden',
      latitude: 52.09,
      longitude: 5.12,
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      name: 'Fictiefstad',
      cbsCode: 'GM9901',
      schoolHolidayRegion: 'midden',
    });
    municipalityId = created.json.id as string;
    const district = await call(admin, 'POST', `/municipalities/${municipalityId}/areas`, {
      kind: 'district',
      name: 'Noordoost',
    });
    expect(district.status).toBe(201);
    districtId = district.json.id as string;
    const wijk = await call(admin, 'POST', `/municipalities/${municipalityId}/areas`, {
      kind: 'neighbourhood',
      name: 'Fictiefwijk',
      parentId: districtId,
      cbsCode: 'WK990101',
    });
    expect(wijk.status).toBe(201);
    expect(wijk.json).toMatchObject({ parentId: districtId, cbsCode: 'WK990101', archived: false });
    wijkId = wijk.json.id as string;
    const status = await call(admin, 'GET', '/setup/status');
    expect(status.json).toMatchObject({ municipalityId, setUp: true });
  });

  it('starts a network, gives a police coordinator a role, and the coordinator adds an ally', async () => {
    const network = await call(admin, 'POST', '/networks', {
      name: 'Bondgenoten Noordoost',
      areaId: districtId,
    });
    expect(network.status).toBe(201);
    networkId = network.json.id as string;
    // The coordinator signs in once, so the app knows them; the administrator finds them among the staff.
    expect((await call(coordinator, 'GET', '/me')).status).toBe(200);
    const staff = await call(admin, 'GET', '/staff');
    const known = (staff.json as unknown as { id: string; displayName: string }[]).find(
      (member) => member.displayName === 'Fictieve Wijkagent',
    );
    expect(known).toBeDefined();
    const role = await call(admin, 'PUT', `/networks/${networkId}/roles/${known?.id}`, {
      role: 'coordinator',
    });
    expect(role.status).toBe(200);
    // The first person comes in as key figure: allies are admitted through selection (issue 16).
    const keyFigure = await call(coordinator, 'POST', `/networks/${networkId}/people`, {
      displayName: 'Fictieve Sleutelfiguur',
      neighbourhoodId: wijkId,
      consentDate: '2026-11-02',
    });
    expect(keyFigure.status).toBe(201);
    const page = await call(coordinator, 'GET', `/networks/${networkId}`);
    expect(page.status).toBe(200);
    const status = await call(admin, 'GET', '/setup/status');
    const steps = Object.fromEntries(
      (status.json.steps as { key: string; done: boolean }[]).map((s) => [s.key, s.done]),
    );
    expect(steps).toMatchObject({
      municipality: true,
      areas: true,
      networks: true,
      staff: true,
      communities: false,
    });
    expect(await auditActions()).toEqual(
      expect.arrayContaining(['municipality.create', 'area.create', 'network.create', 'person.create']),
    );
  });

  it('refuses the coordinator (no administrator) on every setup route', async () => {
    for (const [method, path, body] of [
      ['GET', '/setup/status'],
      ['GET', '/municipalities'],
      [
        'POST',
        '/municipalities',
        { name: 'X', cbsCode: 'GM9902', schoolHolidayRegion: 'noord', latitude: 52, longitude: 5 },
      ],
      ['PATCH', `/municipalities/${municipalityId}`, { name: 'Y' }],
      ['GET', `/municipalities/${municipalityId}/areas`],
      ['POST', `/municipalities/${municipalityId}/areas`, { kind: 'district', name: 'Z' }],
      ['PATCH', `/municipalities/${municipalityId}/areas/${wijkId}`, { name: 'Z' }],
      ['DELETE', `/municipalities/${municipalityId}/areas/${wijkId}`],
      ['POST', `/municipalities/${municipalityId}/area-imports/preview`, { csv: 'WK_NAAM\nA\n' }],
      ['POST', `/municipalities/${municipalityId}/area-imports`, { csv: 'WK_NAAM\nA\n' }],
    ] as [string, string, unknown?][]) {
      const response = await call(coordinator, method, path, body);
      expect({ path, method, status: response.status }).toEqual({ path, method, status: 403 });
    }
  });
});

describe('bad input on the setup routes', () => {
  const problem = (response: { status: number; type: string | null }, status: number) => {
    expect(response.status).toBe(status);
    expect(response.type).toMatch(/^application\/problem\+json/);
  };

  it('refuses a duplicate or malformed gemeentecode, NUL in a name and coordinates outside the Netherlands', async () => {
    const base = {
      name: 'Tweede',
      cbsCode: 'GM9901',
      schoolHolidayRegion: 'zuid',
      latitude: 51.5,
      longitude: 5,
    };
    const duplicate = await call(admin, 'POST', '/municipalities', base);
    problem(duplicate, 409);
    expect(duplicate.json.errors).toEqual([
      {
        field: 'body.cbsCode',
        code: 'duplicate',
        kind: 'cbs-code',
        message: 'is used by another municipality',
      },
    ]);
    problem(await call(admin, 'POST', '/municipalities', { ...base, cbsCode: 'GM123' }), 400);
    problem(await call(admin, 'POST', '/municipalities', { ...base, cbsCode: 'WK123456' }), 400);
    const nul = await call(admin, 'POST', '/municipalities', {
      ...base,
      cbsCode: 'GM9903',
      name: 'Stad\u0000',
    });
    problem(nul, 400);
    expect(nul.json.errors?.[0]?.field).toBe('body.name');
    problem(await call(admin, 'POST', '/municipalities', { ...base, cbsCode: 'GM9903', latitude: 12 }), 400);
    problem(
      await call(admin, 'POST', '/municipalities', {
        ...base,
        cbsCode: 'GM9903',
        schoolHolidayRegion: 'oost',
      }),
      400,
    );
    problem(
      await call(admin, 'PATCH', '/municipalities/00000000-0000-4000-8000-000000000000', { name: 'X' }),
      404,
    );
    // Two municipalities, then one takes the other's code: 409, nothing changed.
    const second = await call(admin, 'POST', '/municipalities', { ...base, cbsCode: 'GM9903' });
    expect(second.status).toBe(201);
    problem(await call(admin, 'PATCH', `/municipalities/${second.json.id}`, { cbsCode: 'GM9901' }), 409);
    const edited = await call(admin, 'PATCH', `/municipalities/${municipalityId}`, { latitude: 52.1 });
    expect(edited.json).toMatchObject({ latitude: 52.1, cbsCode: 'GM9901' });
  });

  it('refuses duplicate names and codes, malformed or foreign wijkcodes, and a wijk without district', async () => {
    const areas = `/municipalities/${municipalityId}/areas`;
    problem(await call(admin, 'POST', areas, { kind: 'district', name: 'noordoost' }), 409);
    problem(
      await call(admin, 'POST', areas, {
        kind: 'neighbourhood',
        name: 'Nieuw',
        parentId: districtId,
        cbsCode: 'WK990101',
      }),
      409,
    );
    problem(
      await call(admin, 'POST', areas, {
        kind: 'neighbourhood',
        name: 'Nieuw',
        parentId: districtId,
        cbsCode: 'WK99',
      }),
      400,
    );
    problem(
      await call(admin, 'POST', areas, {
        kind: 'neighbourhood',
        name: 'Nieuw',
        parentId: districtId,
        cbsCode: 'WK003401',
      }),
      422,
    );
    problem(await call(admin, 'POST', areas, { kind: 'neighbourhood', name: 'Nieuw' }), 400);
    problem(await call(admin, 'POST', areas, { kind: 'district', name: 'Nieuw', cbsCode: 'WK990102' }), 400);
    problem(
      await call(admin, 'POST', areas, { kind: 'neighbourhood', name: 'Nieuw', parentId: wijkId }),
      400,
    );
    problem(await call(admin, 'POST', areas, { kind: 'district', name: 'A\u0000B' }), 400);
    problem(await call(admin, 'PATCH', `${areas}/${districtId}`, { cbsCode: 'WK990109' }), 400);
  });

  it('never deletes an area in use: 409 naming the uses, nothing changed; archives it instead', async () => {
    const areas = `/municipalities/${municipalityId}/areas`;
    const inUse = await call(admin, 'DELETE', `${areas}/${wijkId}`);
    problem(inUse, 409);
    expect(inUse.json.errors).toEqual([
      {
        field: 'usedBy.people',
        code: 'in_use',
        kind: 'people',
        count: 1,
        message: '1 people (key figures and allies)',
      },
    ]);
    const district = await call(admin, 'DELETE', `${areas}/${districtId}`);
    problem(district, 409);
    expect(district.json.errors?.map((error: { field: string }) => error.field)).toEqual([
      'usedBy.networks',
      'usedBy.wijken',
    ]);
    // A district with active wijken cannot be archived before them.
    problem(await call(admin, 'PATCH', `${areas}/${districtId}`, { archived: true }), 409);
    const archived = await call(admin, 'PATCH', `${areas}/${wijkId}`, { archived: true });
    expect(archived.json).toMatchObject({ archived: true });
    // Archived: the overview (which the pickers read) marks it; it stays on the person, but no new network may use it.
    const overview = await call(admin, 'GET', '/areas');
    const wijk = overview.json.municipalities[0].districts[0].neighbourhoods[0];
    expect(wijk).toEqual({ id: wijkId, name: 'Fictiefwijk', archived: true });
    problem(await call(admin, 'POST', '/networks', { name: 'Bondgenoten Fictiefwijk', areaId: wijkId }), 400);
    expect((await call(admin, 'PATCH', `${areas}/${wijkId}`, { archived: false })).json).toMatchObject({
      archived: false,
    });
    // A district archived with its wijken: a wijk comes back only after its district.
    const spareDistrict = await call(admin, 'POST', areas, { kind: 'district', name: 'Reserve' });
    const spareWijk = await call(admin, 'POST', areas, {
      kind: 'neighbourhood',
      name: 'Reservewijk',
      parentId: spareDistrict.json.id,
    });
    await call(admin, 'PATCH', `${areas}/${spareWijk.json.id}`, { archived: true });
    expect((await call(admin, 'PATCH', `${areas}/${spareDistrict.json.id}`, { archived: true })).status).toBe(
      200,
    );
    problem(await call(admin, 'PATCH', `${areas}/${spareWijk.json.id}`, { archived: false }), 409);
    expect((await call(admin, 'DELETE', `${areas}/${spareWijk.json.id}`)).status).toBe(204);
    expect((await call(admin, 'DELETE', `${areas}/${spareDistrict.json.id}`)).status).toBe(204);
    const unused = await call(admin, 'POST', areas, {
      kind: 'neighbourhood',
      name: 'Ongebruikt',
      parentId: districtId,
    });
    expect((await call(admin, 'DELETE', `${areas}/${unused.json.id}`)).status).toBe(204);
    expect((await call(admin, 'GET', areas)).json.map((area: { name: string }) => area.name)).toEqual([
      'Noordoost',
      'Fictiefwijk',
    ]);
  });
});

describe('importing wijken from a CBS list', () => {
  const path = () => `/municipalities/${municipalityId}/area-imports`;

  it('previews row by row, refuses a file with errors whole, and imports a clean one all at once', async () => {
    const csv = [
      'WK_CODE;WK_NAAM;GM_CODE;GM_NAAM;WATER;stadsdeel',
      'WK990102;Oosterpark;GM9901;Fictiefstad;NEE;Oost',
      'WK990102;Oosterpark;GM9901;Fictiefstad;JA;Oost',
      'WK990103;Westerkwartier;GM9901;Fictiefstad;NEE;',
      'WK003401;Elders;GM0034;Almere;NEE;Haven',
      'WK990101;Fictiefwijk;GM9901;Fictiefstad;NEE;Noordoost',
      'WK99010;Kapot;GM9901;Fictiefstad;NEE;Oost',
    ].join('\r\n');
    const preview = await call(admin, 'POST', `${path()}/preview`, { csv, districtId });
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({ toCreate: 2, invalid: 1, newDistricts: ['Oost'] });
    const actions = (preview.json.rows as { action: string; district: string | null }[]).map(
      (row) => row.action,
    );
    expect(actions).toEqual(['create', 'water', 'create', 'other-municipality', 'existing', 'create']);
    expect((preview.json.rows as { district: string | null }[])[2]?.district).toBe('Noordoost');
    const refused = await call(admin, 'POST', path(), { csv, districtId });
    expect(refused.status).toBe(422);
    expect(refused.json.errors?.[0]?.field).toBe('body.csv.line.7.wijkcode');
    expect((await call(admin, 'GET', `/municipalities/${municipalityId}/areas`)).json).toHaveLength(2);

    const clean = csv.split('\r\n').slice(0, -1).join('\r\n');
    const imported = await call(admin, 'POST', path(), { csv: clean, districtId });
    expect(imported.status).toBe(201);
    expect(imported.json).toEqual({ created: 2, districtsCreated: 1 });
    const areas = (await call(admin, 'GET', `/municipalities/${municipalityId}/areas`)).json as {
      id: string;
      name: string;
      parentId: string | null;
      cbsCode: string | null;
    }[];
    const oost = areas.find((area) => area.name === 'Oost');
    expect(areas.find((area) => area.name === 'Oosterpark')).toMatchObject({
      parentId: oost?.id,
      cbsCode: 'WK990102',
    });
    expect(areas.find((area) => area.name === 'Westerkwartier')).toMatchObject({ parentId: districtId });
    // The same file again holds nothing new.
    expect((await call(admin, 'POST', path(), { csv: clean, districtId })).status).toBe(422);
  });

  it('reads the same columns from an Excel workbook', async () => {
    const cells = (values: string[]) => values.map((value) => ({ value }));
    const xlsx = (
      await writeXlsxFile([
        cells(['WK_CODE', 'WK_NAAM', 'GM_CODE', 'AANT_INW']),
        cells(['WK990104', 'Zuiderhof', 'GM9901', '1234']),
      ]).toBuffer()
    ).toString('base64');
    const imported = await call(admin, 'POST', path(), { xlsx, districtId });
    expect(imported.status).toBe(201);
    expect(imported.json).toEqual({ created: 1, districtsCreated: 0 });
  });

  it('answers unreadable files and bodies with 400', async () => {
    const headingsOnly = await call(admin, 'POST', `${path()}/preview`, { csv: 'WK_NAAM\r\n' });
    expect(headingsOnly.status).toBe(400);
    expect(headingsOnly.json.detail).toBe('The file holds headings but no wijken.');
    expect((await call(admin, 'POST', `${path()}/preview`, { xlsx: 'bm90IGEgd29ya2Jvb2s=' })).status).toBe(
      400,
    );
    expect((await call(admin, 'POST', `${path()}/preview`, {})).status).toBe(400);
    const noDistrict = await call(admin, 'POST', `${path()}/preview`, { csv: 'WK_NAAM\r\nLos\r\n' });
    expect(noDistrict.json).toMatchObject({ invalid: 1 });
  });
});
