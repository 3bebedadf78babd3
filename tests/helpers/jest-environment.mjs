import { TestEnvironment } from 'jest-environment-node';

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
