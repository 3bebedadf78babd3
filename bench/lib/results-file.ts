import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '../../src/platform/project-root.js';
import type { MachineFacts } from './machine.js';
import type { BenchOptions, SuiteResult } from './types.js';

/** Everything one run measured, as written to `bench/results/<timestamp>.json`. */
export interface RunRecord {
  startedAt: string;
  finishedAt: string;
  options: BenchOptions;
  machine: MachineFacts;
  suites: SuiteResult[];
}

/** A file name that sorts by time and is valid everywhere: `2026-01-02T03-04-05-678Z`. */
export function timestampName(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

// JSON has no NaN: a ratio without a baseline is written as null rather than silently as 0.
function replaceNonFinite(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

/** Writes the record under bench/results (git-ignored) and returns the file's path. */
export async function writeRunRecord(record: RunRecord): Promise<string> {
  const folder = join(projectRoot(), 'bench', 'results');
  await mkdir(folder, { recursive: true });
  const suffix = record.options.quick ? '-quick' : '';
  const path = join(folder, `${timestampName(new Date(record.startedAt))}${suffix}.json`);
  await writeFile(path, `${JSON.stringify(record, replaceNonFinite, 2)}\n`);
  return path;
}
