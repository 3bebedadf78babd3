import { createContext, type ReactNode, useContext } from 'react';
import type { AppLocale } from './locale.js';

/** The current locale and the way to change it (the language switch). */
export interface LocaleControl {
  locale: AppLocale;
  setLocale: (locale: AppLocale) => void;
}

const LocaleContext = createContext<LocaleControl | null>(null);

/** Makes the locale control available to the language switch. */
export function LocaleControlProvider({ value, children }: { value: LocaleControl; children: ReactNode }) {
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

/** The locale control; only valid below {@link LocaleControlProvider}. */
export function useLocaleControl(): LocaleControl {
  const control = useContext(LocaleContext);
  if (!control) throw new Error('useLocaleControl is used outside LocaleControlProvider');
  return control;
}
