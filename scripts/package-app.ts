// Builds the Teams app package offline: `tsx scripts/package-app.ts [--env local|dev]`.
// Fills the ${{NAME}} placeholders from env/.env.<env> (+ env/.env.<env>.user, + process.env), validates the
// result against the JSON schema bundled in @microsoft/app-manifest (no network), checks the icon sizes and
// writes appPackage/build/appPackage.<env>.zip and appPackage/build/manifest.<env>.json.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { z } from 'zod';
import { PackageError, validateLocalization, validateManifest } from './manifest-schema.js';

export {
  bundledSchemaPath,
  escapeLoneBrackets,
  PackageError,
  validateLocalization,
  validateManifest,
} from './manifest-schema.js';

/** Variables that may legitimately be empty (production has no name suffix); every other one must have a value. */
const MAY_BE_EMPTY = new Set(['APP_NAME_SUFFIX']);
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const EXPECTED_ICON_SIZES = { color: 192, outline: 32, color32x32: 32 } as const;
// A fixed timestamp makes the zip byte-identical for identical input, so rebuilds are easy to compare.
const ZIP_ENTRY_DATE = new Date('2000-01-01T00:00:00Z');

/** The parts of a (validated) manifest the packager itself relies on. */
const packagedFilesSchema = z.object({
  $schema: z.string(),
  icons: z.object({ color: z.string(), outline: z.string(), color32x32: z.string().optional() }),
  localizationInfo: z
    .object({
      defaultLanguageFile: z.string().optional(),
      additionalLanguages: z.array(z.object({ file: z.string() })).optional(),
    })
    .optional(),
});

/** Replaces every `${{NAME}}` in `text` and names the placeholders that had no value, so callers can refuse them. */
export function fillPlaceholders(
  text: string,
  vars: Readonly<Record<string, string | undefined>>,
): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const filled = text.replace(PLACEHOLDER, (match, name: string) => {
    const value = vars[name];
    if (value === undefined || (value === '' && !MAY_BE_EMPTY.has(name))) {
      missing.add(name);
      return match;
    }
    return value;
  });
  return { text: filled, missing: [...missing].sort() };
}

/** Reads the KEY=VALUE lines of a toolkit env file (dotenv syntax: comments, optional quotes). */
export function parseEnvFile(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match || line.startsWith('#')) continue;
    const [, name = '', rawValue = ''] = match;
    const quoted = /^(['"])(.*)\1$/.exec(rawValue);
    vars[name] = quoted ? (quoted[2] ?? '') : rawValue.replace(/\s+#.*$/, '').trim();
  }
  return vars;
}

/** Merges env/.env.<env>, the optional env/.env.<env>.user and the overrides, later sources winning. */
export async function loadEnvironment(
  projectRoot: string,
  env: string,
  overrides: Readonly<Record<string, string | undefined>> = process.env,
): Promise<Record<string, string | undefined>> {
  const envFile = path.join(projectRoot, 'env', `.env.${env}`);
  if (!existsSync(envFile))
    throw new PackageError([`env/.env.${env} does not exist; is "${env}" the right --env?`]);
  const vars: Record<string, string | undefined> = parseEnvFile(await readFile(envFile, 'utf8'));
  const userFile = `${envFile}.user`;
  if (existsSync(userFile)) Object.assign(vars, parseEnvFile(await readFile(userFile, 'utf8')));
  for (const [name, value] of Object.entries(overrides)) if (value !== undefined) vars[name] = value;
  return vars;
}

/** Reads width and height from a PNG header (IHDR: bytes 16–23), or explains why the bytes are no PNG. */
export function readPngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (
    view.length < 24 ||
    signature.some((byte, i) => view[i] !== byte) ||
    view.toString('ascii', 12, 16) !== 'IHDR'
  ) {
    throw new Error('not a PNG file');
  }
  return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
}

/** Checks each icon named in the manifest exists with the pixel size Teams requires. */
export async function checkIcons(
  appPackageDir: string,
  icons: Record<string, string | undefined>,
): Promise<string[]> {
  const problems: string[] = [];
  for (const [kind, expected] of Object.entries(EXPECTED_ICON_SIZES)) {
    const file = icons[kind];
    if (!file) continue;
    try {
      const { width, height } = readPngSize(await readFile(path.join(appPackageDir, file)));
      if (width !== expected || height !== expected) {
        problems.push(
          `icons.${kind} (${file}) is ${width}×${height}; Teams requires ${expected}×${expected}`,
        );
      }
    } catch (error) {
      problems.push(
        `icons.${kind} (${file}) cannot be read: ${error instanceof Error ? error.message : error}`,
      );
    }
  }
  return problems;
}

function insidePackage(file: string): boolean {
  const normalised = path.posix.normalize(file.replaceAll('\\', '/'));
  return !path.posix.isAbsolute(normalised) && !normalised.startsWith('../') && normalised !== '..';
}

function jsonStringSafe(
  vars: Readonly<Record<string, string | undefined>>,
): Record<string, string | undefined> {
  // Placeholders sit inside JSON strings, so a value with a quote or backslash must not break the document.
  return Object.fromEntries(
    Object.entries(vars).map(([name, value]) => [
      name,
      value === undefined ? value : JSON.stringify(value).slice(1, -1),
    ]),
  );
}

