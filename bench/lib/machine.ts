import { execFileSync } from 'node:child_process';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { projectRoot } from '../../src/platform/project-root.js';
import { describeEngine } from './database.js';

/** The facts a figure means nothing without: hardware, runtime, engine, and the code measured. */
export interface MachineFacts {
  cpuCount: number;
  cpuModel: string;
  totalMemoryGiB: number;
  platform: string;
  node: string;
  engine: string;
  engineVersion: string;
  /** The 1-minute load average when the run started: other work on the machine skews every figure. */
  loadAverageAtStart: number;
  gitCommit: string;
  /** Whether the working tree had uncommitted changes (the measured code is then not the commit). */
  gitDirty: boolean;
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: projectRoot(), encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

/** Collects {@link MachineFacts} for the results file. */
export async function collectMachineFacts(): Promise<MachineFacts> {
  const { engine, version } = await describeEngine();
  const processors = cpus();
  return {
    cpuCount: processors.length,
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    totalMemoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    platform: `${platform()} ${release()}`,
    node: process.version,
    engine,
    engineVersion: version,
    loadAverageAtStart: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    gitCommit: git(['rev-parse', '--short', 'HEAD']) || 'unknown',
    gitDirty: git(['status', '--porcelain']) !== '',
  };
}
