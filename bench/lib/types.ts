/** How the run was asked for: `--quick` shortens every suite; the other fields override one suite's default. */
export interface BenchOptions {
  quick: boolean;
  /** Seconds of measured load per endpoint (api-read). */
  durationSeconds?: number;
  /** Concurrent appends per round (audit-append). */
  appends?: number;
}

/** Whether a row is the yardstick measured in the same run or the thing being measured against it. */
export type RowRole = 'baseline' | 'subject';

/** One measured thing, e.g. an endpoint under load; `values` are keyed by {@link Column.key}. */
export interface MeasurementRow {
  role: RowRole;
  label: string;
  values: Record<string, number>;
}

/** A column of a suite's table: which value, its heading, and how many decimals to print. */
export interface Column {
  key: string;
  title: string;
  digits?: number;
}

/** A subject ÷ baseline ratio; `better` says which direction is good, `goal` is reported, never asserted. */
export interface Ratio {
  label: string;
  value: number;
  better: 'higher' | 'lower';
  goal?: { atLeast?: number; atMost?: number };
}

/** What a suite hands back: its table, its ratios, and facts worth keeping next to the figures. */
export interface SuiteOutcome {
  status: 'ok' | 'skipped' | 'failed';
  /** Why a suite was skipped or failed, or a remark worth printing. */
  message?: string;
  columns: Column[];
  rows: MeasurementRow[];
  ratios: Ratio[];
  facts: Record<string, string | number>;
}

/** A suite's outcome as the runner records it. */
export interface SuiteResult extends SuiteOutcome {
  name: string;
  durationMs: number;
}

/** A benchmark: measures a subject and a baseline in the same run. */
export interface Suite {
  name: string;
  /** One line: what is measured against what. */
  summary: string;
  run(options: BenchOptions): Promise<SuiteOutcome>;
}
