/** The languages the tab speaks: Dutch (default) and English. */
export type AppLocale = 'nl' | 'en';

/** The regional formats per locale: English in British style (14 March 2019), as used across Europe. */
export const intlLocales: Record<AppLocale, string> = { nl: 'nl-NL', en: 'en-GB' };

const STORAGE_KEY = 'bondgenoten.locale';

/** Maps a BCP 47 tag such as Teams' `en-us` to a locale of the tab: English for `en-*`, Dutch otherwise. */
export function localeFromTag(tag: string | null | undefined): AppLocale {
  return tag?.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

/** The locale a plain browser starts with: the user's earlier choice, else Dutch. */
export function storedLocale(): AppLocale {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    // Storage can be blocked (private mode, strict third-party settings); Dutch is the default anyway.
    return 'nl';
  }
}

/** Remembers the user's language choice for the next visit; silently skipped when storage is blocked. */
export function storeLocale(locale: AppLocale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // See storedLocale.
  }
}
