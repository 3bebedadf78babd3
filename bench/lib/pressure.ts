import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** What a fan-out in a paused process left behind: its recipients' conversations and when it started. */
export interface PressureRun {
  conversations: string[];
  startedAt: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The core a CPU-share run pins its child and busy loops to. */
const SHARED_CORE = '0';

/**
 * Runs a whole fan-out (database, worker, call-out) in a child process under pressure until `done()` or
 * `timeoutMs`. Either pauses it `pauseMs` of every `periodMs` with SIGSTOP/SIGCONT, as a crowded machine
 * would, or (`hogs`) pins it to one core beside that many busy loops pinned there too, so it gets a fixed
 * share of a core (1 / (hogs + 1)) all along, as on a machine loaded for minutes; `hogs: 0` pins it alone,
 * the reference for that share. The database is the bench's engine: PostgreSQL when `adminUrl` is given (not
 * paused or pinned), else PGlite inside the child.
 */
export async function pressedFanOut(options: {
  connectorUrl: string;
  recipients: number;
  adminUrl?: string;
  pauseMs?: number;
  periodMs?: number;
  hogs?: number;
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
  const pinned = options.hogs !== undefined;
  const command = [process.execPath, '--import', 'tsx', script];
  const child = pinned
    ? spawn('taskset', ['-c', SHARED_CORE, ...command], { env, stdio: ['ignore', 'pipe', 'inherit'] })
    : spawn(command[0] as string, command.slice(1), { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const hogs: ChildProcess[] = [];
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
    // The busy loops start once the child is ready: its start-up (compiling, seeding) is not measured.
    for (let i = 0; i < (options.hogs ?? 0); i += 1)
      hogs.push(
        spawn('taskset', ['-c', SHARED_CORE, process.execPath, '-e', 'for (;;) {}'], { stdio: 'ignore' }),
      );
    const deadline = Date.now() + options.timeoutMs;
    while (!(await options.done()) && Date.now() < deadline) {
      if (pinned) {
        await sleep(200);
        continue;
      }
      const pauseMs = options.pauseMs ?? 0;
      child.kill('SIGSTOP');
      await sleep(pauseMs);
      child.kill('SIGCONT');
      await sleep((options.periodMs ?? pauseMs) - pauseMs);
    }
    for (const hog of hogs.splice(0)) hog.kill('SIGKILL');
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(30_000)]);
    return {
      conversations: JSON.parse(/conversations (.*)/.exec(text)?.[1] ?? '[]') as string[],
      startedAt: Number(/started (\S+)/.exec(text)?.[1]),
    };
  } finally {
    for (const hog of hogs) hog.kill('SIGKILL');
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
