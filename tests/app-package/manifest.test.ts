import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import JSZip from 'jszip';
import {
  buildAppPackage,
  checkIcons,
  escapeLoneBrackets,
  fillPlaceholders,
  PackageError,
  parseEnvFile,
  readPngSize,
  validateLocalization,
  validateManifest,
} from '../../scripts/package-app.js';
import { CALL_OUT_START_MESSAGE_ACTION_ID } from '../../src/call-outs/bot/call-out-start-message-action.js';
import { callOutStartTextsFor } from '../../src/call-outs/bot/messages-call-out-start.js';
import { signalBotTextsFor } from '../../src/signals/bot/messages-signal.js';
import { SIGNAL_MESSAGE_ACTION_ID } from '../../src/signals/bot/signal-message-action.js';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const APP_PACKAGE = path.join(PROJECT_ROOT, 'appPackage');

/** Fictional values in the shape the toolkit writes after provisioning (example.org is reserved for examples). */
const TEST_VARS: Record<string, string> = {
  TEAMSFX_ENV: 'test',
  APP_NAME_SUFFIX: '-test',
  TEAMS_APP_ID: '0a0a0a0a-0000-4000-8000-000000000001',
  BOT_ID: '0b0b0b0b-0000-4000-8000-000000000002',
  AAD_APP_CLIENT_ID: '0c0c0c0c-0000-4000-8000-000000000003',
  TAB_DOMAIN: 'bondgenoten-test.example.org',
  TAB_ENDPOINT: 'https://bondgenoten-test.example.org',
  BOT_DOMAIN: 'bondgenoten-test.example.org',
  BOT_ENDPOINT: 'https://bondgenoten-test.example.org',
};

/** `${{NAME}}`, the toolkit's placeholder syntax. */
const ph = (name: string): string => `\${{${name}}}`;

function envFile(vars: Record<string, string>): string {
  return `# test environment\n${Object.entries(vars)
    .map(([name, value]) => `${name}=${value}`)
    .join('\n')}\n`;
}

async function filledJson(
  file: string,
  vars: Record<string, string> = TEST_VARS,
): Promise<Record<string, unknown>> {
  const { text, missing } = fillPlaceholders(await readFile(path.join(APP_PACKAGE, file), 'utf8'), vars);
  expect(missing).toEqual([]);
  return JSON.parse(text) as Record<string, unknown>;
}

/** A throw-away copy of the project layout the packager reads: appPackage/ and env/. */
async function makeProject(vars: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'bondgenoten-app-package-'));
  await mkdir(path.join(root, 'appPackage'));
  for (const file of ['manifest.json', 'en-us.json', 'color.png', 'outline.png']) {
    await cp(path.join(APP_PACKAGE, file), path.join(root, 'appPackage', file));
  }
  await mkdir(path.join(root, 'env'));
  await writeFile(path.join(root, 'env', '.env.test'), envFile(vars));
  return root;
}

const projects: string[] = [];
async function project(vars: Record<string, string> = TEST_VARS): Promise<string> {
  const root = await makeProject(vars);
  projects.push(root);
  return root;
}

afterAll(async () => {
  await Promise.all(projects.map((root) => rm(root, { recursive: true, force: true })));
});

describe('fillPlaceholders', () => {
  it('fills every placeholder, also with spaces inside the braces', () => {
    const result = fillPlaceholders(`{"id":"${ph('TEAMS_APP_ID')}","bot":"${ph(' BOT_ID ')}"}`, TEST_VARS);
    expect(result).toEqual({
      text: `{"id":"${TEST_VARS.TEAMS_APP_ID}","bot":"${TEST_VARS.BOT_ID}"}`,
      missing: [],
    });
  });

  it('names each placeholder without a value once and leaves it in place', () => {
    const result = fillPlaceholders(`${ph('BOT_ID')} ${ph('TAB_DOMAIN')} ${ph('BOT_ID')}`, {
      TAB_DOMAIN: '',
    });
    expect(result.missing).toEqual(['BOT_ID', 'TAB_DOMAIN']);
    expect(result.text).toBe(`${ph('BOT_ID')} ${ph('TAB_DOMAIN')} ${ph('BOT_ID')}`);
  });

  it('accepts an empty APP_NAME_SUFFIX, which production leaves empty', () => {
    expect(fillPlaceholders(`Bondgenoten${ph('APP_NAME_SUFFIX')}`, { APP_NAME_SUFFIX: '' })).toEqual({
      text: 'Bondgenoten',
      missing: [],
    });
  });
});

