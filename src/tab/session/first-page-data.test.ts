import { describe, expect, it } from '@jest/globals';
import { listOpenCallOuts } from '../../call-outs/tab/api/call-out-endpoints.js';
import { getSetupStatus } from '../../setup/tab/api/setup-endpoints.js';
import type { ApiClient } from '../api/client.js';
import { getAreaOverview, getNetwork, type Me } from '../api/endpoints.js';
import { primeFirstPage } from './first-page-data.js';

const NETWORK_ID = '0b6f3a52-1c1e-4f38-9d55-3c6a1f2b9e01';

/** An API client that records the paths of the GETs it is asked for, primed or not. */
function recordingClient(): { api: ApiClient; asked: string[] } {
  const asked: string[] = [];
  const api = {
    signedWith: 'cookie',
    get: async (path: string) => {
      asked.push(path);
      return {};
    },
    prime: (load: (early: ApiClient) => Promise<unknown>) => {
      void load(api);
    },
  } as unknown as ApiClient;
  return { api, asked };
}

/** The paths the page's own calls ask for. */
async function pathsOf(...calls: ((api: ApiClient) => Promise<unknown>)[]): Promise<string[]> {
  const { api, asked } = recordingClient();
  for (const call of calls) await call(api);
  return asked;
}

function me(overrides: Partial<Me>): Me {
  return {
    isAdministrator: false,
    roles: [],
    ...overrides,
  } as Me;
}

function primedFor(user: Me, pathname: string): string[] {
  const { api, asked } = recordingClient();
  primeFirstPage(api, user, pathname);
  return asked;
}

const role = {
  networkId: NETWORK_ID,
  networkName: 'Noord',
  role: 'member',
} as unknown as Me['roles'][number];

describe('primeFirstPage', () => {
  it("asks for the overview's data under the overview's own conditions, by the paths its calls use", async () => {
    expect(primedFor(me({ isAdministrator: true }), '/')).toEqual(
      await pathsOf(getSetupStatus, getAreaOverview, listOpenCallOuts),
    );
    expect(primedFor(me({ roles: [role] }), '/')).toEqual(await pathsOf(getAreaOverview, listOpenCallOuts));
    // Without a role the overview does not ask for call-outs (the API would refuse and log the refusal).
    expect(primedFor(me({}), '/')).toEqual(await pathsOf(getAreaOverview));
  });

  it("asks for the network page's network, and the call-out list for those who may follow call-outs", async () => {
    expect(primedFor(me({}), `/netwerken/${NETWORK_ID}`)).toEqual(
      await pathsOf((api) => getNetwork(api, NETWORK_ID)),
    );
    expect(primedFor(me({ roles: [role] }), '/crisisoproepen')).toEqual(await pathsOf(listOpenCallOuts));
    expect(primedFor(me({}), '/crisisoproepen')).toEqual([]);
  });

  it('asks nothing for pages it does not know, nor for a Beheer page of a non-administrator', () => {
    expect(primedFor(me({}), '/beheer/rollen')).toEqual([]);
    expect(primedFor(me({ roles: [role] }), '/zoeken')).toEqual([]);
  });
});
