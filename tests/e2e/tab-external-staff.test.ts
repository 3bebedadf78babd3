import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Frame, Locator, Page } from 'playwright-core';
import { LocalDirectory } from '../../src/identity/local-directory.js';
import { EmbeddedCalendar } from '../../src/meetings/embedded-calendar.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { DEMO_STAFF, DEMO_TENANT_ID } from '../../src/server/seed/demo-data.js';
import { expectSaying } from '../helpers/expect-saying.js';
import { createTestDatabase } from '../helpers/test-db.js';
import type { TestServer } from '../helpers/test-server.js';
import { type EntraStandIn, startEntraStandIn } from '../stand-ins/entra-openid.js';
import {
  closeBrowserSuite,
  openPage,
  screenshot,
  seriousA11yViolations,
  startBrowserSuite,
} from './browser.js';
import { installTeamsHost, TEAMS_HOST_PATH } from './teams-host.js';

/**
 * A municipality in production sign-in mode (Entra, two allowed tenants: the municipality's and the police's)
 * adds a police officer by e-mail in Beheer → Rollen, inside the stand-in Teams host with an SSO token from the
 * Entra stand-in. The seeded demo is the municipality's tenant (its staff are in DEMO_TENANT_ID).
 */
const CLIENT_ID = '22222222-2222-4222-8222-222222222222';
const POLICE_TENANT = '44444444-4444-4444-8444-444444444444';
const AUDIENCE = `api://bondgenoten.example.org/${CLIENT_ID}`;
const ADMIN = DEMO_STAFF.find((member) => member.displayName === 'Anouk Terpstra');
const COORDINATOR = DEMO_STAFF.find((member) => member.displayName === 'Sanne Verhoef');

let entra: EntraStandIn;
let database: DatabaseHandle;
let server: TestServer;
let browser: Browser;
let adminToken: string;
let coordinatorToken: string;

beforeAll(async () => {
  if (!ADMIN || !COORDINATOR) throw new Error('the demo has no Anouk Terpstra or Sanne Verhoef');
  entra = await startEntraStandIn({ audience: AUDIENCE });
  database = await createTestDatabase({ seed: true });
  ({ server, browser } = await startBrowserSuite({
    env: {
      AAD_CLIENT_ID: CLIENT_ID,
      AAD_CLIENT_SECRET: 'e2e-secret',
      AAD_TENANT_ID: DEMO_TENANT_ID,
      AAD_ALLOWED_TENANTS: `${DEMO_TENANT_ID},${POLICE_TENANT}`,
      AAD_TENANT_NAMES: JSON.stringify({
        [DEMO_TENANT_ID]: 'Gemeente Havenstad',
        [POLICE_TENANT]: 'Politie Eenheid Havenstad',
      }),
      AAD_AUTHORITY_HOST: entra.authorityHost,
      PUBLIC_URL: 'https://bondgenoten.example.org',
    },
    // The directory and calendar are not under test here (tests/m365 covers Graph): the seeded demo answers.
    directory: new LocalDirectory(database.db, [DEMO_TENANT_ID]),
    calendar: new EmbeddedCalendar(database.db),
    database,
  }));
  adminToken = await entra.issueToken(DEMO_TENANT_ID, { oid: ADMIN.objectId, name: ADMIN.displayName });
  coordinatorToken = await entra.issueToken(DEMO_TENANT_ID, {
    oid: COORDINATOR.objectId,
    name: COORDINATOR.displayName,
  });
});
afterAll(async () => {
  await closeBrowserSuite(server, browser);
  await database?.close();
  await entra?.close();
});

/**
 * Opens a tab page inside the stand-in Teams host, signed in by SSO (as the administrator unless another token is
 * given); waits for its heading.
 */
async function openTab(page: Page, path: string, heading: string, token = adminToken): Promise<Frame> {
  await installTeamsHost(page, server.url, `${path}?inTeams=1`);
  await page.goto(`${server.url}${TEAMS_HOST_PATH}?frame=content&token=${encodeURIComponent(token)}`);
  const owner = page.frameLocator('iframe').owner();
  await owner.waitFor();
  const frame = await (await owner.elementHandle())?.contentFrame();
  if (!frame) throw new Error('the tab frame did not load');
  await frame.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 30_000 });
  return frame;
}

/** Opens Beheer → Rollen inside the stand-in Teams host, signed in by SSO as the administrator. */
const openRoles = (page: Page) => openTab(page, '/beheer/rollen', 'Beheer – Rollen');

async function pick(frame: Frame, form: Locator, label: string, option: string): Promise<void> {
  await form.getByRole('combobox', { name: label, exact: true }).click();
  await frame.getByRole('option', { name: option, exact: true }).click();
}

