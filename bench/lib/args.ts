import type { BenchOptions } from './types.js';

/** What the command line asks for: run suites, print help, or a usage error to report. */
export type BenchCommand =
  | { kind: 'run'; suiteNames: string[]; options: BenchOptions }
  | { kind: 'help' }
  | { kind: 'error'; message: string };

/** How to call the bench; printed for `--help` and after a usage error. */
export const USAGE = [
  'Usage: npm run bench -- [suite ...] [--quick] [--duration=<seconds>] [--appends=<count>]',
  '',
  '  suite            run only these suites (default: all)',
  '  --quick          a short smoke run (~30 s in all)',
  '  --duration=<s>   seconds of measured load per endpoint (api-read)',
  '  --appends=<n>    concurrent appends per round (audit-append)',
  '  --help, --list   this text and the suites',
].join('\n');

function positiveInteger(flag: string, text: string): number | string {
  const value = Number(text);
  return Number.isInteger(value) && value > 0
    ? value
    : `${flag} must be a whole number above 0, not "${text}"`;
}

/** Parses the arguments after `npm run bench --`; pure, so it is tested without running anything. */
export function parseBenchArgs(argv: readonly string[], knownSuites: readonly string[]): BenchCommand {
  const options: BenchOptions = { quick: false };
  const suiteNames: string[] = [];
  for (const arg of argv) {
    const [flag = '', value] = arg.split('=', 2);
    if (flag === '--help' || flag === '-h' || flag === '--list') return { kind: 'help' };
    if (flag === '--quick') options.quick = true;
    else if (flag === '--duration' || flag === '--appends') {
      const parsed = positiveInteger(flag, value ?? '');
      if (typeof parsed === 'string') return { kind: 'error', message: parsed };
      if (flag === '--duration') options.durationSeconds = parsed;
      else options.appends = parsed;
    } else if (arg.startsWith('-')) return { kind: 'error', message: `unknown option ${arg}` };
    else if (!knownSuites.includes(arg))
      return { kind: 'error', message: `unknown suite "${arg}"; known: ${knownSuites.join(', ')}` };
    else if (!suiteNames.includes(arg)) suiteNames.push(arg);
  }
  return { kind: 'run', suiteNames: suiteNames.length > 0 ? suiteNames : [...knownSuites], options };
}