describe('parseEnvFile', () => {
  it('reads values and skips comments, blank lines and inline comments', () => {
    const vars = parseEnvFile('# comment\n\nA=1\nB="two words" \nC=three # note\nexport D=\'4\'\nE=\n');
    expect(vars).toEqual({ A: '1', B: 'two words', C: 'three', D: '4', E: '' });
  });
});

describe('validateManifest against the schema bundled in @microsoft/app-manifest', () => {
  let manifest: Record<string, unknown>;
  beforeAll(async () => {
    manifest = await filledJson('manifest.json');
  });

  it('accepts the real manifest filled with realistic values', async () => {
    expect(await validateManifest(manifest)).toEqual([]);
  });

  it('offers its one configurable tab in the meeting side panel, chat and details, without RSC permissions', () => {
    const tabs = manifest.configurableTabs as Record<string, unknown>[];
    expect(tabs).toHaveLength(1);
    expect(tabs[0]).toMatchObject({
      configurationUrl: `${TEST_VARS.TAB_ENDPOINT}/config`,
      scopes: expect.arrayContaining(['groupChat']),
      context: expect.arrayContaining(['meetingSidePanel', 'meetingChatTab', 'meetingDetailsTab']),
      meetingSurfaces: ['sidePanel'],
    });
    // The panel reads the meeting through the app's own API with the user's token: no resource-specific consent.
    expect((manifest.authorization as { permissions?: unknown } | undefined)?.permissions).toBeUndefined();
  });

  it('reports a removed required field by name', async () => {
    const { version: _removed, ...withoutVersion } = manifest;
    const errors = await validateManifest(withoutVersion);
    expect(errors.some((error) => error.includes("required property 'version'"))).toBe(true);
  });

  it('reports a wrong type with the path of the field', async () => {
    const bots = manifest.bots as Record<string, unknown>[];
    const errors = await validateManifest({ ...manifest, bots: [{ ...bots[0], supportsFiles: 'nee' }] });
    expect(errors.some((error) => error.includes('/bots/0/supportsFiles') && error.includes('boolean'))).toBe(
      true,
    );
  });

  it('reports an app id that is not a GUID', async () => {
    const errors = await validateManifest({ ...manifest, id: 'bondgenoten' });
    expect(errors.some((error) => error.includes('/id') && error.includes('pattern'))).toBe(true);
  });

  it('refuses a manifest version whose schema is not bundled, instead of fetching it', async () => {
    const url = 'https://developer.microsoft.com/json-schemas/teams/v9.99/MicrosoftTeams.schema.json';
    await expect(validateManifest({ ...manifest, $schema: url })).rejects.toThrow(/not bundled/);
  });

  it('accepts the filled English localisation file and reports a name that is too long', async () => {
    const english = await filledJson('en-us.json');
    const schemaUrl = manifest.$schema as string;
    expect(await validateLocalization(schemaUrl, 'en-us.json', english)).toEqual([]);
    const tooLong = { ...english, 'name.short': 'Bondgenoten met een veel te lange naam' };
    const errors = await validateLocalization(schemaUrl, 'en-us.json', tooLong);
    expect(errors.some((error) => error.includes('name.short'))).toBe(true);
  });
});

describe('the message actions (compose extension)', () => {
  it('declares exactly the two action commands on a message, on the app’s bot, with a dialog each', async () => {
    const manifest = await filledJson('manifest.json');
    expect(manifest.composeExtensions).toEqual([
      {
        botId: TEST_VARS.BOT_ID,
        commands: [
          expect.objectContaining({ id: SIGNAL_MESSAGE_ACTION_ID, title: 'Maak signaal' }),
          expect.objectContaining({ id: CALL_OUT_START_MESSAGE_ACTION_ID, title: 'Start crisisoproep' }),
        ],
      },
    ]);
    const [extension] = manifest.composeExtensions as { commands: Record<string, unknown>[] }[];
    for (const command of extension?.commands ?? []) {
      expect(Object.keys(command).sort()).toEqual([
        'context',
        'description',
        'fetchTask',
        'id',
        'title',
        'type',
      ]);
      expect(command).toMatchObject({ type: 'action', context: ['message'], fetchTask: true });
    }
    // The dialogs carry the same names as the commands, in both languages.
    expect(signalBotTextsFor('nl').messageActionTitle).toBe('Maak signaal');
    expect(callOutStartTextsFor('nl').messageActionTitle).toBe('Start crisisoproep');
    const english = await filledJson('en-us.json');
    expect(english['composeExtensions[0].commands[0].title']).toBe(
      signalBotTextsFor('en').messageActionTitle,
    );
    expect(english['composeExtensions[0].commands[1].title']).toBe(
      callOutStartTextsFor('en').messageActionTitle,
    );
  });
});

