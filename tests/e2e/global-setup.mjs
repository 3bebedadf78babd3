import pgliteTemplates from '../helpers/jest-global-setup.mjs';
import launchSharedChromium from './chromium-server.mjs';

/**
 * Jest globalSetup of the browser run: the unit run's PGlite templates (built once per run instead of once per
 * worker restart) and the shared Chromium (chromium-server.mjs).
 * @param {import('jest').Config} globalConfig
 */
export default async function globalSetup(globalConfig) {
  await pgliteTemplates(globalConfig);
  await launchSharedChromium();
}
