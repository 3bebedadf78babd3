import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { hashAnswerLinkToken } from '../../src/call-outs/answer-links/answer-link-token.js';
import { startCallOut } from '../../src/call-outs/call-out-service.js';
import { accessOf, areaId, originOf, userId } from '../call-outs/fixtures.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { toast } from './admin-pages.js';
import {
  assertTabBuilt,
  launchChromium,
  openPage,
  screenshot,
  seriousA11yViolations,
  signInAs,
} from './browser.js';
import { section } from './network-pages.js';

/**
 * The e-mail fallback's link in the tab (issue 23): opened signed in as the staff member it was mailed to,
 * the page says it works and the answer goes through it once; opened again it says it was used; opened by
 * someone else it says it is not theirs. The mail itself is covered by tests/bot/call-out-answer-link.test.ts.
 */
let server: TestServer;
let browser: Browser;
let callOutId: string;
let joris: string;
// A fixed, fictional token: the row below holds only its hash, as the mailer writes it.
const TOKEN = 'fictief_antwoord-link_0123456789abcdefghijk';

beforeAll(async () => {
  assertTabBuilt();
  server = await startTestServer();
  browser = await launchChromium();
  const db = server.database.db;
  const sanne = await userId(db, 'Sanne Verhoef');
  joris = await userId(db, 'Joris Amrani');
  const started = await startCallOut(
    db,
    originOf(sanne),
    await accessOf(db, sanne),
    {
      kind: 'incident',
      urgency: 'immediate',
      summary: 'Fictief: onrust bij het winkelcentrum.',
      ask: 'Kom naar het buurthuis (fictief).',
      placeIds: [await areaId(db, 'Centrum Haven')],
      communityIds: [],
    },
    new Date(),
  );
  callOutId = started.id;
  await db
    .insertInto('call_out_answer_links')
    .values({
      call_out_id: callOutId,
      user_id: joris,
      state: 'sent',
      next_attempt_at: new Date(),
      token_hash: hashAnswerLinkToken(TOKEN),
      expires_at: new Date(Date.now() + 3_600_000),
      created_at: new Date(),
    })
    .execute();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const linkUrl = () => `${server.url}/crisisoproepen/${callOutId}?theme=light#antwoordlink=${TOKEN}`;

describe('the answer link from the e-mail, in the tab', () => {
  it('lets the staff member it was mailed to answer through it once', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/?theme=light`);
      await signInAs(page, 'Joris Amrani');
      await page.goto(linkUrl());
      await page.getByText(/Je opende de link uit je e-mail/).waitFor();
      await screenshot(page, 'call-out-answer-link');
      expect(await seriousA11yViolations(page)).toEqual([]);
      const mine = section(page, 'Jouw antwoord');
      await mine.getByRole('button', { name: 'Ik kom' }).click();
      await toast(page, 'Je antwoord is opgeslagen: Komt.');
      // The token leaves the address once used, and the notice goes.
      expect(new URL(page.url()).hash).toBe('');
      expect(await page.getByText(/Je opende de link uit je e-mail/).count()).toBe(0);
      const link = await server.database.db
        .selectFrom('call_out_answer_links')
        .select('used_at')
        .where('call_out_id', '=', callOutId)
        .executeTakeFirstOrThrow();
      expect(link.used_at).not.toBeNull();

      await page.goto(linkUrl());
      await page.getByText('Deze link is al gebruikt. Je kunt je antwoord hieronder nog wijzigen.').waitFor();
      expect(watched.consoleErrors).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  it('tells someone else the link is not theirs', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${server.url}/?theme=light`);
      await signInAs(page, 'Petra Lindeboom');
      await page.goto(linkUrl());
      await page
        .getByText('Deze link is voor iemand anders. Log in met het account waarop je de e-mail kreeg.')
        .waitFor();
      // The browser logs the refused check (403) itself; nothing else may go wrong.
      expect(watched.consoleErrors.filter((text) => !/status of 403/.test(text))).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});
