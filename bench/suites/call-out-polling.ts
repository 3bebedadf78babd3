import { CLIENT_HEADER } from '../../src/platform/http/api-router.js';
import { startThreadedConnector } from '../../tests/call-outs/connector-thread.js';
import { addLargeNetwork } from '../../tests/call-outs/fixtures.js';
import { bootPages, type Pages, type PollResult, type PollStart } from '../lib/poll.js';
import { benchServer } from '../lib/server.js';
import { signInLocallyAs } from '../lib/sign-in.js';
import { percentile, ratio, sortedCopy } from '../lib/stats.js';
import type { BenchOptions, Column, MeasurementRow, Suite, SuiteOutcome } from '../lib/types.js';
import { conversationsOf, type Figures, figures, subjectFanOut, THROTTLED_SHARE } from './call-out-fanout.js';

/** The tab's polling interval (src/call-outs/tab/components/use-live-call-out.ts). */
const PERIOD_MS = 5_000;

const COLUMNS: Column[] = [
  { key: 'polls', title: 'stamp polls' },
  { key: 'pollRate', title: 'polls/s', digits: 1 },
  { key: 'p50', title: 'stamp p50 ms', digits: 1 },
  { key: 'p95', title: 'stamp p95 ms', digits: 1 },
  { key: 'p99', title: 'stamp p99 ms', digits: 1 },
  { key: 'max', title: 'stamp max ms', digits: 0 },
  { key: 'failed', title: 'non-200' },
  { key: 'skipped', title: 'late turns' },
  { key: 'rereads', title: 're-reads' },
  { key: 'rereadP95', title: 're-read p95 ms', digits: 0 },
  { key: 'ofAllowed', title: 'fan-out ÷ 50/s', digits: 3 },
  { key: 'lost', title: 'lost' },
  { key: 'duplicates', title: 'duplicates' },
];

const NONE = Number.NaN;

function pollValues(result: PollResult | null, seconds: number) {
  if (!result)
    return {
      polls: NONE,
      pollRate: NONE,
      p50: NONE,
      p95: NONE,
      p99: NONE,
      max: NONE,
      failed: NONE,
      skipped: NONE,
      rereads: NONE,
      rereadP95: NONE,
    };
  const stamps = sortedCopy(result.stamps.map(([, ms]) => ms));
  const rereads = sortedCopy(result.rereads.map(([, ms]) => ms));
  return {
    polls: stamps.length,
    pollRate: stamps.length / seconds,
    p50: percentile(stamps, 50),
    p95: percentile(stamps, 95),
    p99: percentile(stamps, 99),
    max: stamps.length > 0 ? (stamps[stamps.length - 1] as number) : NONE,
    failed: [...result.stamps, ...result.rereads].filter(([, , status]) => status !== 200).length,
    skipped: result.skipped,
    rereads: rereads.length,
    rereadP95: rereads.length > 0 ? percentile(rereads, 95) : NONE,
  };
}

