import type { Browser } from 'playwright-core';
import { buildBlankTab } from './blank-tab.js';
import { launchBenchChromium } from './browser.js';
import {
  closeBenchCallOut,
  coordinatedNetwork,
  type FirstPageTarget,
  firstPageTargets,
  startBenchCallOut,
} from './first-pages.js';
import { benchServer, stopBenchServer } from './server.js';
import { type SessionCookie, signInLocally } from './sign-in.js';

/** What bench/tools/tab-*.ts open their pages with; `close` undoes it all (the call-out closed again). */
export interface FirstPageSession {
  baseUrl: string;
  cookie: SessionCookie;
  browser: Browser;
  pages: FirstPageTarget[];
  close(): Promise<void>;
}

/**
 * Starts the bench server (demo data), signs in locally, picks the coordinator's network, builds the blank tab when
 * it is `wanted`, starts a call-out when the call-out page is, and launches Chromium.
 */
export async function openFirstPageSession(wanted: readonly string[]): Promise<FirstPageSession> {
  const server = await benchServer();
  if (wanted.includes('blank')) await buildBlankTab();
  const cookie = await signInLocally(server.url);
  const network = await coordinatedNetwork(server.url, cookie);
  const callOut = wanted.includes('call-out')
    ? await startBenchCallOut(server.url, cookie, network)
    : undefined;
  const chromium = await launchBenchChromium();
  return {
    baseUrl: server.url,
    cookie,
    browser: chromium.browser,
    pages: firstPageTargets(network, callOut, wanted),
    async close() {
      await chromium.close();
      if (callOut) await closeBenchCallOut(server.url, cookie, callOut);
      await stopBenchServer();
    },
  };
}
