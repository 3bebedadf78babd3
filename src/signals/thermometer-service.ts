import type { Kysely } from 'kysely';
import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/index.js';
import type { AccessProfile } from '../identity/access.js';
import { readMeetingMoods } from '../meetings/index.js';
import { readActiveNetworks, readNetworkNeighbourhoods } from '../network/index.js';
import type { Database } from '../platform/db/schema.js';
import { DomainError } from '../platform/errors.js';
import { addDays, daysBetween, startOfLocalDate } from '../platform/time.js';
import { REPORT_MIN_COUNT } from './constants.js';
import { aggregateScope } from './policies.js';
import type { ReportQuery, Sfeerbeeld, Thermometer, ThermometerQuery } from './schemas.js';
import { readThemes } from './signal-store.js';
import { averageMood, bucketsBetween, moodTrendOf, pressureOf, suppressed, trendOf } from './thermometer.js';
import { countSignals } from './thermometer-store.js';

type Db = Kysely<Database>;

/** Longest period the thermometer and the report answer for: three years and a bit. */
export const MAX_PERIOD_DAYS = 1100;

function checkPeriod(from: string, to: string): void {
  if (to < from)
    throw new DomainError('validation-failed', 'The period ends before it starts.', [
      { field: 'query.to', code: 'before_start', message: 'must not be before from' },
    ]);
  if (daysBetween(from, to) > MAX_PERIOD_DAYS)
    throw new DomainError('validation-failed', 'The period is too long.', [
      {
        field: 'query.to',
        code: 'range_too_long',
        max: MAX_PERIOD_DAYS,
        message: `at most ${MAX_PERIOD_DAYS} days`,
      },
    ]);
}

/** The networks in scope with their wijken; one network when asked (404 outside the caller's scope). */
async function scopeOf(db: Db, access: AccessProfile, networkId: string | undefined) {
  const all = await readActiveNetworks(db);
  let ids = aggregateScope(
    access,
    all.map((n) => n.id),
  );
  if (networkId) {
    if (!ids.includes(networkId)) throw new DomainError('not-found', 'No network with this id exists.');
    ids = [networkId];
  }
  const networks = all.filter((n) => ids.includes(n.id));
  const wijkNetworks = new Map<string, { name: string; networkIds: string[] }>();
  for (const network of networks) {
    const wijken = await readNetworkNeighbourhoods(db, {
      id: network.areaId,
      name: network.areaName,
      kind: network.areaKind,
    });
    for (const wijk of wijken) {
      const entry = wijkNetworks.get(wijk.id) ?? { name: wijk.name, networkIds: [] };
      entry.networkIds.push(network.id);
      wijkNetworks.set(wijk.id, entry);
    }
  }
  return { networkIds: ids, wijkNetworks };
}

/** The numbers behind the thermometer and the report, audited by the caller. */
async function gather(db: Db, access: AccessProfile, query: ThermometerQuery) {
  checkPeriod(query.from, query.to);
  const scope = await scopeOf(db, access, query.networkId);
  const counts = await countSignals(db, {
    networkIds: scope.networkIds,
    fromInstant: new Date(startOfLocalDate(query.from)),
    untilInstant: new Date(startOfLocalDate(addDays(query.to, 1))),
    grain: query.grain,
    wijkId: query.wijkId,
    theme: query.theme,
  });
  const moods = await readMeetingMoods(db, {
    networkIds: scope.networkIds,
    from: query.from,
    to: query.to,
    grain: query.grain,
  });
  return { scope, counts: counts.filter((c) => scope.wijkNetworks.has(c.wijkId)), moods };
}

/**
 * The thermometer: per wijk × theme and week or month, signals (count, urgency, pressure) with a trend, and
 * per wijk the recorded meeting mood of the networks covering it. Counts only, no names (audited).
 */
