import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** What a fan-out in a paused process left behind: its recipients' conversations and when it started. */
export interface PressureRun {
  conversations: string[];
  startedAt: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs a whole fan-out (database, worker, call-out) in a child process and pauses it `pauseMs` of every
 * `periodMs` with SIGSTOP/SIGCONT, as a crowded machine would, until `done()` or `timeoutMs`. The database
 * is the bench's engine: PostgreSQL when `adminUrl` is given (not paused), else PGlite inside the child.
 */
export async function pressedFanOut(options: {
  connectorUrl: string;
  recipients: number;
  adminUrl?: string;
  pauseMs: number;
  periodMs: number;
  timeoutMs: number;
  done: () => Promise<boolean>;
}): Promise<PressureRun> {
  const script = fileURLToPath(new URL('../../tests/call-outs/pressure-child.ts', import.meta.url));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CONNECTOR_URL: options.connectorUrl,
    RECIPIENTS: String(options.recipients),
  };
  if (options.adminUrl) env.TEST_DATABASE_URL = options.adminUrl;
  else delete env.TEST_DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  try {
    const startBy = Date.now() + 120_000;
    while (!/started /.test(text)) {
      if (Date.now() > startBy || child.exitCode !== null) throw new Error('pressure child did not start');
      await sleep(20);
    }
    const deadline = Date.now() + options.timeoutMs;
    while (!(await options.done()) && Date.now() < deadline) {
      child.kill('SIGSTOP');
      await sleep(options.pauseMs);
      child.kill('SIGCONT');
      await sleep(options.periodMs - options.pauseMs);
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(30_000)]);
    return {
      conversations: JSON.parse(/conversations (.*)/.exec(text)?.[1] ?? '[]') as string[],
      startedAt: Number(/started (\S+)/.exec(text)?.[1]),
    };
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGCONT');
      child.kill('SIGKILL');
    }
  }
}

/** The longest gap between consecutive accepted sends (ms): silence while recipients still waited. */
export function longestSilence(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let longest = 0;
  for (let i = 1; i < sorted.length; i += 1)
    longest = Math.max(longest, (sorted[i] as number) - (sorted[i - 1] as number));
  return longest;
}
