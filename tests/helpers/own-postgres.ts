import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A PostgreSQL cluster of the test's own (initdb in a temporary folder, its own port), which the test may
 * stop and start: outages cannot be staged on a server other tests share.
 */
export interface OwnPostgres {
  url: string;
  /** Stops the server; `immediate` is a crash (no checkpoint), `fast` an orderly shutdown. */
  stop(mode?: 'immediate' | 'fast'): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/** Where initdb lives (Debian's layout), or null when PostgreSQL's server binaries are not installed. */
export function findPostgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = join(root, version, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin;
  }
  return null;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** initdb refuses root: run the server binaries as the `postgres` system user then. */
function asUser(): { user: string; uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { user: 'postgres', uid, gid };
}

/** Creates and starts a throwaway cluster on 127.0.0.1 (trust authentication, user postgres). */
export async function startOwnPostgres(bin: string): Promise<OwnPostgres> {
  const dir = await mkdtemp(join(tmpdir(), 'bg-own-pg-'));
  const data = join(dir, 'data');
  const owner = asUser();
  if (owner) await chown(dir, owner.uid, owner.gid);
  const exec = (tool: string, args: string[]) =>
    owner ? run('runuser', ['-u', owner.user, '--', join(bin, tool), ...args]) : run(join(bin, tool), args);
  await exec('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
  const start = async () => {
    await exec('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', 'start']);
  };
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop: async (mode = 'immediate') => {
      await exec('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
    },
    destroy: async () => {
      await exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
