import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { admitAllyForTest } from '../helpers/admit-ally.js';
import { expectSaying } from '../helpers/expect-saying.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;
let petra: string; // secretary of Haven and Stad
let fleur: string; // coordinator of Stad, no role in Haven
let anouk: string; // administrator without a network role

interface Summary {
  id: string;
  name: string;
  myRole: string | null;
  warnings: { code: string; count: number | null; limit: number | null; userIds: string[] }[] | null;
}

async function overviewNetworks(cookie: string): Promise<Summary[]> {
  const result = await callApi(server.url, cookie, 'GET', '/api/v1/areas');
  expect(result.status).toBe(200);
  return result.body.municipalities.flatMap((m: { districts: { networks: Summary[] }[] }) =>
    m.districts.flatMap((d) => d.networks),
  );
}

const byName = (networks: Summary[], name: string) => {
  const network = networks.find((n) => n.name === name);
  if (!network) throw new Error(`no network ${name}`);
  return network;
};

beforeAll(async () => {
  server = await startTestServer();
  [petra, fleur, anouk] = await Promise.all([
    signInAs(server.url, 'Petra Lindeboom'),
    signInAs(server.url, 'Fleur Oosterhout'),
    signInAs(server.url, 'Anouk Terpstra'),
  ]);
});
afterAll(async () => {
  await server.close();
});

describe('warnings on the overview', () => {
  it('equal the network page’s warnings for every network the caller has a role in', async () => {
    const networks = await overviewNetworks(petra);
    const withRole = networks.filter((network) => network.myRole !== null);
    expect(withRole.map((n) => n.name).sort()).toEqual(['Bondgenoten Haven', 'Bondgenoten Stad']);
    for (const network of withRole) {
      const page = await callApi(server.url, petra, 'GET', `/api/v1/networks/${network.id}`);
      expectSaying(network.warnings, network.name).toEqual(page.body.warnings);
    }
    // Haven: Petra has no back-up; the demo marks relevant communities without an ally yet.
    const codes = byName(networks, 'Bondgenoten Haven').warnings?.map((w) => w.code);
    expect(codes).toContain('staff-without-backup');
    expect(codes).toContain('coverage-gaps');
  });

  it('hides them where the caller has no role (need-to-know)', async () => {
    const networks = await overviewNetworks(fleur);
    expect(byName(networks, 'Bondgenoten Haven')).toMatchObject({ myRole: null, warnings: null });
    expect(byName(networks, 'Bondgenoten Stad').warnings).not.toBeNull();
  });

  it('show administrators the staffing warnings of every network, and nothing derived from people', async () => {
    const networks = await overviewNetworks(anouk);
    const buiten = byName(networks, 'Bondgenoten Buiten');
    expect(buiten.myRole).toBeNull();
    const codes = buiten.warnings?.map((w) => w.code) ?? [];
    // Buiten has only Dewi (coordinator) at the table.
    expect(codes.length).toBeGreaterThan(0);
    for (const network of networks)
      for (const warning of network.warnings ?? [])
        expect(['no-gemeente-staff', 'no-politie-staff', 'staff-without-backup']).toContain(warning.code);
  });

  it('follow a change: the gap count drops when an ally of a relevant community joins in that wijk', async () => {
    const before = byName(await overviewNetworks(fleur), 'Bondgenoten Stad').warnings ?? [];
    const gapsBefore = before.find((w) => w.code === 'coverage-gaps')?.count ?? 0;
    expect(gapsBefore).toBeGreaterThan(0);
    const stadId = byName(await overviewNetworks(fleur), 'Bondgenoten Stad').id;
    const coverage = await callApi(server.url, fleur, 'GET', `/api/v1/networks/${stadId}/coverage`);
    const gap = coverage.body.cells.find(
      (cell: { relevant: boolean; status: string }) => cell.relevant && cell.status !== 'ally',
    );
    // Allies join through selection (issue 16); its admission is what changes the gaps.
    await admitAllyForTest(server.database.db, stadId, {
      person: {
        displayName: 'Tessa Fictief',
        neighbourhoodId: gap.neighbourhoodId,
        communityIds: [gap.communityId],
      },
    });
    const after = byName(await overviewNetworks(fleur), 'Bondgenoten Stad').warnings ?? [];
    expect(after.find((w) => w.code === 'coverage-gaps')?.count ?? 0).toBe(gapsBefore - 1);
  });
});
