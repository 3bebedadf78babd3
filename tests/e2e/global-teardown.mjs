import removePgliteTemplates from '../helpers/jest-global-teardown.mjs';
import { closeSharedChromium } from './chromium-server.mjs';

/** Jest globalTeardown of the browser run: closes the shared Chromium and removes the PGlite templates. */
export default async function globalTeardown() {
  await closeSharedChromium();
  await removePgliteTemplates();
}
