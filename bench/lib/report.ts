import type { MachineFacts } from './machine.js';
import { meetsGoal } from './stats.js';
import { formatNumber, formatTable } from './table.js';
import type { Ratio, SuiteResult } from './types.js';

function goalText(entry: Ratio): string {
  const verdict = meetsGoal(entry.value, entry.goal);
  if (verdict === null || !entry.goal) return '';
  const bound =
    entry.goal.atLeast !== undefined ? `≥ ${entry.goal.atLeast}` : `≤ ${entry.goal.atMost ?? Number.NaN}`;
  return `  (goal ${bound}: ${verdict ? 'met' : 'NOT MET'})`;
}

/** One line per ratio, with the direction that is good and the goal's verdict. */
export function formatRatios(ratios: readonly Ratio[]): string[] {
  return ratios.map(
    (entry) =>
      `  ${entry.label} = ${formatNumber(entry.value, 2)}  [${entry.better} is better]${goalText(entry)}`,
  );
}

/** A suite's result as readable text: heading, table, ratios, facts. */
export function formatSuiteResult(result: SuiteResult): string {
  const heading = `== ${result.name} (${result.status}, ${formatNumber(result.durationMs / 1000, 1)} s) ==`;
  const lines = [heading];
  if (result.message) lines.push(`${result.status === 'ok' ? 'note' : result.status}: ${result.message}`);
  if (result.rows.length > 0) {
    const headers = ['role', 'measurement', ...result.columns.map((column) => column.title)];
    const rows = result.rows.map((row) => [
      row.role,
      row.label,
      ...result.columns.map((column) => formatNumber(row.values[column.key] ?? Number.NaN, column.digits)),
    ]);
    lines.push(formatTable(headers, rows));
  }
  if (result.ratios.length > 0) lines.push('ratios (subject ÷ baseline):', ...formatRatios(result.ratios));
  const facts = Object.entries(result.facts).map(([key, value]) => `${key}: ${value}`);
  if (facts.length > 0) lines.push(`facts: ${facts.join('; ')}`);
  return lines.join('\n');
}

/** The run's first line: what the figures below were measured on. */
export function formatMachineLine(machine: MachineFacts, quick: boolean): string {
  const cpu = `${machine.cpuCount} × ${machine.cpuModel}`;
  const code = `${machine.gitCommit}${machine.gitDirty ? ' + uncommitted changes' : ''}`;
  return `bench on ${machine.engine} ${machine.engineVersion}, node ${machine.node}, ${cpu}, load ${machine.loadAverageAtStart}, code ${code}${quick ? ', quick' : ''}`;
}
