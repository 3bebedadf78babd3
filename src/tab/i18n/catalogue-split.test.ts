import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import ts from 'typescript';
import { messagesEn } from './messages.en.js';
import { messagesNl } from './messages.nl.js';
import { messagesFirstEn } from './messages-first.en.js';
import { messagesFirstNl } from './messages-first.nl.js';
import { messagesMoreEn } from './messages-more.en.js';
import { messagesMoreNl } from './messages-more.nl.js';

// The tab loads its texts in two parts (catalogue.ts): the shell's and the first pages' with the initial JS, the
// others only beside the code of a page that needs them (`withMoreMessages`). Pages and components share texts,
// so the split is checked here on the source: every text the code may render before the "more" part is in must
// be in the first part, in both languages.
//
// "May render before": the entry (main.tsx) and everything it imports statically, and every module it or they
// import dynamically other than through `withMoreMessages(import(…))`, with all of those modules' imports in
// turn. A text counts as used when a string literal in that code is its id, or when a template literal's fixed
// start or a literal ending in a dot (`t(\`status.${x}\`)`, `'audit.action.' + code`) starts it: a generous
// reading, so that a text built from parts is never missed.

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ENTRY = resolve(SRC, 'tab/main.tsx');
const LAZY_WRAPPER = 'withMoreMessages';
const firstKeys = new Set(Object.keys(messagesFirstNl));
const allKeys = Object.keys(messagesNl);

interface ParsedModule {
  /** Modules imported statically (type-only imports left out: they are erased). */
  statics: string[];
  /** Modules imported dynamically, and whether each goes through `withMoreMessages`. */
  dynamics: { module: string; withMore: boolean }[];
  /** String literals and the fixed starts of template literals (`prefix`: the text is built further). */
  texts: { text: string; prefix: boolean }[];
}

function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier).replace(/\.js$/, '');
  for (const suffix of ['.ts', '.tsx', '/index.ts', '/index.tsx'])
    if (existsSync(base + suffix)) return base + suffix;
  throw new Error(`${relative(SRC, from)} imports ${specifier}, which does not resolve`);
}

const parsed = new Map<string, ParsedModule>();

function parse(file: string): ParsedModule {
  const known = parsed.get(file);
  if (known) return known;
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, kind);
  const module: ParsedModule = { statics: [], dynamics: [], texts: [] };
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const typeOnly = ts.isImportDeclaration(node) ? node.importClause?.isTypeOnly : node.isTypeOnly;
      const target = resolveImport(file, node.moduleSpecifier.text);
      if (target && !typeOnly) module.statics.push(target);
      return;
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      const target = argument && ts.isStringLiteral(argument) ? resolveImport(file, argument.text) : null;
      if (target) {
        const caller = node.parent;
        const withMore =
          ts.isCallExpression(caller) &&
          ts.isIdentifier(caller.expression) &&
          caller.expression.text === LAZY_WRAPPER;
        module.dynamics.push({ module: target, withMore });
      }
      return;
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
      module.texts.push({ text: node.text, prefix: node.text.endsWith('.') });
    else if (ts.isTemplateExpression(node)) module.texts.push({ text: node.head.text, prefix: true });
    ts.forEachChild(node, visit);
  };
  visit(source);
  parsed.set(file, module);
  return module;
}

const isCatalogue = (file: string) => /[\\/]i18n[\\/]messages[^\\/]*\.ts$/.test(file);

/** The modules that may render before the "more" texts are in, each with the module that brought it in. */
function renderedWithFirstTexts(): Map<string, string> {
  const reached = new Map<string, string>([[ENTRY, 'the entry']]);
  const todo = [ENTRY];
  while (todo.length > 0) {
    const file = todo.pop() as string;
    const module = parse(file);
    const next = [...module.statics, ...module.dynamics.filter((d) => !d.withMore).map((d) => d.module)];
    for (const target of next) {
      if (reached.has(target) || isCatalogue(target)) continue;
      reached.set(target, relative(SRC, file));
      todo.push(target);
    }
  }
  return reached;
}

function keysUsedBy(file: string): string[] {
  const used = new Set<string>();
  for (const { text, prefix } of parse(file).texts) {
    if (text === '') continue;
    if (prefix) for (const key of allKeys) key.startsWith(text) && used.add(key);
    else if (text in messagesNl) used.add(text);
  }
  return [...used];
}

describe('the split message catalogue', () => {
  it('has every text that the shell and the first pages may render in its first part', () => {
    const reached = renderedWithFirstTexts();
    // The first pages (issue 21) are among the code checked, so the check cannot pass by reaching nothing.
    for (const page of [
      'setup/tab/components/setup-landing.tsx',
      'network/tab/pages/network-page.tsx',
      'meetings/tab/pages/meetings-pages.tsx',
      'call-outs/tab/pages/call-out-pages.tsx',
    ])
      expect(reached.has(resolve(SRC, page))).toBe(true);
    const missing: string[] = [];
    for (const [file, from] of reached)
      for (const key of keysUsedBy(file))
        if (!firstKeys.has(key)) missing.push(`${key} (${relative(SRC, file)}, reached from ${from})`);
    expect(missing).toEqual([]);
  });

  it('loads the other pages with the rest: no page outside the first ones is reached without it', () => {
    const reached = renderedWithFirstTexts();
    for (const page of [
      'identity/tab/roles-page.tsx',
      'audit/tab/audit-page.tsx',
      'privacy/tab/pages/privacy-pages.tsx',
      'setup/tab/pages/setup-pages.tsx',
    ])
      expect(reached.has(resolve(SRC, page))).toBe(false);
  });

  it('keeps the whole catalogue and the rest out of that code: no static import of them', () => {
    const offending: string[] = [];
    for (const file of renderedWithFirstTexts().keys())
      for (const target of parse(file).statics)
        if (/[\\/]i18n[\\/]messages(-more)?\.(nl|en)\.ts$/.test(target))
          offending.push(`${relative(SRC, file)} imports ${relative(SRC, target)}`);
    expect(offending).toEqual([]);
  });

  it('splits both languages alike: the same keys in each part, no key in both parts', () => {
    expect(Object.keys(messagesFirstEn).sort()).toEqual(Object.keys(messagesFirstNl).sort());
    expect(Object.keys(messagesMoreEn).sort()).toEqual(Object.keys(messagesMoreNl).sort());
    expect(Object.keys(messagesMoreNl).filter((key) => firstKeys.has(key))).toEqual([]);
    expect(Object.keys(messagesEn).length).toBe(firstKeys.size + Object.keys(messagesMoreNl).length);
  });
});