async function fillJsonFile(appPackageDir: string, file: string, vars: Record<string, string | undefined>) {
  const problems: string[] = [];
  const source = path.join(appPackageDir, file);
  if (!existsSync(source))
    return { file, json: undefined, problems: [`${file} does not exist in appPackage/`] };
  const { text, missing } = fillPlaceholders(await readFile(source, 'utf8'), vars);
  for (const name of missing) problems.push(`${file}: placeholder \${{${name}}} has no value`);
  try {
    return { file, json: JSON.parse(text) as unknown, problems };
  } catch (error) {
    problems.push(`${file} is not valid JSON: ${error instanceof Error ? error.message : error}`);
    return { file, json: undefined, problems };
  }
}

type FilledFile = Awaited<ReturnType<typeof fillJsonFile>>;
type DeclaredFiles = z.infer<typeof packagedFilesSchema>;

function languageFilesOf(declared: DeclaredFiles): string[] {
  const info = declared.localizationInfo;
  return [
    ...(info?.defaultLanguageFile ? [info.defaultLanguageFile] : []),
    ...(info?.additionalLanguages ?? []).map((language) => language.file),
  ];
}

/** Fills manifest.json and every localisation file it names; problems are unfilled placeholders and bad JSON. */
async function fillPackageFiles(appPackageDir: string, vars: Record<string, string | undefined>) {
  const manifest = await fillJsonFile(appPackageDir, 'manifest.json', vars);
  const declared = packagedFilesSchema.safeParse(manifest.json);
  const problems = [...manifest.problems];
  const localizations: FilledFile[] = [];
  for (const file of declared.success ? languageFilesOf(declared.data) : []) {
    if (!insidePackage(file)) problems.push(`${file} points outside appPackage/`);
    else localizations.push(await fillJsonFile(appPackageDir, file, vars));
  }
  problems.push(...localizations.flatMap((localization) => localization.problems));
  return { manifest, declared, localizations, problems };
}

/** Schema-validates the filled files and checks the icons; returns every problem found. */
async function validatePackage(appPackageDir: string, filled: Awaited<ReturnType<typeof fillPackageFiles>>) {
  const problems = await validateManifest(filled.manifest.json);
  if (!filled.declared.success)
    return problems.length > 0 ? problems : ['manifest.json: icons are not declared'];
  const { icons, $schema } = filled.declared.data;
  for (const localization of filled.localizations) {
    problems.push(...(await validateLocalization($schema, localization.file, localization.json)));
  }
  for (const [kind, file] of Object.entries(icons)) {
    if (file && !insidePackage(file)) problems.push(`icons.${kind} (${file}) points outside appPackage/`);
  }
  problems.push(...(await checkIcons(appPackageDir, icons)));
  return problems;
}

async function zipPackage(
  appPackageDir: string,
  manifestJson: unknown,
  declared: DeclaredFiles,
  localizations: FilledFile[],
) {
  const zip = new JSZip();
  const entry = { date: ZIP_ENTRY_DATE };
  zip.file('manifest.json', `${JSON.stringify(manifestJson, null, 2)}\n`, entry);
  for (const localization of localizations) {
    zip.file(localization.file, `${JSON.stringify(localization.json, null, 2)}\n`, entry);
  }
  for (const icon of new Set(Object.values(declared.icons).filter((file): file is string => !!file))) {
    zip.file(icon, await readFile(path.join(appPackageDir, icon)), { ...entry, binary: true });
  }
  return zip;
}

/** Options of {@link buildAppPackage}; `overrides` defaults to `process.env`. */
export interface BuildOptions {
  env: string;
  projectRoot?: string;
  overrides?: Readonly<Record<string, string | undefined>>;
}

/** Fills, validates and zips the app package for one environment; throws {@link PackageError} listing every problem. */
export async function buildAppPackage(options: BuildOptions) {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(options.env))
    throw new PackageError([`--env "${options.env}" is not an env name`]);
  const projectRoot = options.projectRoot ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const appPackageDir = path.join(projectRoot, 'appPackage');
  const vars = jsonStringSafe(await loadEnvironment(projectRoot, options.env, options.overrides));

  const filled = await fillPackageFiles(appPackageDir, vars);
  if (filled.problems.length > 0) throw new PackageError(filled.problems);
  const problems = await validatePackage(appPackageDir, filled);
  if (problems.length > 0 || !filled.declared.success) throw new PackageError(problems);

  const zip = await zipPackage(
    appPackageDir,
    filled.manifest.json,
    filled.declared.data,
    filled.localizations,
  );
  const buildDir = path.join(appPackageDir, 'build');
  await mkdir(buildDir, { recursive: true });
  const zipPath = path.join(buildDir, `appPackage.${options.env}.zip`);
  const manifestPath = path.join(buildDir, `manifest.${options.env}.json`);
  await writeFile(zipPath, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  await writeFile(manifestPath, `${JSON.stringify(filled.manifest.json, null, 2)}\n`);
  return { zipPath, manifestPath, files: Object.keys(zip.files).sort() };
}

/** The last `--env` wins, so `npm run package -- --env dev` overrides the script's own `--env local`. */
function envArgument(argv: readonly string[]): string {
  const index = argv.findLastIndex((arg) => arg === '--env' || arg.startsWith('--env='));
  if (index === -1) return 'local';
  const arg = argv[index] ?? '';
  return arg.includes('=') ? arg.slice('--env='.length) : (argv[index + 1] ?? '');
}

async function main(): Promise<void> {
  const env = envArgument(process.argv.slice(2));
  try {
    const result = await buildAppPackage({ env });
    const relative = (file: string) => path.relative(process.cwd(), file);
    process.stdout.write(`Wrote ${relative(result.zipPath)} (${result.files.join(', ')})\n`);
    process.stdout.write(`Wrote ${relative(result.manifestPath)}\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
