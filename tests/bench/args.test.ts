import { describe, expect, it } from '@jest/globals';
import { parseBenchArgs } from '../../bench/lib/args.js';

const SUITES = ['api-read', 'audit-append', 'tab-load'];

describe('the bench command line', () => {
  it('runs every suite in full by default', () => {
    expect(parseBenchArgs([], SUITES)).toEqual({
      kind: 'run',
      suiteNames: SUITES,
      options: { quick: false },
    });
  });

  it('runs only the named suites, once each, with the given options', () => {
    expect(parseBenchArgs(['tab-load', '--quick', 'api-read', 'tab-load', '--duration=4'], SUITES)).toEqual({
      kind: 'run',
      suiteNames: ['tab-load', 'api-read'],
      options: { quick: true, durationSeconds: 4 },
    });
    expect(parseBenchArgs(['--appends=500'], SUITES)).toMatchObject({ options: { appends: 500 } });
  });

  it('names what is wrong with a bad argument', () => {
    expect(parseBenchArgs(['api-write'], SUITES)).toEqual({
      kind: 'error',
      message: 'unknown suite "api-write"; known: api-read, audit-append, tab-load',
    });
    expect(parseBenchArgs(['--fast'], SUITES)).toEqual({ kind: 'error', message: 'unknown option --fast' });
    expect(parseBenchArgs(['--appends=0'], SUITES)).toEqual({
      kind: 'error',
      message: '--appends must be a whole number above 0, not "0"',
    });
    expect(parseBenchArgs(['--duration'], SUITES)).toMatchObject({ kind: 'error' });
  });

  it('answers --help and --list with the usage', () => {
    expect(parseBenchArgs(['api-read', '--help'], SUITES)).toEqual({ kind: 'help' });
    expect(parseBenchArgs(['--list'], SUITES)).toEqual({ kind: 'help' });
  });
});
