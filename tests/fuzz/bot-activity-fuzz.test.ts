import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { composeBotHandler } from '../../src/server/compose.js';
import { serviceUrlPolicyFor, serviceUrlRefusal } from '../../src/teams/service-url-policy.js';
import { buildTeamsActivity, buildTeamsUser } from '../bot/teams-activity.js';
import { hostileServiceUrls, startTrapListener, type TrapListener } from '../bot/trap-listener.js';
import { TEST_ENGINE } from '../helpers/test-db.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { type BotConnectorStandIn, startBotConnectorStandIn } from '../stand-ins/bot-connector.js';
import { type OutboundWatch, watchOutbound } from './outbound-watch.js';
import { HOSTILE_STRINGS, junk } from './schema-arbitrary.js';

/**
 * Issue 13, "keep it proven": generated Bot Framework activities (fast-check) against the local bot —
 * malformed JSON, missing fields, hostile service URLs, unknown invoke names and card verbs. No answer
 * may be a 5xx, an activity naming a refused service URL is refused with 400, and every TCP connection the
 * process makes must go to the server, the connector stand-in or the database: the trap (reachable only
 * through spellings the allow-list refuses) and anything else fail the test.
 */
const ACTIVITIES = Number(process.env.FUZZ_ACTIVITIES ?? 2_000);
const SEED = Number(process.env.FUZZ_SEED ?? 13);

let server: TestServer;
let connector: BotConnectorStandIn;
let trap: TrapListener;
let watch: OutboundWatch;

type Body = { kind: 'json'; value: unknown } | { kind: 'raw'; text: string };

const VERBS = [
  'callout.answer',
  'callout.refresh',
  'callout.bogus',
  'callOutStart.preview',
  'callOutStart.send',
  'callOutStart.edit',
  'callOutStart.status',
  'meeting.plan',
  'meeting.bogus',
  'bogus',
  '',
];
const INVOKE_NAMES = [
  'adaptiveCard/action',
  'task/fetch',
  'task/submit',
  'composeExtension/query',
  'composeExtension/fetchTask',
  'composeExtension/submitAction',
  'signin/verifyState',
  'fileConsent/invoke',
  'config/fetch',
  'tab/fetch',
  'healthCheck',
  'bogus/name',
];

