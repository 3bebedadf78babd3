import { mayFollowCallOuts } from '../../call-outs/tab/call-out-access.js';
import { callOutFromPath } from '../../call-outs/tab/call-out-routes.js';
import { meetingFromPath } from '../../meetings/tab/meeting-routes.js';
import type { ApiClient } from '../api/client.js';
import { getAreaOverview, getNetwork, type Me, type NetworkDetail } from '../api/endpoints.js';
import { idFromPath } from '../routing/network-paths.js';
import { isAdminRoute, routeFromPath } from '../routing/routes.js';

// The paths of `listOpenCallOuts`, `getCallOut` and `getCallOutTimeline` (call-outs/tab/api/call-out-endpoints.ts),
// `getCallOutMeeting` (call-outs/tab/api/convene-endpoints.ts), `listOpenFollowUps` (signals/tab/api/signal-endpoints.ts),
// the evaluation notice's (network/tab/components/evaluation-notice.tsx), `getSetupStatus`
// (setup/tab/api/setup-endpoints.ts) and the meetings page's calls (meetings/tab/meeting-endpoints.ts): named here
// rather than imported, as importing those modules would move them into the initial JS (issue 21: <= 200 KiB
// gzip). first-page-data.test.ts checks that they still match.
const OPEN_CALL_OUTS = '/call-outs';
const SETUP_STATUS = '/setup/status';
const callOutPath = (callOutId: string) => `/call-outs/${encodeURIComponent(callOutId)}`;
/** What GET /call-outs/{id}/page answers: the three answers the call-out page asks for, as their own routes give. */
interface CallOutPageData {
  callOut: unknown;
  meeting: unknown;
  timeline: unknown;
}
/**
 * The paths the call-out page asks, each with its part of GET /call-outs/{id}/page: the call-out (`CallOutPage`)
 * and, once it is shown, its meeting (`ConveneMeeting`) and its timeline.
 */
const callOutPageParts = (callOutId: string) => ({
  [callOutPath(callOutId)]: (page: CallOutPageData) => page.callOut,
  [`${callOutPath(callOutId)}/meeting`]: (page: CallOutPageData) => page.meeting,
  [`${callOutPath(callOutId)}/timeline`]: (page: CallOutPageData) => page.timeline,
});
const networkPath = (networkId: string) => `/networks/${encodeURIComponent(networkId)}`;
/**
 * What `NetworkContent` asks for once the network is shown: `EvaluationNotice`, `NextMeeting` (listMeetings, upcoming)
 * and, for the network's own staff only, `OpenSignalFollowUps` (listOpenFollowUps).
 */
const networkPagePaths = (networkId: string, myRole: NetworkDetail['myRole']) => [
  `${networkPath(networkId)}/evaluation-due`,
  `${networkPath(networkId)}/meetings?scope=upcoming`,
  ...(myRole ? [`${networkPath(networkId)}/signal-follow-ups`] : []),
];
/** What `MeetingsNetworkPage` asks for on its first render, besides the network: settings, locations, meetings. */
const meetingsPagePaths = (networkId: string) => [
  `${networkPath(networkId)}/meeting-settings`,
  `${networkPath(networkId)}/meeting-locations`,
  `${networkPath(networkId)}/meetings?scope=all`,
];

/**
 * Asks for the data the first page at `pathname` will ask for, the moment the user is known (entra mode: while
 * `/me` is still on its way, what needs no answer of it; see `primeBesideMe`): in parallel with
 * the page's own code instead of after it has downloaded and rendered (issue 21). The page's own calls then take
 * these answers through {@link ApiClient.prime}. Only what that page asks for this user on its first render is
 * asked here, under the same conditions, so nothing is asked that the page would not ask (no extra refusals in
 * the audit trail). Settles once those answers have (undefined when nothing was asked).
 */
