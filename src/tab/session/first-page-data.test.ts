import { describe, expect, it } from '@jest/globals';
import {
  getCallOut,
  getCallOutTimeline,
  listOpenCallOuts,
} from '../../call-outs/tab/api/call-out-endpoints.js';
import { getCallOutMeeting } from '../../call-outs/tab/api/convene-endpoints.js';
import {
  getMeetingSettings,
  listMeetingLocations,
  listMeetings,
} from '../../meetings/tab/meeting-endpoints.js';
import { getSetupStatus } from '../../setup/tab/api/setup-endpoints.js';
import { listOpenFollowUps } from '../../signals/tab/api/signal-endpoints.js';
import type { ApiClient, PrimingClient } from '../api/client.js';
import { getAreaOverview, getNetwork, type Me } from '../api/endpoints.js';
import { primeFirstPage } from './first-page-data.js';

const NETWORK_ID = '0b6f3a52-1c1e-4f38-9d55-3c6a1f2b9e01';
const CALL_OUT_ID = '5d2c8e1a-7f3b-4c6d-9e0a-1b2c3d4e5f60';

/**
 * An API client that records the paths of the GETs it is asked for, primed or not, and the parts a primer
 * primes from one answer ({@link PrimingClient.primeParts}): path and the part's value once it has arrived.
 */
function recordingClient(answer: object = {}): {
  api: ApiClient;
  asked: string[];
  parts: Map<string, Promise<unknown>>;
} {
  const asked: string[] = [];
  const parts = new Map<string, Promise<unknown>>();
  const get = async (path: string) => {
    asked.push(path);
    return answer;
  };
  const api = {
    signedWith: 'cookie',
    get,
    prime: (load: (early: PrimingClient) => Promise<unknown>) => {
      void load({
        ...api,
        primeParts: (path: string, picks: Record<string, (whole: object) => unknown>) => {
          const whole = get(path);
          for (const [part, pick] of Object.entries(picks)) parts.set(part, whole.then(pick));
          return whole;
        },
      } as unknown as PrimingClient);
    },
  } as unknown as ApiClient;
  return { api, asked, parts };
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

/** The paths asked at once, before any answer has arrived. */
function primedFor(user: Me, pathname: string): string[] {
  const { api, asked } = recordingClient();
  primeFirstPage(api, user, pathname);
  return [...asked];
}

/** The same, once every answer has arrived (a primed network asks for its page's other parts after its answer). */
async function primedAfterAnswers(user: Me, pathname: string, answer: object = {}): Promise<string[]> {
  const { api, asked } = recordingClient(answer);
  primeFirstPage(api, user, pathname);
  await new Promise((resolve) => setTimeout(resolve, 0));
  return asked;
}

/** A client whose first GET fails: what is asked after a refused call-out. */
function refusingClient(): { api: ApiClient; asked: string[] } {
  const asked: string[] = [];
  const api = {
    signedWith: 'cookie',
    get: async (path: string) => {
      asked.push(path);
      throw new Error('404');
    },
    prime: (load: (early: PrimingClient) => Promise<unknown>) => {
      void load({
        ...api,
        primeParts: (path: string) => api.get(path),
      } as unknown as PrimingClient).catch(() => undefined);
    },
  } as unknown as ApiClient;
  return { api, asked };
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

  it("asks for the network page's network, then what its page reads once it is shown, by the page's own condition", async () => {
    const evaluationDue = (api: ApiClient) => api.get(`/networks/${NETWORK_ID}/evaluation-due`);
    // The network's own staff (a role in it) also see its open signal follow-ups.
    expect(await primedAfterAnswers(me({}), `/netwerken/${NETWORK_ID}`, { myRole: 'member' })).toEqual(
      await pathsOf(
        (api) => getNetwork(api, NETWORK_ID),
        evaluationDue,
        (api) => listMeetings(api, NETWORK_ID, 'upcoming'),
        (api) => listOpenFollowUps(api, NETWORK_ID),
      ),
    );
    // An administrator without a role in it does not ask for them (the page would not either).
    expect(await primedAfterAnswers(me({}), `/netwerken/${NETWORK_ID}`, { myRole: null })).toEqual(
      await pathsOf(
        (api) => getNetwork(api, NETWORK_ID),
        evaluationDue,
        (api) => listMeetings(api, NETWORK_ID, 'upcoming'),
      ),
    );
    // With a role in the network that `/me` lists, all four leave at once, before the network has answered.
    expect(primedFor(me({ roles: [role] }), `/netwerken/${NETWORK_ID}`)).toEqual(
      await pathsOf(
        (api) => getNetwork(api, NETWORK_ID),
        evaluationDue,
        (api) => listMeetings(api, NETWORK_ID, 'upcoming'),
        (api) => listOpenFollowUps(api, NETWORK_ID),
      ),
    );
    // A role in another network does not count.
    expect(
      primedFor(me({ roles: [{ ...role, networkId: CALL_OUT_ID }] }), `/netwerken/${NETWORK_ID}`),
    ).toEqual(await pathsOf((api) => getNetwork(api, NETWORK_ID)));
    const { api, asked } = refusingClient();
    primeFirstPage(api, me({}), `/netwerken/${NETWORK_ID}`);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked).toEqual(await pathsOf((client) => getNetwork(client, NETWORK_ID)));
  });

  it('asks for the call-out list only for those who may follow call-outs', async () => {
    expect(primedFor(me({ roles: [role] }), '/crisisoproepen')).toEqual(await pathsOf(listOpenCallOuts));
    expect(primedFor(me({}), '/crisisoproepen')).toEqual([]);
  });

  it("asks for what a network's meetings page asks on its first render, and nothing for the other meetings pages", async () => {
    expect(primedFor(me({ roles: [role] }), `/netwerken/${NETWORK_ID}/overleggen`)).toEqual(
      await pathsOf(
        (api) => getNetwork(api, NETWORK_ID),
        (api) => getMeetingSettings(api, NETWORK_ID),
        (api) => listMeetingLocations(api, NETWORK_ID),
        (api) => listMeetings(api, NETWORK_ID),
      ),
    );
    expect(primedFor(me({ roles: [role] }), `/netwerken/${NETWORK_ID}/overleggen/plannen`)).toEqual([]);
    expect(primedFor(me({ roles: [role] }), '/overleggen/jaar')).toEqual([]);
  });

  it("asks for one call-out (the card's link) with its meeting and timeline in one request, priming the page's three paths, only for those who may follow call-outs", async () => {
    const page = {
      callOut: { id: CALL_OUT_ID },
      meeting: { meeting: null },
      timeline: [{ kind: 'started' }],
    };
    const { api, asked, parts } = recordingClient(page);
    primeFirstPage(api, me({ roles: [role] }), `/crisisoproepen/${CALL_OUT_ID}`);
    expect(asked).toEqual([`/call-outs/${CALL_OUT_ID}/page`]);
    // Primed at once (the page's GETs may come before the answer), by the paths the page's own calls use.
    expect([...parts.keys()]).toEqual(
      await pathsOf(
        (client) => getCallOut(client, CALL_OUT_ID),
        (client) => getCallOutMeeting(client, CALL_OUT_ID),
        (client) => getCallOutTimeline(client, CALL_OUT_ID),
      ),
    );
    expect(await Promise.all(parts.values())).toEqual([page.callOut, page.meeting, page.timeline]);
    expect(primedFor(me({}), `/crisisoproepen/${CALL_OUT_ID}`)).toEqual([]);
    expect(primedFor(me({ roles: [role] }), '/crisisoproepen/nieuw')).toEqual([]);
  });

  it('asks nothing more of a call-out whose answer failed (one refusal in the audit trail, not three)', async () => {
    const { api, asked } = refusingClient();
    primeFirstPage(api, me({ roles: [role] }), `/crisisoproepen/${CALL_OUT_ID}`);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked).toEqual([`/call-outs/${CALL_OUT_ID}/page`]);
  });

  it('asks nothing for pages it does not know, nor for a Beheer page of a non-administrator', () => {
    expect(primedFor(me({}), '/beheer/rollen')).toEqual([]);
    expect(primedFor(me({ roles: [role] }), '/zoeken')).toEqual([]);
  });
});

