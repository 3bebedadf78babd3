#!/usr/bin/env node
// `npm start`: runs the built server and, on a local run without bot credentials, the
// Microsoft 365 Agents Playground pointed at the bot. `npm run build` (prestart) has built both.
// Ctrl-C (or SIGTERM) stops both children and waits for them, so the database is closed cleanly.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const port = Number(process.env.PORT ?? 3978);
const playgroundPort = Number(process.env.PLAYGROUND_PORT ?? 56150);
const wantsPlayground = !process.env.BOT_ID && process.env.PLAYGROUND !== 'false';
const serverEntry = join(root, 'dist', 'src', 'server', 'main.js');

/** @type {Map<string, import('node:child_process').ChildProcess>} */
const children = new Map();
let stopping = false;

function startChild(name, command, args, env) {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: 'inherit' });
  children.set(name, child);
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) {
      console.error(
        `[start] ${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping the rest.`,
      );
      stop(code && code !== 0 ? code : 1);
    } else if (children.size === 0) {
      process.exit(process.exitCode ?? 0);
    }
  });
  return child;
}

function stop(exitCode = 0) {
  if (stopping) return;
  stopping = true;
  process.exitCode = exitCode;
  if (children.size === 0) process.exit(exitCode);
  for (const child of children.values()) child.kill('SIGTERM');
  // A child that ignores SIGTERM must not keep the terminal hostage.
  setTimeout(() => {
    for (const child of children.values()) child.kill('SIGKILL');
    process.exit(exitCode || 1);
  }, 10_000).unref();
}

async function waitUntilReady(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      const response = await fetch(url);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

if (!existsSync(serverEntry)) {
  console.error('[start] The server is not built. Run `npm run build` (npm start runs it first).');
  process.exit(1);
}

const started = Date.now();
startChild('server', process.execPath, [serverEntry], {});
const base = `http://127.0.0.1:${port}`;
if (!(await waitUntilReady(`${base}/readyz`, 120_000))) {
  if (!stopping) {
    console.error(`[start] The server did not become ready on ${base}/readyz within 120 s.`);
    stop(1);
  }
} else {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const lines = [`Bondgenoten is ready after ${seconds} s.`, `  Tab (open in a browser): ${base}/`];
  if (wantsPlayground) {
    const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
    startChild(
      'playground',
      process.execPath,
      [cli, '-e', `${base}/api/messages`, '-c', 'msteams', '-p', String(playgroundPort)],
      { TEAMSAPPTESTER_BROWSER: 'none' },
    );
    if (await waitUntilReady(`http://127.0.0.1:${playgroundPort}/`, 60_000)) {
      lines.push(
        `  Bot in Microsoft 365 Agents Playground: http://127.0.0.1:${playgroundPort}/ (type "help")`,
      );
    } else {
      lines.push('  The Agents Playground did not answer; the tab and API work without it.');
    }
  }
  lines.push(`  API description: ${base}/api/v1/openapi.json`, 'Press Ctrl-C to stop.');
  console.log(`\n${lines.join('\n')}\n`);
}