describe('adding a police colleague by e-mail in Beheer → Rollen (Entra, two tenants)', () => {
  it('names the organisations, refuses a bad address readably, adds the officer with a role, and passes axe', async () => {
    const watched = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    const { page } = watched;
    try {
      const frame = await openRoles(page);
      // The header names the administrator's organisation by its configured name too.
      await frame
        .getByText('Gemeente Havenstad · Functioneel beheerder Bondgenoten', { exact: true })
        .waitFor();
      const form = frame.locator('form', { has: frame.getByRole('button', { name: 'Collega toevoegen' }) });
      // The only other tenant, by the name AAD_TENANT_NAMES gives it, is chosen already.
      await expect(form.getByRole('combobox', { name: 'Organisatie' }).textContent()).resolves.toContain(
        'Politie Eenheid Havenstad',
      );
      // The municipality's staff carry the home tenant's name in the table; a police officer recorded in the
      // municipality's tenant (the demo's Dewi) is not called by the municipality's name.
      const anouk = frame.getByRole('row', { name: /Anouk Terpstra/ });
      await expect(anouk.textContent()).resolves.toContain('Gemeente Havenstad');
      const dewi = frame.getByRole('row', { name: /Dewi Sastromedjo/ });
      await expect(dewi.textContent()).resolves.toContain('Politie');
      await expect(dewi.textContent()).resolves.not.toContain('Havenstad');

      // Nothing filled in: the form says what is missing, without asking the server.
      await form.getByRole('button', { name: 'Collega toevoegen' }).click();
      await form.getByText('Vul de naam van je collega in.').waitFor();
      await form.getByText('Vul het e-mailadres van je collega in.').waitFor();

      // A bad address: the API's problem+json, in Dutch beside the field; the input stays.
      await form.getByRole('textbox', { name: 'Naam' }).fill('Wouter Agent');
      await form.getByRole('textbox', { name: /E-mailadres/ }).fill('wouter.agent@');
      await form.getByRole('button', { name: 'Collega toevoegen' }).click();
      await form.getByText('Vul een geldig e-mailadres in.').waitFor();
      await expect(
        form.getByRole('textbox', { name: /E-mailadres/ }).getAttribute('aria-invalid'),
      ).resolves.toBe('true');
      await expect(form.getByRole('textbox', { name: 'Naam' }).inputValue()).resolves.toBe('Wouter Agent');
      expectSaying(await seriousA11yViolations(page), 'the form with errors').toEqual([]);
      await screenshot(page, 'external-staff-error-nl');

      // A good address with a role in a network: the officer joins the table, awaiting their first sign-in.
      await form.getByRole('textbox', { name: /E-mailadres/ }).fill('wouter.agent@politie-havenstad.example');
      await pick(frame, form, 'Netwerk', 'Bondgenoten Haven');
      await pick(frame, form, 'Rol', 'Lid');
      await form.getByRole('button', { name: 'Collega toevoegen' }).click();
      await frame
        .locator('.fui-ToastTitle')
        .getByText(
          'Wouter Agent is toegevoegd als Lid in Bondgenoten Haven en wordt bij de eerste aanmelding gekoppeld.',
        )
        .waitFor();
      const officer = frame.getByRole('row', { name: /Wouter Agent/ });
      await officer.waitFor();
      await expect(officer.textContent()).resolves.toContain('Politie Eenheid Havenstad');
      await expect(officer.textContent()).resolves.toContain('Bondgenoten Haven');
      // The form is empty again, the police tenant still chosen.
      await expect(form.getByRole('textbox', { name: 'Naam' }).inputValue()).resolves.toBe('');

      const row = await database.db
        .selectFrom('users')
        .select(['tenant_id', 'email', 'organisation', 'awaiting_sign_in'])
        .where('display_name', '=', 'Wouter Agent')
        .executeTakeFirstOrThrow();
      expect(row).toEqual({
        tenant_id: POLICE_TENANT,
        email: 'wouter.agent@politie-havenstad.example',
        organisation: 'politie',
        awaiting_sign_in: true,
      });

      // The same address again: the field says where the colleague already is, and what to do.
      await form.getByRole('textbox', { name: 'Naam' }).fill('W. Agent');
      await form.getByRole('textbox', { name: /E-mailadres/ }).fill('Wouter.Agent@politie-havenstad.example');
      await form.getByRole('button', { name: 'Collega toevoegen' }).click();
      await form
        .getByText(
          'Iemand van deze organisatie heeft dit e-mailadres al, dus je collega staat al in de tabel ‘Medewerkers en rollen’ hieronder. Zoek je collega daar op naam; een rol geef je in die tabel.',
        )
        .waitFor();

      expectSaying(await seriousA11yViolations(page), 'Rollen with the form').toEqual([]);
      await form.scrollIntoViewIfNeeded();
      await screenshot(page, 'external-staff-nl');

      // The network's staff list names both organisations by their configured names.
      const haven = await database.db
        .selectFrom('networks')
        .select('id')
        .where('name', '=', 'Bondgenoten Haven')
        .executeTakeFirstOrThrow();
      const network = await openTab(page, `/netwerken/${haven.id}`, 'Bondgenoten Haven');
      const staffTable = network
        .getByRole('table')
        .filter({ has: network.getByRole('columnheader', { name: 'Back-up' }) });
      const officerRow = staffTable.getByRole('row', { name: /Wouter Agent/ });
      await officerRow.waitFor();
      await expect(officerRow.textContent()).resolves.toContain('Politie Eenheid Havenstad');
      await expect(staffTable.textContent()).resolves.toContain('Gemeente Havenstad');

      // So does the crisis sheet's, for Haven's coordinator (administrators as such do not see contact data); the
      // demo's Joris, police recorded in the municipality's tenant, keeps the generic word.
      const sheet = await openTab(
        page,
        `/netwerken/${haven.id}/crisiskaart`,
        'Crisiskaart – Bondgenoten Haven',
        coordinatorToken,
      );
      const crisisStaff = sheet.getByRole('table', { name: 'Medewerkers' });
      const officerOnSheet = crisisStaff.getByRole('row', { name: /^Wouter Agent/ });
      await officerOnSheet.waitFor();
      await expect(officerOnSheet.textContent()).resolves.toContain('Politie Eenheid Havenstad');
      await expect(crisisStaff.getByRole('row', { name: /^Sanne Verhoef/ }).textContent()).resolves.toContain(
        'Gemeente Havenstad',
      );
      const joris = await crisisStaff.getByRole('row', { name: /^Joris Amrani/ }).textContent();
      expect(joris).toContain('Politie');
      expect(joris).not.toContain('Havenstad');
      expectSaying(await seriousA11yViolations(page), 'the crisis sheet').toEqual([]);
      await screenshot(page, 'external-staff-crisis-sheet-nl');
      expect(
        watched.consoleErrors.filter(
          (text) =>
            !/res\.cdn\.office\.net|validDomains|Content Security Policy.*connect|status of 4\d\d/i.test(
              text,
            ),
        ),
      ).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});

/** Haven's id and the path of the network page's own data request. */
async function havenData(): Promise<{ id: string; path: string }> {
  const { id } = await database.db
    .selectFrom('networks')
    .select('id')
    .where('name', '=', 'Bondgenoten Haven')
    .executeTakeFirstOrThrow();
  return { id, path: `/api/v1/networks/${id}` };
}

/**
 * Holds back the answers of requests matching `held` until `path` has been asked for (or 10 s have passed), and
 * records every API path asked while held; `released` says whether the hold has ended.
 */
async function holdUntilAsked(page: Page, held: RegExp, path: string) {
  let pathAsked!: () => void;
  const asked = new Promise<void>((resolve) => {
    pathAsked = resolve;
  });
  const state = { released: false, askedWhileHeld: [] as string[] };
  page.on('request', (request) => {
    const requested = new URL(request.url()).pathname;
    if (!state.released && requested.startsWith('/api/')) state.askedWhileHeld.push(requested);
    if (requested === path) pathAsked();
  });
  await page.route(held, async (route) => {
    await Promise.race([asked, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    state.released = true;
    await route.continue();
  });
  return state;
}

/** Console errors except teams-js fetching its list of valid hosts from Microsoft's CDN, which the CSP refuses. */
const unexpectedErrors = (errors: string[]) =>
  errors.filter((text) => !/validDomains|Content Security Policy.*connect/i.test(text));

describe('signing in inside Teams (issue 21: the empty-cache critical path)', () => {
  it("asks the SSO token, /me and the first page's data while the rest of the initial JS is still downloading", async () => {
    const watched = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    const { page } = watched;
    try {
      const haven = await havenData();
      // The libraries of the initial JS (React, Fluent) are held back until the network page's data has been asked
      // for: the start-up chunk alone must get the tab through Teams SSO and /me to it.
      const hold = await holdUntilAsked(page, /\/assets\/initial-libs-[^/]+\.js$/, haven.path);
      await openTab(page, `/netwerken/${haven.id}`, 'Bondgenoten Haven', coordinatorToken);
      expect(hold.askedWhileHeld).toEqual(expect.arrayContaining(['/api/v1/me', haven.path]));
      // Connected once: start-up's connection is the one the tab goes on with.
      const calls = await page.evaluate(() => (window as unknown as { __teamsCalls: string[] }).__teamsCalls);
      expect(calls.filter((call) => call === 'initialize')).toHaveLength(1);
      expect(unexpectedErrors(watched.consoleErrors)).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  it("asks the network page's data beside /me, not after its answer (one round trip fewer in production)", async () => {
    const watched = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    const { page } = watched;
    try {
      const haven = await havenData();
      // /me's answer is held back until the network's data has been asked for.
      const hold = await holdUntilAsked(page, /\/api\/v1\/me$/, haven.path);
      await openTab(page, `/netwerken/${haven.id}`, 'Bondgenoten Haven', coordinatorToken);
      expect(hold.askedWhileHeld).toEqual(expect.arrayContaining([haven.path]));
      expect(unexpectedErrors(watched.consoleErrors)).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});