describe('primeFirstPage while /me is on its way (entra mode)', () => {
  /** What is asked before `/me` has answered, and then everything asked once it has (and those answers have). */
  async function besideMe(user: Me, pathname: string, answer: object = {}) {
    const { api, asked } = recordingClient(answer);
    let answerMe!: (value: Me) => void;
    primeFirstPage(
      api,
      new Promise<Me>((resolve) => {
        answerMe = resolve;
      }),
      pathname,
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    const before = [...asked];
    answerMe(user);
    await new Promise((resolve) => setTimeout(resolve, 0));
    return { before, after: [...asked] };
  }

  it('asks for the network at once, and the parts its page reads once /me lists the role', async () => {
    const network = `/networks/${NETWORK_ID}`;
    const { before, after } = await besideMe(me({ roles: [role] }), `/netwerken/${NETWORK_ID}`);
    expect(before).toEqual([network]);
    expect(after).toEqual(await primedAfterAnswers(me({ roles: [role] }), `/netwerken/${NETWORK_ID}`));
    // Without a role in it, the parts follow the network's own answer, as without the token.
    const reader = await besideMe(me({}), `/netwerken/${NETWORK_ID}`, { myRole: null });
    expect(reader.before).toEqual([network]);
    expect(reader.after).toEqual(
      await primedAfterAnswers(me({}), `/netwerken/${NETWORK_ID}`, { myRole: null }),
    );
  });

  it("asks for all of a network's meetings page at once", async () => {
    const path = `/netwerken/${NETWORK_ID}/overleggen`;
    const { before, after } = await besideMe(me({ roles: [role] }), path);
    expect(before).toEqual(primedFor(me({ roles: [role] }), path));
    expect(after).toEqual(before);
  });

  it('asks for pages whose data depends on who the user is only once /me has answered, as without the token', async () => {
    for (const path of ['/', `/crisisoproepen/${CALL_OUT_ID}`, '/crisisoproepen', '/beheer/rollen']) {
      const { before, after } = await besideMe(me({ roles: [role] }), path);
      expect(before).toEqual([]);
      expect(after).toEqual(primedFor(me({ roles: [role] }), path));
    }
  });
});