export function primeFirstPage(
  api: ApiClient,
  me: Me | Promise<Me>,
  pathname: string,
): Promise<void> | undefined {
  if (me instanceof Promise) return primeBesideMe(api, me, pathname);
  const route = routeFromPath(pathname);
  if (isAdminRoute(route) && !me.isAdministrator) return;
  switch (route) {
    case 'overview':
      // StartPage: an administrator's first visit checks the set-up before the overview asks for its areas.
      return api.prime((early) =>
        Promise.all([
          me.isAdministrator ? early.get(SETUP_STATUS) : null,
          getAreaOverview(early),
          mayFollowCallOuts(me) ? early.get(OPEN_CALL_OUTS) : null,
        ]),
      );
    case 'network': {
      const networkId = idFromPath(pathname);
      if (!networkId) return;
      // The user's role in the network as `/me` lists it: the page's `myRole` is the same role, from the same access
      // profile. With one, the network is readable to them, so the page's other parts are asked together with it,
      // in one round trip instead of two (issue 21: under a 40 ms round trip the second hop held the warm page's
      // first render back by one round trip, bench/tools/tab-waterfall.ts EMULATE=1 WARM=1).
      const mine = me.roles.find((candidate) => candidate.networkId === networkId)?.role;
      if (mine)
        return api.prime((early) =>
          Promise.all([
            getNetwork(early, networkId),
            ...networkPagePaths(networkId, mine).map((path) => early.get(path)),
          ]),
        );
      // Without a role (an administrator, a reader through another right): the network first, and its page's
      // other parts the moment it has arrived, under the page's own condition, so a network they may not see draws
      // one refusal, as the page's own request would.
      return api.prime((early) =>
        getNetwork(early, networkId).then((network) =>
          Promise.all(networkPagePaths(networkId, network.myRole).map((path) => early.get(path))),
        ),
      );
    }
    case 'meetings': {
      const location = meetingFromPath(pathname);
      if (location?.page !== 'network') return;
      return primeMeetingsPage(api, location.networkId);
    }
    case 'call-outs': {
      // CallOutPages asks nothing of someone who may not follow call-outs.
      if (!mayFollowCallOuts(me)) return;
      const location = callOutFromPath(pathname);
      if (location?.page === 'list') return api.prime((early) => early.get(OPEN_CALL_OUTS));
      // One call-out (the card's link): the page asks for it first, and for its meeting and timeline once it is
      // shown. All three come in one request, GET /call-outs/{id}/page, instead of the call-out and then the other
      // two (issue 21: the call-out page's waterfall had two hops); the page's own three GETs take their parts. A
      // call-out this user may not see draws one refusal in the audit trail, as the page's own GET would.
      if (location?.page === 'detail') {
        const { callOutId } = location;
        return api.prime((early) =>
          early.primeParts(`${callOutPath(callOutId)}/page`, callOutPageParts(callOutId)),
        );
      }
      return;
    }
    default:
      return;
  }
}

/** A network's meetings page: the network, its meeting settings, locations and meetings, whoever the user is. */
function primeMeetingsPage(api: ApiClient, networkId: string): Promise<void> {
  return api.prime((early) =>
    Promise.all([
      getNetwork(early, networkId),
      ...meetingsPagePaths(networkId).map((path) => early.get(path)),
    ]),
  );
}

/**
 * Production sign-in (entra mode): `/me` is on its way, asked with the Teams SSO token. What the page at `pathname`
 * asks whoever the user is leaves now, beside `/me`, instead of one round trip later (issue 21: in production the
 * data waited for the token and then for `/me`); what depends on who the user is leaves once `/me` has answered,
 * under the same conditions as {@link primeFirstPage}. The network page and a network's meetings page ask for
 * the network (and the meetings page for its other three parts) whoever the user is; every other page waits for
 * `/me`. A token the server refuses is then refused on those requests too, and each refusal is audited, as the
 * request happened.
 */
function primeBesideMe(api: ApiClient, me: Promise<Me>, pathname: string): Promise<void> | undefined {
  switch (routeFromPath(pathname)) {
    case 'network': {
      const networkId = idFromPath(pathname);
      if (!networkId) return;
      return api.prime((early) => {
        const network = getNetwork(early, networkId);
        // The page's other parts under the page's own condition: the role `/me` lists, else the network's answer.
        const parts = me.then((known) => {
          const mine = known.roles.find((candidate) => candidate.networkId === networkId)?.role;
          const role = mine ? Promise.resolve(mine) : network.then((answer) => answer.myRole);
          return role.then((myRole) =>
            Promise.all(networkPagePaths(networkId, myRole).map((path) => early.get(path))),
          );
        });
        return Promise.all([network, parts]);
      });
    }
    case 'meetings': {
      const location = meetingFromPath(pathname);
      if (location?.page !== 'network') return;
      return primeMeetingsPage(api, location.networkId);
    }
    default:
      return me.then(
        (known) => primeFirstPage(api, known, pathname),
        () => undefined,
      );
  }
}
