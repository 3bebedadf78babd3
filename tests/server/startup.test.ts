import { spawn } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import { projectRoot } from '../../src/platform/project-root.js';

/** Runs the real entry point as `npm run serve` would, and returns how it ended. */
function runMain(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: projectRoot(),
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('starting the server with a bad environment', () => {
  it('stops with exit code 78 and one message naming the variable', async () => {
    const result = await runMain({ PORT: 'abc', DATA_DIR: '/nonexistent/never-created' });
    expect(result.code).toBe(78);
    expect(result.stderr).toBe('Invalid configuration:\n  PORT: must be a number\n');
  });

  it('refuses the local sign-in on a public interface', async () => {
    const result = await runMain({ HOST: '0.0.0.0' });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('HOST: local sign-in only listens on loopback');
  });

  it('refuses the local sign-in in production', async () => {
    const result = await runMain({ NODE_ENV: 'production' });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('local sign-in is refused when NODE_ENV=production');
  });
});