export async function readThermometer(
  db: Db,
  origin: AuditOrigin,
  access: AccessProfile,
  query: ThermometerQuery,
  now: Date,
): Promise<Thermometer> {
  const { scope, counts, moods } = await gather(db, access, query);
  const buckets = bucketsBetween(query.from, query.to, query.grain);
  const wijkIds = [...scope.wijkNetworks.keys()].filter((id) => !query.wijkId || id === query.wijkId);
  const cells = new Map<string, Map<string, (typeof counts)[number]>>();
  for (const c of counts) {
    const key = `${c.wijkId}|${c.theme}`;
    const byBucket = cells.get(key) ?? new Map();
    byBucket.set(c.bucket, c);
    cells.set(key, byBucket);
  }
  const series = [...cells.entries()]
    .map(([key, byBucket]) => {
      const [wijkId, theme] = key.split('|') as [string, string];
      const points = buckets.map((bucket) => {
        const c = byBucket.get(bucket);
        const cell = { signals: c?.signals ?? 0, urgent: c?.urgent ?? 0, attention: c?.attention ?? 0 };
        return { bucket, ...cell, pressure: pressureOf(cell) };
      });
      return {
        wijkId,
        theme,
        points,
        total: points.reduce((sum, p) => sum + p.signals, 0),
        trend: trendOf(points.map((p) => p.signals)),
      };
    })
    .sort((a, b) => b.total - a.total || a.theme.localeCompare(b.theme));
  const mood = wijkIds.map((wijkId) => {
    const networkIds = scope.wijkNetworks.get(wijkId)?.networkIds ?? [];
    const points = buckets.map((bucket) => {
      const rows = moods.filter((m) => m.bucket === bucket && networkIds.includes(m.networkId));
      const sum = rows.reduce((s, r) => s + r.moodSum, 0);
      const count = rows.reduce((s, r) => s + r.moodCount, 0);
      return { bucket, meetings: rows.reduce((s, r) => s + r.meetings, 0), mood: averageMood(sum, count) };
    });
    return { wijkId, points, trend: moodTrendOf(points.map((p) => p.mood)) };
  });
  await appendAuditEvent(
    db,
    auditEvent(
      origin,
      'signal.thermometer',
      query.networkId ? { type: 'network', id: query.networkId } : null,
    ),
    now,
  );
  return {
    from: query.from,
    to: query.to,
    grain: query.grain,
    buckets,
    wijken: wijkIds
      .map((id) => ({ id, name: scope.wijkNetworks.get(id)?.name ?? '—' }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    series,
    mood,
  };
}

/**
 * The sfeerbeeld for the crisis organisation, kerngroep and driehoek: per wijk and theme over the period,
 * counts only; a cell with fewer than {@link REPORT_MIN_COUNT} signals shows no number (nor its urgent
 * count or trend), so no single ally or incident can be recognised. Audited (`signal.report`).
 */
export async function readSfeerbeeld(
  db: Db,
  origin: AuditOrigin,
  access: AccessProfile,
  query: ReportQuery,
  now: Date,
  action: 'signal.report' | 'signal.report-pdf' = 'signal.report',
): Promise<Sfeerbeeld> {
  const { scope, counts, moods } = await gather(db, access, { ...query, grain: 'month' });
  const themeLabels = new Map((await readThemes(db)).map((t) => [t.code, t]));
  const buckets = bucketsBetween(query.from, query.to, 'month');
  const byCell = new Map<string, { signals: number; urgent: number; perBucket: Map<string, number> }>();
  for (const c of counts) {
    const key = `${c.wijkId}|${c.theme}`;
    const cell = byCell.get(key) ?? { signals: 0, urgent: 0, perBucket: new Map() };
    cell.signals += c.signals;
    cell.urgent += c.urgent;
    cell.perBucket.set(c.bucket, (cell.perBucket.get(c.bucket) ?? 0) + c.signals);
    byCell.set(key, cell);
  }
  const lang = query.lang ?? 'nl';
  const cells = [...byCell.entries()].map(([key, cell]) => {
    const [wijkId, theme] = key.split('|') as [string, string];
    const shown = suppressed(cell.signals);
    const label = themeLabels.get(theme);
    return {
      wijk: scope.wijkNetworks.get(wijkId)?.name ?? '—',
      theme: label ? (lang === 'en' ? label.labelEn : label.labelNl) : theme,
      signals: shown,
      urgent: shown === null ? null : cell.urgent,
      trend: shown === null ? null : trendOf(buckets.map((b) => cell.perBucket.get(b) ?? 0)),
    };
  });
  cells.sort((a, b) => a.wijk.localeCompare(b.wijk, 'nl') || a.theme.localeCompare(b.theme, 'nl'));
  const mood = [...scope.wijkNetworks.entries()]
    .map(([, wijk]) => {
      const rows = moods.filter((m) => wijk.networkIds.includes(m.networkId));
      return {
        wijk: wijk.name,
        meetings: rows.reduce((s, r) => s + r.meetings, 0),
        mood: averageMood(
          rows.reduce((s, r) => s + r.moodSum, 0),
          rows.reduce((s, r) => s + r.moodCount, 0),
        ),
      };
    })
    .sort((a, b) => a.wijk.localeCompare(b.wijk, 'nl'));
  await appendAuditEvent(
    db,
    auditEvent(origin, action, query.networkId ? { type: 'network', id: query.networkId } : null),
    now,
  );
  return {
    from: query.from,
    to: query.to,
    minCount: REPORT_MIN_COUNT,
    networks: scope.networkIds.length,
    // Distinct signals are not counted per cell (a signal may sit in several); the total is the cells' sum.
    totalSignals: cells.reduce((s, c) => s + (c.signals ?? 0), 0),
    cells,
    suppressedCells: cells.filter((c) => c.signals === null).length,
    mood,
  };
}