function activities(allowedUrl: string, trapPort: number): fc.Arbitrary<Body> {
  const serviceUrl = fc.oneof(
    { weight: 4, arbitrary: fc.constant(allowedUrl) },
    { weight: 3, arbitrary: fc.constantFrom(...hostileServiceUrls(trapPort)) },
    { weight: 1, arbitrary: fc.webUrl() },
    { weight: 1, arbitrary: junk },
  );
  const invokeValue = fc.oneof(
    fc.record({
      action: fc.record({
        type: fc.constantFrom('Action.Execute', 'Action.Submit', 'bogus'),
        verb: fc.oneof(fc.constantFrom(...VERBS), fc.string()),
        data: fc.oneof(
          junk,
          fc.record(
            {
              callOutId: fc.oneof(fc.uuid(), fc.constantFrom(...HOSTILE_STRINGS)),
              answer: fc.constantFrom('coming', 'not-coming', 'bogus'),
              etaMinutes: junk,
              note: junk,
            },
            { requiredKeys: [] },
          ),
        ),
      }),
      trigger: fc.constantFrom('manual', 'automatic', 'bogus'),
    }),
    // A message action's value: the command, the message (HTML) and the dialog's submitted data.
    fc.record(
      {
        commandId: fc.oneof(fc.constantFrom('createSignal', 'startCallOut', 'bogus'), junk),
        commandContext: fc.constantFrom('message', 'compose', 'bogus'),
        messagePayload: fc.oneof(
          fc.record({
            body: fc.record({
              contentType: fc.constantFrom('html', 'text', 'bogus'),
              content: fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string(), junk),
            }),
          }),
          junk,
        ),
        data: fc.oneof(
          junk,
          fc.record(
            { dialogVerb: fc.oneof(fc.constantFrom(...VERBS, 'signal.record'), junk), text: junk },
            { requiredKeys: [] },
          ),
        ),
      },
      { requiredKeys: [] },
    ),
    junk,
  );
  const shaped = fc
    .record({
      serviceUrl,
      type: fc.oneof(
        fc.constantFrom('message', 'invoke', 'conversationUpdate', 'installationUpdate', 'typing', 'event'),
        fc.string(),
      ),
      name: fc.oneof(fc.constantFrom(...INVOKE_NAMES), fc.string()),
      value: invokeValue,
      text: fc.oneof(
        fc.constantFrom('help', 'crisisoproep', 'Help ', ''),
        fc.constantFrom(...HOSTILE_STRINGS),
        fc.string(),
      ),
      locale: fc.oneof(fc.constantFrom('nl-NL', 'en-US'), fc.string()),
      drop: fc.oneof(
        { weight: 3, arbitrary: fc.constant([]) },
        {
          weight: 1,
          arbitrary: fc.subarray([
            'from',
            'recipient',
            'conversation',
            'channelId',
            'id',
            'channelData',
            'timestamp',
          ]),
        },
      ),
      aadObjectId: fc.oneof(
        { weight: 4, arbitrary: fc.uuid() },
        { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
      ),
    })
    .map(({ drop, aadObjectId, ...fields }) => {
      const user = { ...buildTeamsUser(), aadObjectId };
      const activity: Record<string, unknown> = buildTeamsActivity('', { user, ...fields });
      activity.serviceUrl = fields.serviceUrl;
      if (activity.type === 'conversationUpdate')
        activity.membersAdded = [{ id: (activity.recipient as { id: string }).id }];
      for (const key of drop) delete activity[key];
      return { kind: 'json' as const, value: activity };
    });
  return fc.oneof(
    { weight: 8, arbitrary: shaped },
    { weight: 1, arbitrary: junk.map((value) => ({ kind: 'json' as const, value })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('{"type":', '', 'null', '\u0000', '{"type":"message","serviceUrl":"\\u0000"}')
        .map((text) => ({ kind: 'raw' as const, text })),
    },
  );
}

// What a failure report shows: the activity's type, invoke name and verb, never generated text in full.
function summarise(body: Body): string {
  if (body.kind === 'raw') return `raw ${JSON.stringify(body.text.slice(0, 40))}`;
  const activity = (body.value ?? {}) as Record<string, unknown>;
  const action = (activity.value as { action?: { type?: unknown; verb?: unknown } } | undefined)?.action;
  return JSON.stringify({
    type: activity.type,
    name: activity.name,
    action: action?.type,
    verb: action?.verb,
    serviceUrl: JSON.stringify(activity.serviceUrl ?? null).slice(0, 60),
  });
}

function allowedDestinations(): Set<string> {
  const ports = [new URL(server.url).port, new URL(connector.url).port];
  if (process.env.TEST_DATABASE_URL) ports.push(new URL(process.env.TEST_DATABASE_URL).port || '5432');
  return new Set(ports.flatMap((port) => [`127.0.0.1:${port}`, `::1:${port}`, `::ffff:127.0.0.1:${port}`]));
}

beforeAll(async () => {
  [connector, trap] = await Promise.all([startBotConnectorStandIn(), startTrapListener()]);
  server = await startTestServer({ botHandler: composeBotHandler });
  watch = watchOutbound();
});
afterAll(async () => {
  watch?.stop();
  await server?.close();
  await connector?.close();
  await trap?.close();
});

describe(`fuzzing the bot endpoint (${TEST_ENGINE})`, () => {
  it('never answers 5xx, refuses hostile service URLs and connects only where it may', async () => {
    const policy = serviceUrlPolicyFor(server.deps.config);
    const samples = fc.sample(activities(connector.url, trap.port), { numRuns: ACTIVITIES, seed: SEED });
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    const started = performance.now();
    for (const body of samples) {
      const response = await fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: body.kind === 'json' ? JSON.stringify(body.value) : body.text,
        signal: AbortSignal.timeout(20_000),
      });
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const url =
        body.kind === 'json' ? (body.value as { serviceUrl?: unknown } | null)?.serviceUrl : undefined;
      const refusedUrl = url !== undefined && serviceUrlRefusal(url, policy) !== null;
      if (response.status >= 500 || (refusedUrl && response.status !== 400))
        failures.push(`${response.status} for ${summarise(body)}`);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const strays = watch.destinations.filter((where) => !allowedDestinations().has(where));
    console.info(
      `bot fuzz (${TEST_ENGINE}): ${samples.length} activities in ${seconds} s; statuses ` +
        `${JSON.stringify(Object.fromEntries([...statuses].sort()))}; ${failures.length} failures; ` +
        `${watch.destinations.length} outbound connections, ${strays.length} to hosts not allowed; ` +
        `${connector.activities.length} replies to the stand-in`,
    );
    expect(failures.slice(0, 20)).toEqual([]);
    expect(trap.connections).toBe(0);
    expect(strays).toEqual([]);
    // Everything stored is still reachable only through allowed hosts.
    const stored = await server.deps.db.selectFrom('conversation_references').select('service_url').execute();
    expect(stored.filter((row) => serviceUrlRefusal(row.service_url, policy) !== null)).toEqual([]);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  }, 180_000);
});