describe('icons', () => {
  it('has a 192×192 colour icon and a 32×32 outline icon', async () => {
    expect(readPngSize(await readFile(path.join(APP_PACKAGE, 'color.png')))).toEqual({
      width: 192,
      height: 192,
    });
    expect(readPngSize(await readFile(path.join(APP_PACKAGE, 'outline.png')))).toEqual({
      width: 32,
      height: 32,
    });
    expect(await checkIcons(APP_PACKAGE, { color: 'color.png', outline: 'outline.png' })).toEqual([]);
  });

  it('reports an icon of the wrong size or a file that is no PNG', async () => {
    const problems = await checkIcons(APP_PACKAGE, { color: 'outline.png', outline: 'manifest.json' });
    expect(problems).toEqual([
      'icons.color (outline.png) is 32×32; Teams requires 192×192',
      'icons.outline (manifest.json) cannot be read: not a PNG file',
    ]);
  });
});

describe('buildAppPackage', () => {
  it('zips manifest, icons and localisation with every placeholder filled', async () => {
    const root = await project();
    const result = await buildAppPackage({ env: 'test', projectRoot: root, overrides: {} });
    expect(result.files).toEqual(['color.png', 'en-us.json', 'manifest.json', 'outline.png']);

    const zip = await JSZip.loadAsync(await readFile(result.zipPath));
    const manifestText = await zip.file('manifest.json')?.async('string');
    const englishText = await zip.file('en-us.json')?.async('string');
    expect(manifestText).toBeDefined();
    expect(manifestText).not.toMatch(/\$\{\{/);
    expect(englishText).not.toMatch(/\$\{\{/);
    const zipped = JSON.parse(manifestText ?? '{}') as {
      id: string;
      webApplicationInfo: { resource: string };
    };
    expect(zipped.id).toBe(TEST_VARS.TEAMS_APP_ID);
    expect(zipped.webApplicationInfo.resource).toBe(
      `api://${TEST_VARS.TAB_DOMAIN}/${TEST_VARS.AAD_APP_CLIENT_ID}`,
    );
    expect(await readFile(result.manifestPath, 'utf8')).toBe(manifestText);
    const zippedIcon = await zip.file('color.png')?.async('nodebuffer');
    expect(zippedIcon?.equals(await readFile(path.join(APP_PACKAGE, 'color.png')))).toBe(true);
  });

  it('fails naming the placeholder that has no value, and writes nothing', async () => {
    const { BOT_ID: _missing, ...withoutBot } = TEST_VARS;
    const root = await project(withoutBot);
    const build = buildAppPackage({ env: 'test', projectRoot: root, overrides: {} });
    await expect(build).rejects.toBeInstanceOf(PackageError);
    await expect(build).rejects.toThrow(`manifest.json: placeholder ${ph('BOT_ID')} has no value`);
    await expect(readFile(path.join(root, 'appPackage', 'build', 'appPackage.test.zip'))).rejects.toThrow();
  });

  it('reads the optional .user file and lets overrides win over both files', async () => {
    const root = await project();
    await writeFile(
      path.join(root, 'env', '.env.test.user'),
      'APP_NAME_SUFFIX=-user\nTAB_DOMAIN=user.example.org\n',
    );
    const result = await buildAppPackage({
      env: 'test',
      projectRoot: root,
      overrides: { TAB_DOMAIN: 'override.example.org' },
    });
    const manifest = JSON.parse(await readFile(result.manifestPath, 'utf8')) as {
      name: { short: string };
      validDomains: string[];
    };
    expect(manifest.name.short).toBe('Bondgenoten-user');
    expect(manifest.validDomains).toEqual(['override.example.org', TEST_VARS.BOT_DOMAIN]);
  });

  it('keeps the JSON valid when a value contains quotes', async () => {
    const root = await project();
    const result = await buildAppPackage({
      env: 'test',
      projectRoot: root,
      overrides: { APP_NAME_SUFFIX: ' "t"' },
    });
    const manifest = JSON.parse(await readFile(result.manifestPath, 'utf8')) as { name: { short: string } };
    expect(manifest.name.short).toBe('Bondgenoten "t"');
  });

  it('refuses an env name that could leave the env folder', async () => {
    await expect(buildAppPackage({ env: '../secrets', overrides: {} })).rejects.toThrow(/not an env name/);
  });
});

describe('escapeLoneBrackets', () => {
  it('escapes a closing bracket outside a character class only', () => {
    expect(escapeLoneBrackets('^a\\[\\b([0-9]|1[0-2])\\b]\\.b$')).toBe('^a\\[\\b([0-9]|1[0-2])\\b\\]\\.b$');
    expect(escapeLoneBrackets('^[a-z]+\\]$')).toBe('^[a-z]+\\]$');
  });
});
