import { type FormEvent, useState } from 'react';
import type { ThermometerFilter } from '../api/signal-endpoints.js';

/**
 * The filter of the thermometer and the sfeerbeeld, one hook for both: what the form shows (`draft`), what was
 * asked for (`applied`), and the address bar. "Tonen" writes the applied filter into the query string (replacing
 * the history entry), so a reload, a shared link and the thermometer's link to the sfeerbeeld keep the period.
 * The query keys are Dutch like the paths, and never `theme`, which names the tab's colour theme.
 */

/** The query-string key of each filter field. */
export const FILTER_KEYS = {
  from: 'van',
  to: 'tot',
  grain: 'per',
  networkId: 'netwerk',
  wijkId: 'wijk',
  theme: 'thema',
} as const satisfies Record<keyof ThermometerFilter, string>;

export type FilterField = keyof ThermometerFilter;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const THEME_CODE = /^[a-z][a-z0-9-]{1,39}$/;

/** Twelve months back to today (Europe/Amsterdam), per month. */
export function defaultFilter(now = new Date()): ThermometerFilter {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);
  const [y, m] = today.split('-').map(Number) as [number, number];
  const from = `${m === 12 ? y : y - 1}-${String((m % 12) + 1).padStart(2, '0')}-01`;
  return { from, to: today, grain: 'month' };
}

/**
 * The filter a query string names, for the fields a page uses; anything missing or malformed falls back to the
 * default (the server checks the rest, e.g. `to` before `from`, and answers with field errors).
 */
export function filterFromSearch(
  search: string,
  fields: readonly FilterField[],
  now = new Date(),
): ThermometerFilter {
  const params = new URLSearchParams(search);
  const filter = defaultFilter(now);
  const value = (field: FilterField) => (fields.includes(field) ? params.get(FILTER_KEYS[field]) : null);
  const from = value('from');
  const to = value('to');
  const grain = value('grain');
  const networkId = value('networkId');
  const wijkId = value('wijkId');
  const theme = value('theme');
  if (from && DATE.test(from)) filter.from = from;
  if (to && DATE.test(to)) filter.to = to;
  if (grain === 'week' || grain === 'month') filter.grain = grain;
  if (networkId && UUID.test(networkId)) filter.networkId = networkId.toLowerCase();
  if (wijkId && UUID.test(wijkId)) filter.wijkId = wijkId.toLowerCase();
  if (theme && THEME_CODE.test(theme)) filter.theme = theme;
  return filter;
}

/** The query string with the filter's fields set (empty ones removed) and every other parameter kept. */
export function searchWithFilter(
  search: string,
  filter: ThermometerFilter,
  fields: readonly FilterField[],
): string {
  const params = new URLSearchParams(search);
  for (const field of fields) {
    const value = filter[field];
    if (value) params.set(FILTER_KEYS[field], value);
    else params.delete(FILTER_KEYS[field]);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The filter state of a page using `fields`, read from and written to the address bar. */
export function useSignalFilter(fields: readonly FilterField[]) {
  const [applied, setApplied] = useState(() => filterFromSearch(window.location.search, fields));
  const [draft, setDraft] = useState(applied);
  const update = (change: Partial<ThermometerFilter>) => setDraft((current) => ({ ...current, ...change }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = { ...draft };
    const search = searchWithFilter(window.location.search, next, fields);
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}`);
    setApplied(next);
  };
  return { draft, update, applied, submit };
}
