import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { expectSaying } from '../../tests/helpers/expect-saying.js';
import { AUDIT_ACTION_LABELS, AUDIT_OBJECT_TYPE_LABELS } from './constants.js';

const SRC = fileURLToPath(new URL('..', import.meta.url));

/** The server's source files (no tab code, no tests). */
function serverSources(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'tab' ? [] : serverSources(path);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** Files that write audit rows: they call appendAuditEvent, auditEvent or a capability's `audit(…)` helper. */
const writers = serverSources()
  .map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }))
  .filter(({ text }) => /appendAuditEvent|auditEvent\(|\baudit\(/.test(text));

/** Dotted literals in those files that are field names of validation errors, not actions. */
const FIELD_NAME = /^(body|query|params|headers)\./;

/** Every action literal (`'person.read'`) in a file that writes audit rows. */
function writtenActions(): Map<string, string> {
  const found = new Map<string, string>();
  for (const { path, text } of writers) {
    for (const [, action] of text.matchAll(/'([a-z][a-z-]*\.[a-z][a-z-]*)'/g)) {
      if (action && !FIELD_NAME.test(action)) found.set(action, path);
    }
  }
  return found;
}

/** Actions built from a template (`person.kind-${kind}`): their fixed start. */
function actionTemplates(): string[] {
  return writers.flatMap(({ text }) =>
    [...text.matchAll(/`([a-z][a-z-]*\.[a-z-]*)\$\{/g)].map((m) => m[1] ?? ''),
  );
}

/** Object types: `{ type: 'network', … }`, `objectType: 'person'`, and the router's path-parameter types. */
function writtenObjectTypes(): Set<string> {
  const found = new Set<string>();
  for (const { text } of writers) {
    for (const [, type] of text.matchAll(/\b(?:type|objectType): '([a-z][a-z-]*)'/g))
      if (type) found.add(type);
  }
  const refusals = readFileSync(join(SRC, 'platform/http/refusal-object.ts'), 'utf8');
  const table = /PARAM_OBJECT_TYPES[^{]*\{([^}]*)\}/.exec(refusals)?.[1] ?? '';
  for (const [, type] of table.matchAll(/: '([a-z-]+)'/g)) if (type) found.add(type);
  const permissions = readFileSync(join(SRC, 'identity/permissions.ts'), 'utf8');
  for (const [, type] of permissions.matchAll(/objectType: '([a-z-]+)'/g)) if (type) found.add(type);
  // An attendee type of the calendar port, not an audit object.
  found.delete('required');
  return found;
}

describe('labels of the audit trail', () => {
  it('names every action the code writes, in Dutch and English', () => {
    const actions = writtenActions();
    // The scan must find the trail's actions at all, or it would pass on nothing.
    expect(actions.size).toBeGreaterThan(90);
    const missing = [...actions].filter(([action]) => !Object.hasOwn(AUDIT_ACTION_LABELS.nl, action));
    expect(missing.map(([action, path]) => `${action} (${path})`)).toEqual([]);
  });

  it('names every action built from a person kind', () => {
    expect(actionTemplates()).toEqual(['person.kind-']);
    // people-service writes `person.kind-${kind with "_" as "-"}` for each kind of person.
    for (const kind of ['key_figure', 'ally', 'former_ally']) {
      expect(Object.keys(AUDIT_ACTION_LABELS.nl)).toContain(`person.kind-${kind.replace('_', '-')}`);
    }
  });

  it('names every object type audit rows carry', () => {
    const types = writtenObjectTypes();
    expect(types.size).toBeGreaterThan(10);
    expect([...types].filter((type) => !Object.hasOwn(AUDIT_OBJECT_TYPE_LABELS.nl, type))).toEqual([]);
  });

  it('has a label in each language that is words, not the code', () => {
    for (const labels of [AUDIT_ACTION_LABELS, AUDIT_OBJECT_TYPE_LABELS]) {
      expect(Object.keys(labels.en).sort()).toEqual(Object.keys(labels.nl).sort());
      for (const [code, text] of [...Object.entries(labels.nl), ...Object.entries(labels.en)]) {
        expectSaying(text.trim(), code).not.toBe('');
        expectSaying(text, code).not.toContain(code);
      }
    }
  });
});
