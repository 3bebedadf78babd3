import { isLiteralElement, type MessageFormatElement, parse } from '@formatjs/icu-messageformat-parser';
import { type Plugin, runnerImport } from 'vite';

// Issue 21: react-intl parsed every ICU message string of a first page at runtime (and shipped the parser). In the
// tab build the catalogue parts that src/tab/i18n/catalogue.ts loads are replaced by their messages parsed to ICU
// ASTs with react-intl's own parser, and the parser is aliased to its `no-parser` entry (the `config` hook below), as
// react-intl's documentation describes. The built tab therefore cannot format a message string at runtime: a
// `defaultMessage` or `<FormattedMessage>` with a string of its own would only report an error (the tab uses
// neither; texts come from the catalogues by id). The sources stay plain strings: the types (MessageId), the tests
// and `npx vite` (the dev server, which this plugin leaves alone) use them as they are. Measured with
// bench/tools/tab-trace.ts (warm cache): the parser's 5–7 ms of script per first page are gone.

/** The catalogue parts catalogue.ts imports, and the locale each is parsed for (intlLocales in locale.ts). */
const CATALOGUE_PART = /[\\/]src[\\/]tab[\\/]i18n[\\/]messages-(?:first|more)\.(nl|en)\.ts$/;
const PARSE_LOCALES: Record<string, string> = { nl: 'nl-NL', en: 'en-GB' };

/** A catalogue's texts parsed: one-piece texts as their text, the others as ICU ASTs (see `expandTexts`). */
export interface PrecompiledTexts {
  texts: Record<string, string>;
  asts: Record<string, MessageFormatElement[]>;
}

/** Parses every message of a catalogue; throws on a message the parser rejects (which fails the build). */
export function precompileTexts(
  catalogue: Record<string, unknown>,
  locale: string,
  where: string,
): PrecompiledTexts {
  const texts: Record<string, string> = {};
  const asts: Record<string, MessageFormatElement[]> = {};
  for (const [key, message] of Object.entries(catalogue)) {
    if (typeof message !== 'string') throw new Error(`${where}: ${key} is no string`);
    let ast: MessageFormatElement[];
    try {
      ast = parse(message, { locale: new Intl.Locale(locale) });
    } catch (error) {
      throw new Error(`${where}: message ${key} does not parse: ${String(error)}`);
    }
    const [only] = ast;
    if (ast.length === 1 && only && isLiteralElement(only)) texts[key] = only.value;
    else asts[key] = ast;
  }
  return { texts, asts };
}

/**
 * The catalogue react-intl gets: every message an AST. Most messages are one piece of text; they travel as their
 * text and become their one-literal AST (`[{ type: 0, value }]`, TYPE.literal) when the module loads, which keeps
 * the chunk near the size of the strings. Emitted into the bundle by its source text, so it refers to nothing.
 */
export function expandTexts({ texts, asts }: PrecompiledTexts): Record<string, MessageFormatElement[]> {
  const all: Record<string, MessageFormatElement[]> = asts;
  for (const key in texts) all[key] = [{ type: 0, value: texts[key] as string }];
  return all;
}

/** The module's exports (catalogues) with every message parsed, as the module's code. */
function precompiledModule(exports: Record<string, unknown>, locale: string, id: string): string {
  const lines = [`const expandTexts = ${expandTexts.toString()};`];
  for (const [name, value] of Object.entries(exports)) {
    if (value === null || typeof value !== 'object') throw new Error(`${id}: export ${name} is no catalogue`);
    const parsed = precompileTexts(value as Record<string, unknown>, locale, `${id}: ${name}`);
    // JSON.parse of a string literal is cheaper for the browser than the same object as a JavaScript literal.
    lines.push(`export const ${name} = expandTexts(JSON.parse(${JSON.stringify(JSON.stringify(parsed))}));`);
  }
  return lines.join('\n');
}

/** Replaces the tab's catalogue parts by their messages as ICU ASTs in `vite build`. */
export function precompiledMessages(): Plugin {
  return {
    name: 'bondgenoten:precompiled-messages',
    apply: 'build',
    enforce: 'pre',
    config: () => ({
      resolve: {
        alias: [
          {
            find: /^@formatjs\/icu-messageformat-parser$/,
            replacement: '@formatjs/icu-messageformat-parser/no-parser.js',
          },
        ],
      },
    }),
    async load(id) {
      const match = CATALOGUE_PART.exec(id);
      if (!match) return null;
      const { module, dependencies } = await runnerImport<Record<string, unknown>>(id, {
        configFile: false,
        logLevel: 'silent',
      });
      for (const dependency of dependencies) this.addWatchFile(dependency);
      return precompiledModule(module, PARSE_LOCALES[match[1] as string] as string, id);
    },
  };
}
