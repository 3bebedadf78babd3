import type { AuditOrigin } from '../../src/audit/audit-origin.js';
import { loadAccessProfile, readNetworkStaff } from '../../src/identity/index.js';
import { readActiveNetworks, readNetwork, readNetworkNeighbourhoods } from '../../src/network/index.js';
import { transaction } from '../../src/platform/db/transaction.js';
import { addDays, localDate } from '../../src/platform/time.js';
import { SIGNAL_URGENCIES } from '../../src/signals/constants.js';
import { insertSignal, readSignal, readThemes } from '../../src/signals/signal-store.js';
import { readThermometer } from '../../src/signals/thermometer-service.js';
import { BENCH_ENGINE, createBenchDatabase } from '../lib/database.js';
import { median, percentile, ratio, sortedCopy } from '../lib/stats.js';
import type { BenchOptions, Column, MeasurementRow, Suite, SuiteOutcome } from '../lib/types.js';

const SIGNALS = 20_000;
const DAYS = 3 * 365;
const COLUMNS: Column[] = [
  { key: 'median', title: 'median ms', digits: 2 },
  { key: 'p95', title: 'p95 ms', digits: 2 },
  { key: 'max', title: 'max ms', digits: 2 },
];

/** mulberry32: the same fictional signals every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function row(role: MeasurementRow['role'], label: string, times: number[]): MeasurementRow {
  const sorted = sortedCopy(times);
  return {
    role,
    label,
    values: {
      median: median(times),
      p95: percentile(sorted, 95),
      max: sorted[sorted.length - 1] ?? Number.NaN,
    },
  };
}

/**
 * The thermometer of a whole municipality (an administrator's view: every network, three years per month) over
 * 20,000 fictional signals, against one indexed read of a signal by its key in the same database and run.
 */
export const signalThermometer: Suite = {
  name: 'signal-thermometer',
  summary:
    'GET /thermometer over 20,000 signals in 3 years (every network, per month) vs one signal read by key',
  async run(options: BenchOptions): Promise<SuiteOutcome> {
    const rounds = options.quick ? 5 : 20;
    const handle = await createBenchDatabase({ seed: true });
    try {
      const db = handle.db;
      const now = new Date();
      const networks: { id: string; wijken: { id: string; name: string }[]; owner: string }[] = [];
      for (const summary of await readActiveNetworks(db)) {
        const network = await readNetwork(db, summary.id);
        if (!network) continue;
        const wijken = await readNetworkNeighbourhoods(db, network.area);
        const staff = await readNetworkStaff(db, network.id);
        if (wijken.length > 0 && staff[0]) networks.push({ id: network.id, wijken, owner: staff[0].userId });
      }
      const themes = (await readThemes(db)).map((t) => t.code);
      const random = seededRandom(2026_12_05);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
      let lastId = '';
      let lastNetwork = '';
      const batch = 500;
      for (let done = 0; done < SIGNALS; done += batch) {
        await transaction(db, async (tx) => {
          for (let i = 0; i < batch; i++) {
            const network = pick(networks);
            const receivedAt = new Date(now.getTime() - Math.floor(random() * DAYS * 86_400_000));
            lastNetwork = network.id;
            lastId = await insertSignal(
              tx,
              {
                networkId: network.id,
                receivedAt,
                receivedBy: network.owner,
                personId: null,
                channel: 'phone',
                urgency: pick(SIGNAL_URGENCIES),
                wijkIds: [pick(network.wijken).id],
                communityIds: [],
                themes: random() < 0.2 ? [pick(themes), pick(themes)] : [pick(themes)],
                body: 'Fictief bench-signaal',
                assessment: null,
                createdBy: network.owner,
                createdAt: receivedAt,
              },
              addDays(localDate(receivedAt), 14),
            );
          }
        });
      }
      const admin = await db.selectFrom('administrators').select('user_id').executeTakeFirstOrThrow();
      const access = await loadAccessProfile(db, admin.user_id);
      const origin: AuditOrigin = {
        actorUserId: admin.user_id,
        channel: 'api',
        clientAddress: null,
        requestId: null,
      };
      const query = {
        from: addDays(localDate(now), -DAYS),
        to: localDate(now),
        grain: 'month' as const,
      };
      const thermometer: number[] = [];
      const indexed: number[] = [];
      let series = 0;
      await readThermometer(db, origin, access, query, now);
      await readSignal(db, lastNetwork, lastId);
      for (let round = 0; round < rounds; round++) {
        let started = performance.now();
        const result = await readThermometer(db, origin, access, query, now);
        thermometer.push(performance.now() - started);
        series = result.series.length;
        started = performance.now();
        await readSignal(db, lastNetwork, lastId);
        indexed.push(performance.now() - started);
      }
      const rows = [
        row('baseline', 'one signal read by its key (indexed)', indexed),
        row(
          'subject',
          `thermometer, ${networks.length} networks, 3 years per month (service, audited)`,
          thermometer,
        ),
      ];
      return {
        status: 'ok',
        columns: COLUMNS,
        rows,
        ratios: [
          {
            label: 'thermometer ÷ one indexed read (median ms)',
            value: ratio(rows[1]?.values.median ?? Number.NaN, rows[0]?.values.median ?? Number.NaN),
            better: 'lower',
          },
        ],
        facts: { engine: BENCH_ENGINE, signals: SIGNALS, rounds, 'wijk × theme series': series },
      };
    } finally {
      await handle.close();
    }
  },
};
