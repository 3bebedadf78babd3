import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { TestEnvironment } from 'jest-environment-node';

/**
 * PGlite's WebAssembly (postgres and initdb), compiled once per worker
 * process. Under Jest's ESM loader every test file has a vm context and module registry of its own, so PGlite's
 * own module-level cache starts empty in each file and recompiles ~10 MB of WebAssembly there. This module runs
 * outside the vm, once per worker: the compiled modules are handed to each file (a WebAssembly.Module from this
 * realm instantiates inside the context: V8 checks its internal type; see setup for the prototype).
 */
let pgliteArtifacts;
function loadPgliteArtifacts() {
  pgliteArtifacts ??= (async () => {
    const dist = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
    const [pgliteWasm, initdbWasm] = await Promise.all(
      ['pglite.wasm', 'initdb.wasm'].map((file) => readFile(join(dist, file))),
    );
    const [pgliteWasmModule, initdbWasmModule] = await Promise.all([
      WebAssembly.compile(pgliteWasm),
      WebAssembly.compile(initdbWasm),
    ]);
    // Not `fsBundle`: PGlite reads pglite.data cheaply itself, and a Blob's ArrayBuffer from this realm fails
    // inside the context (`e.subarray is not a function`).
    return { pgliteWasmModule, initdbWasmModule };
  })();
  return pgliteArtifacts;
}

/** Per-worker state that outlives one file's vm context (tests/helpers/test-db.ts keeps its template here). */
const workerCache = new Map();

/**
 * Jest's node environment, with one addition: hooks (beforeAll, afterAll, beforeEach, afterEach) that name no
 * timeout of their own get `hookTimeout` (testEnvironmentOptions; 60 s), while tests keep testTimeout (30 s).
 * Jest has a single default for both; the hooks here open databases, start servers and browsers, which is what
 * the longer limit was for when the suite ran on Vitest (hookTimeout). Jest collects a file's hooks before
 * `run_start`, so that is where the default is filled in.
 */
export default class BondgenotenEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.hookTimeout = Number(config.projectConfig.testEnvironmentOptions?.hookTimeout ?? 60_000);
  }

  async setup() {
    await super.setup();
    const artifacts = await loadPgliteArtifacts();
    // PGlite's Emscripten code asks `module instanceof WebAssembly.Module` (getDylinkMetadata), which is false
    // for a module from this realm and then treats it as bytes. The files of a worker run one after another, so
    // the shared modules take on the prototype of the context that is about to use them.
    for (const module of [artifacts.pgliteWasmModule, artifacts.initdbWasmModule]) {
      Object.setPrototypeOf(module, this.global.WebAssembly.Module.prototype);
    }
    this.global.__bondgenotenPglite = artifacts;
    this.global.__bondgenotenWorkerCache = workerCache;
  }

  async handleTestEvent(event, state) {
    if (event.name !== 'run_start') return;
    const blocks = [state.rootDescribeBlock];
    while (blocks.length > 0) {
      const block = blocks.pop();
      for (const hook of block.hooks) hook.timeout ??= this.hookTimeout;
      for (const child of block.children) if (child.type === 'describeBlock') blocks.push(child);
    }
  }
}
