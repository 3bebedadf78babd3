// Offline validation of Teams manifests and localisation files against the JSON schemas bundled in
// @microsoft/app-manifest, used by scripts/package-app.ts. Never fetches a schema from the network.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { z } from 'zod';

type SchemaValidatorInput = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];
type JsonSchema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

const SCHEMA_HOST_PREFIX = 'https://developer.microsoft.com/json-schemas/';

/** Thrown when the package cannot be built; the message lists every problem found. */
export class PackageError extends Error {
  override name = 'PackageError';
  constructor(readonly problems: string[]) {
    super(`The Teams app package was not built:\n  - ${problems.join('\n  - ')}`);
  }
}

/** Maps the manifest's `$schema` URL to the copy bundled in @microsoft/app-manifest, so validation never needs the network. */
export function bundledSchemaPath(schemaUrl: string, fileName?: string): string {
  const url = new URL(schemaUrl);
  // developer.microsoft.com also serves the schemas under a locale, e.g. /en-us/json-schemas/...
  const pathname = url.pathname.replace(/^\/[a-z]{2}(?:-[a-z]{2})?(?=\/json-schemas\/)/i, '');
  const normalised = `${url.origin}${pathname}`;
  if (!normalised.startsWith(SCHEMA_HOST_PREFIX)) {
    throw new PackageError([`$schema "${schemaUrl}" is not a developer.microsoft.com json-schemas URL`]);
  }
  const relative = normalised.slice(SCHEMA_HOST_PREFIX.length).split('/');
  if (fileName) relative[relative.length - 1] = fileName;
  const packageBuild = path.dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest'));
  const file = path.join(packageBuild, 'json-schemas', ...relative);
  if (!existsSync(file)) {
    throw new PackageError([
      `$schema "${schemaUrl}" is not bundled in @microsoft/app-manifest (looked for ${file})`,
    ]);
  }
  return file;
}

/** Escapes each `]` that closes no character class: valid in legacy regexes, an error with the `u` flag ajv uses. */
export function escapeLoneBrackets(pattern: string): string {
  let inClass = false;
  let result = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      result += char + (pattern[i + 1] ?? '');
      i++;
    } else if (char === '[') {
      inClass = true;
      result += char;
    } else if (char === ']') {
      result += inClass ? char : '\\]';
      inClass = false;
    } else {
      result += char;
    }
  }
  return result;
}

/** Returns a copy of a JSON schema whose `patternProperties` keys all compile in unicode mode. */
function repairPatternKeys(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(repairPatternKeys);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => {
      if (key !== 'patternProperties' || !value || typeof value !== 'object')
        return [key, repairPatternKeys(value)];
      const repaired = Object.entries(value).map(([pattern, rule]) => [
        escapeLoneBrackets(pattern),
        repairPatternKeys(rule),
      ]);
      return [key, Object.fromEntries(repaired)];
    }),
  );
}

async function loadSchema(file: string): Promise<JsonSchema> {
  // Same clean-up as @microsoft/app-manifest: some schema versions carry regex escapes JSON cannot parse.
  const raw = (await readFile(file, 'utf8')).replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  // The v1.2x localisation schemas have `activityTypes\[...\b]` keys that ajv cannot compile in unicode mode.
  return repairPatternKeys(JSON.parse(raw)) as JsonSchema;
}

async function validateAgainst(document: unknown, schemaFile: string, label: string): Promise<string[]> {
  const schema = await loadSchema(schemaFile);
  // The validator only reads the object; the cast satisfies its signature, the schema does the checking.
  const errors = await AppManifestUtils.validateAgainstSchema(document as SchemaValidatorInput, schema);
  return errors.map((error) => `${label}${error.startsWith(' ') ? ' (root)' : ' '}${error.trim()}`);
}

/** Validates a filled manifest against its `$schema`, using only the schemas bundled in @microsoft/app-manifest. */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  const schemaUrl = z.object({ $schema: z.url() }).safeParse(manifest);
  if (!schemaUrl.success) return ['manifest.json: $schema must be the URL of the Teams manifest schema'];
  return validateAgainst(manifest, bundledSchemaPath(schemaUrl.data.$schema), 'manifest.json:');
}

/** Validates a filled localisation file against the localisation schema of the same manifest version. */
export async function validateLocalization(
  manifestSchemaUrl: string,
  file: string,
  content: unknown,
): Promise<string[]> {
  const schemaFile = bundledSchemaPath(manifestSchemaUrl, 'MicrosoftTeams.Localization.schema.json');
  return validateAgainst(content, schemaFile, `${file}:`);
}
