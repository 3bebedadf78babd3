import type { MessageFormatElement } from 'react-intl';
import { type AppLocale, storedLocale } from './locale.js';
import type { FirstMessageId, MessageId, MoreMessageId } from './messages.nl.js';
import { messagesFirstNl } from './messages-first.nl.js';

// The tab's texts come in two parts per language (issue 21: the Dutch catalogue, ~125 KiB, was parsed on every
// load): the shell's and the first pages' (overview, network, meetings, call-out) in messages-first.*.ts, and the
// other pages' in messages-more.*.ts. Dutch first texts are in the initial JS; every other part is fetched on
// demand. A page that is no first page loads "more" beside its code (`withMoreMessages` in signed-in-page.tsx), and
// from then on the tab shows a language only with both parts, so no page ever renders a missing text.
// catalogue-split.test.ts proves that the code which may render without "more" uses only first texts.
// In the tab build each part's texts arrive already parsed to ICU message ASTs (scripts/vite-precompiled-messages.ts),
// so react-intl parses nothing at runtime and the bundle carries no parser; the sources (and `npx vite`) have strings.

/** Texts: ICU message strings in the sources, parsed ICU messages in the tab build (see above). */
type Texts<Id extends string> = Record<Id, string> | Record<Id, MessageFormatElement[]>;
/** A catalogue: the texts of the tab in one language, as far as they are loaded (see above). */
export type Catalogue = Texts<MessageId>;
type FirstPart = Texts<FirstMessageId>;
type MorePart = Texts<MoreMessageId>;

/** A language's texts that may be shown: `complete` once its "more" part is in. */
export interface LoadedCatalogue {
  locale: AppLocale;
  messages: Catalogue;
  complete: boolean;
}

interface Parts {
  first?: FirstPart;
  more?: MorePart;
  shown?: LoadedCatalogue;
}

const parts: Record<AppLocale, Parts> = { nl: { first: messagesFirstNl }, en: {} };
const pending = new Map<string, Promise<void>>();
const listeners = new Set<() => void>();
/** Whether a page needing the "more" texts has been asked for: from then on a language shows only with them. */
let moreWanted = false;
/**
 * The language the tab shows (set by the app). Before the app has rendered it is the one the app starts with
 * (useAppLocale in app.tsx: the stored choice until Teams tells its language), so a page opened directly fetches
 * its texts beside its code (main.tsx asks for that code before React renders).
 */
let wanted: AppLocale | null = null;

function importPart(locale: AppLocale, part: 'first' | 'more'): Promise<FirstPart | MorePart> {
  if (part === 'first') {
    return locale === 'nl'
      ? Promise.resolve(messagesFirstNl)
      : import('./messages-first.en.js').then((module) => module.messagesFirstEn);
  }
  return locale === 'nl'
    ? import('./messages-more.nl.js').then((module) => module.messagesMoreNl)
    : import('./messages-more.en.js').then((module) => module.messagesMoreEn);
}

/**
 * Recomputes what a language may show (a new object only when something changed) and tells the app. A language
 * first shown once a page needs the "more" texts waits for them; one already on screen stays meanwhile (the page
 * that needs them renders only once they are in, see `withMoreMessages`).
 */
function refresh(locale: AppLocale): void {
  const { first, more, shown } = parts[locale];
  const complete = more !== undefined;
  if (!first || (moreWanted && !complete && !shown)) return;
  if (!shown || shown.complete !== complete)
    parts[locale].shown = { locale, messages: { ...first, ...more } as Catalogue, complete };
  for (const listener of listeners) listener();
}

// Dutch first texts are there from the start.
refresh('nl');

function ensure(locale: AppLocale, part: 'first' | 'more'): Promise<void> {
  if (parts[locale][part]) return Promise.resolve();
  const key = `${locale}:${part}`;
  let loading = pending.get(key);
  if (!loading) {
    loading = importPart(locale, part).then(
      (texts) => {
        if (part === 'first') parts[locale].first = texts as FirstPart;
        else parts[locale].more = texts as MorePart;
        pending.delete(key);
        refresh(locale);
      },
      (error: unknown) => {
        // A failed download may be retried (the network may be back).
        pending.delete(key);
        throw error;
      },
    );
    pending.set(key, loading);
  }
  return loading;
}

/** Subscribes to changes of what the languages may show (for `useSyncExternalStore`). */
export function subscribeCatalogues(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The texts `locale` may show now: undefined while a part it needs is still on its way. The same object until
 * that changes.
 */
export function shownCatalogue(locale: AppLocale): LoadedCatalogue | undefined {
  return parts[locale].shown;
}

/** Loads what `locale` needs (its first texts, and the others once a page needs them); the app's language. */
export function loadCatalogue(locale: AppLocale): Promise<void> {
  wanted = locale;
  return Promise.all([ensure(locale, 'first'), moreWanted ? ensure(locale, 'more') : undefined]).then(
    () => undefined,
  );
}

/**
 * Loads the texts of the pages that are no first page in the language the tab shows, settling once they are in
 * (the tab then shows that language only with them); rejects when the download failed.
 */
export function loadMoreMessages(): Promise<void> {
  moreWanted = true;
  return ensure(wanted ?? storedLocale(), 'more');
}

/** Loads `module` and the texts of the pages that are no first page, for such a page's loader. */
export function withMoreMessages<M>(module: Promise<M>): Promise<M> {
  return Promise.all([module, loadMoreMessages()]).then(([loaded]) => loaded);
}