function fanOutValues(fanOut: Figures | null) {
  return fanOut
    ? { ofAllowed: fanOut.ofAllowed, lost: fanOut.lost, duplicates: fanOut.duplicates }
    : { ofAllowed: NONE, lost: NONE, duplicates: NONE };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Signs every page's staff member in, a few at a time; one `Cookie` header per page. */
async function sessionsOf(baseUrl: string, userIds: readonly string[]): Promise<string[]> {
  const cookies: string[] = [];
  for (let i = 0; i < userIds.length; i += 10) {
    const batch = await Promise.all(userIds.slice(i, i + 10).map((id) => signInLocallyAs(baseUrl, id)));
    cookies.push(...batch.map((c) => `${c.name}=${c.value}`));
  }
  return cookies;
}

/**
 * N open call-out pages (one per recipient, signed in as that recipient) polling the change stamp every 5 s
 * during a fan-out of the same call-out to those N recipients at Teams' rate; against each alone.
 */
export const callOutPolling: Suite = {
  name: 'call-out-polling',
  summary:
    'N open call-out pages polling the change stamp every 5 s during an N-recipient fan-out, vs each alone',
  async run(options: BenchOptions): Promise<SuiteOutcome> {
    const recipients = options.quick ? 200 : 1_000;
    const idleSeconds = options.quick ? 10 : 30;
    const server = await benchServer();
    const { db } = server.database;
    const connector = await startThreadedConnector({ seed: 20_261_206 });
    // Every pages worker booted, closed in `finally`: after a failure a live worker kept the bench from exiting.
    const booted: Pages[] = [];
    const boot = () => {
      const pages = bootPages();
      booted.push(pages);
      return pages;
    };
    try {
      const network = await addLargeNetwork(db, recipients, connector.url);
      const conversations = await conversationsOf(db, network.userIds);
      const cookies = await sessionsOf(server.url, network.userIds);
      const pagesOn = (callOutId: string, reread: boolean): PollStart => ({
        baseUrl: server.url,
        callOutId,
        cookies,
        headers: { [CLIENT_HEADER]: 'tab' },
        periodMs: PERIOD_MS,
        reread,
      });
      const inject = () =>
        connector.addFailure({ status: 429, retryAfterSeconds: 1, kinds: ['send'], share: THROTTLED_SHARE });
      const fanOut = async (pages: Pages | null, reread: boolean) => {
        await connector.clear();
        // Let the stand-in's one-second windows empty before the next fan-out starts.
        await sleep(1_100);
        await inject();
        let callOutId = '';
        const startedAt = await subjectFanOut(db, network.coordinatorId, network.wijkId, (id) => {
          callOutId = id;
          pages?.start(pagesOn(id, reread));
        });
        const seconds = (performance.timeOrigin + performance.now() - startedAt) / 1000;
        const polled = pages ? await pages.stop() : null;
        return {
          callOutId,
          seconds,
          polled,
          fanOut: figures(await connector.requests(), conversations, startedAt),
        };
      };

      // Baseline 1: the fan-out with nobody watching.
      const alone = await fanOut(null, false);
      // Baseline 2: the pages polling a settled call-out of as many deliveries, nothing else going on.
      const idlePages = boot();
      await sleep(1_000);
      idlePages.start(pagesOn(alone.callOutId, false));
      await sleep(idleSeconds * 1_000);
      const idle = await idlePages.stop();
      // Subject: the pages open on the call-out the moment it exists and poll it through the fan-out.
      const stampsOnly = await fanOut(boot(), false);
      // And as the tab really does: a page reads the call-out again (audited) when the stamp changed.
      const withRereads = await fanOut(boot(), true);

      const rows: MeasurementRow[] = [
        {
          role: 'baseline',
          label: 'fan-out alone',
          values: { ...pollValues(null, 1), ...fanOutValues(alone.fanOut) },
        },
        {
          role: 'baseline',
          label: 'pages polling a settled call-out',
          values: { ...pollValues(idle, idleSeconds), ...fanOutValues(null) },
        },
        {
          role: 'subject',
          label: 'pages polling the stamp during the fan-out',
          values: {
            ...pollValues(stampsOnly.polled, stampsOnly.seconds),
            ...fanOutValues(stampsOnly.fanOut),
          },
        },
        {
          role: 'subject',
          label: 'the same, re-reading the call-out on a new stamp (as the tab)',
          values: {
            ...pollValues(withRereads.polled, withRereads.seconds),
            ...fanOutValues(withRereads.fanOut),
          },
        },
      ];
      const during = pollValues(stampsOnly.polled, stampsOnly.seconds);
      const idleValues = pollValues(idle, idleSeconds);
      const rereading = pollValues(withRereads.polled, withRereads.seconds);
      const runs = [alone, stampsOnly, withRereads];
      const ok = runs.every((run) => run.fanOut.lost === 0 && run.fanOut.duplicates === 0);
      return {
        status: ok ? 'ok' : 'failed',
        message: ok
          ? `${recipients} pages, one per recipient, each polling every ${PERIOD_MS / 1000} s on its own turn`
          : `LOST or DUPLICATE cards: ${runs.map((run) => `${run.fanOut.lost}/${run.fanOut.duplicates}`).join(', ')}`,
        columns: COLUMNS,
        rows,
        ratios: [
          {
            label: 'change stamp p95 during the fan-out (ms)',
            value: during.p95,
            better: 'lower',
            goal: { atMost: 50 },
          },
          {
            label: 'fan-out with pages polling: achieved ÷ allowed rate (÷ 50/s)',
            value: stampsOnly.fanOut.ofAllowed,
            better: 'higher',
            goal: { atLeast: 0.97 },
          },
          {
            label: 'change stamp p95: during ÷ idle',
            value: ratio(during.p95, idleValues.p95),
            better: 'lower',
          },
          {
            label: 'fan-out rate: with pages ÷ alone',
            value: ratio(stampsOnly.fanOut.rate, alone.fanOut.rate),
            better: 'higher',
          },
          {
            label: 'as the tab (re-reads): change stamp p95 (ms)',
            value: rereading.p95,
            better: 'lower',
            goal: { atMost: 50 },
          },
          {
            label: 'as the tab (re-reads): achieved ÷ allowed rate',
            value: withRereads.fanOut.ofAllowed,
            better: 'higher',
            goal: { atLeast: 0.97 },
          },
        ],
        facts: {
          recipients,
          pages: cookies.length,
          periodMs: PERIOD_MS,
          idleSeconds,
          fanOutAloneSeconds: Number(alone.seconds.toFixed(1)),
          fanOutWithPagesSeconds: Number(stampsOnly.seconds.toFixed(1)),
        },
      };
    } finally {
      await Promise.all(booted.map((pages) => pages.close()));
      await connector.close();
    }
  },
};
