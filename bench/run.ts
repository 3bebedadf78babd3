import { relative } from 'node:path';
import { parseBenchArgs, USAGE } from './lib/args.js';
import { cleanUpOnSignals } from './lib/cleanup.js';
import { leftoverBenchDatabases } from './lib/database.js';
import { collectMachineFacts } from './lib/machine.js';
import { formatMachineLine, formatSuiteResult } from './lib/report.js';
import { writeRunRecord } from './lib/results-file.js';
import { stopBenchServer } from './lib/server.js';
import type { BenchOptions, Suite, SuiteResult } from './lib/types.js';
import { SUITES } from './suites/index.js';

async function runSuite(suite: Suite, options: BenchOptions): Promise<SuiteResult> {
  const started = performance.now();
  const base = { name: suite.name, columns: [], rows: [], ratios: [], facts: {} };
  try {
    const outcome = await suite.run(options);
    return { ...base, ...outcome, durationMs: performance.now() - started };
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { ...base, status: 'failed', message, durationMs: performance.now() - started };
  }
}

function printFailures(results: SuiteResult[]): void {
  const failed = results.filter((result) => result.status === 'failed');
  if (failed.length === 0) return;
  const bar = '!'.repeat(72);
  const lines = failed.map((result) => `FAILED ${result.name}: ${result.message?.split('\n')[0] ?? ''}`);
  process.stderr.write(`\n${bar}\n${lines.join('\n')}\n${bar}\n`);
}

async function warnAboutLeftovers(): Promise<void> {
  const names = await leftoverBenchDatabases();
  if (names.length === 0) return;
  const drops = names.map((name) => `drop database ${name};`).join(' ');
  process.stderr.write(
    `note: ${names.length} bench database(s) left by killed runs; to remove: ${drops}\n\n`,
  );
}

async function main(): Promise<number> {
  const command = parseBenchArgs(
    process.argv.slice(2),
    SUITES.map((suite) => suite.name),
  );
  if (command.kind !== 'run') {
    const suites = SUITES.map((suite) => `  ${suite.name.padEnd(14)} ${suite.summary}`).join('\n');
    const text = `${USAGE}\n\nSuites:\n${suites}\n`;
    if (command.kind === 'error') process.stderr.write(`bench: ${command.message}\n\n${text}`);
    else process.stdout.write(text);
    return command.kind === 'error' ? 2 : 0;
  }
  cleanUpOnSignals();
  const startedAt = new Date().toISOString();
  const machine = await collectMachineFacts();
  process.stdout.write(`${formatMachineLine(machine, command.options.quick)}\n\n`);
  await warnAboutLeftovers();
  const results: SuiteResult[] = [];
  try {
    for (const suite of SUITES.filter((candidate) => command.suiteNames.includes(candidate.name))) {
      process.stdout.write(`running ${suite.name}: ${suite.summary}…\n`);
      const result = await runSuite(suite, command.options);
      results.push(result);
      process.stdout.write(`${formatSuiteResult(result)}\n\n`);
    }
  } finally {
    await stopBenchServer();
  }
  const record = { startedAt, finishedAt: new Date().toISOString(), options: command.options, machine };
  const path = await writeRunRecord({ ...record, suites: results });
  process.stdout.write(`results: ${relative(process.cwd(), path)}\n`);
  printFailures(results);
  return results.some((result) => result.status === 'failed') ? 1 : 0;
}

/*
 * Exit explicitly: a suite that failed half-way may leave a worker thread, socket or timer alive, and the
 * process then never ended on its own (once hung ~15 min after a failed call-out-polling run). Whatever is
 * left is of no use once the results are written.
 */
const code = await main().catch((error: unknown) => {
  process.stderr.write(
    `bench: FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return 1;
});
if (code !== 0) process.stderr.write(`bench: exiting with code ${code}\n`);
process.exit(code);
