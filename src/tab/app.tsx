import { FluentProvider, makeStaticStyles, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { IntlProvider } from 'react-intl';
import { AppHeader } from './components/app-header.js';
import { LoadingState } from './components/loading-state.js';
import { PageLayout } from './components/page-layout.js';
import { AMSTERDAM_ZONE } from './i18n/amsterdam-time.js';
import {
  type LoadedCatalogue,
  loadCatalogue,
  shownCatalogue,
  subscribeCatalogues,
} from './i18n/catalogue.js';
import { type AppLocale, intlLocales, localeFromTag, storedLocale, storeLocale } from './i18n/locale.js';
import { LocaleControlProvider } from './i18n/locale-context.js';
import { ConfigPage } from './pages/config-page.js';
import { SessionGate } from './session/session-gate.js';
import { fluentTheme } from './teams/theme.js';
import { type HostState, useHost } from './teams/use-host.js';

const useGlobalStyles = makeStaticStyles({
  body: { margin: 0 },
});

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
});

/** The locale: Teams' UI language inside Teams, else the user's earlier choice (Dutch by default). */
function useAppLocale(host: HostState): [AppLocale, (locale: AppLocale) => void] {
  const [chosen, setChosen] = useState<AppLocale | null>(null);
  const [stored] = useState(storedLocale);
  const teamsLocale = host.status === 'ready' && host.teams ? localeFromTag(host.teams.locale) : null;
  const locale = chosen ?? teamsLocale ?? stored;
  const inTeams = teamsLocale !== null;
  const choose = useCallback(
    (next: AppLocale) => {
      setChosen(next);
      // Inside Teams the Teams language stays the starting point next time; only a browser remembers the choice.
      if (!inTeams) storeLocale(next);
    },
    [inTeams],
  );
  return [locale, choose];
}

/**
 * The catalogue for the locale, once loaded (i18n/catalogue.ts: the first pages' texts, and all of them once a
 * page needs the rest); until a newly chosen language has arrived the previous one stays on screen (null only when
 * the very first language is still loading). A language that fails to load falls back to Dutch.
 */
function useCatalogue(locale: AppLocale): LoadedCatalogue | null {
  const [failed, setFailed] = useState<AppLocale | null>(null);
  const effective = failed === locale ? 'nl' : locale;
  const current = useSyncExternalStore(subscribeCatalogues, () => shownCatalogue(effective));
  const previous = useRef<LoadedCatalogue | null>(null);
  useEffect(() => {
    let live = true;
    loadCatalogue(effective).catch(() => {
      if (live && effective !== 'nl') setFailed(effective);
    });
    return () => {
      live = false;
    };
  }, [effective]);
  if (current) previous.current = current;
  return current ?? previous.current;
}

function Routes({ host }: { host: HostState }) {
  if (host.status === 'connecting') {
    return (
      <PageLayout header={<AppHeader />}>
        <LoadingState />
      </PageLayout>
    );
  }
  if (window.location.pathname === '/config') {
    return (
      <PageLayout header={<AppHeader />}>
        <ConfigPage teams={host.teams} />
      </PageLayout>
    );
  }
  return <SessionGate teams={host.teams} />;
}

/** The tab: detects Teams, picks language and theme, and routes between the overview and the config page. */
export function App() {
  useGlobalStyles();
  const styles = useStyles();
  const host = useHost();
  const [chosenLocale, setLocale] = useAppLocale(host);
  const catalogue = useCatalogue(chosenLocale);
  const locale = catalogue?.locale ?? chosenLocale;
  const inTeams = host.status === 'ready' && host.teams !== null;
  const theme = fluentTheme(host.theme, inTeams);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  useEffect(() => {
    // Lets the browser draw scrollbars and form controls to match the theme.
    document.documentElement.style.colorScheme = host.theme === 'light' ? 'light' : 'dark';
  }, [host.theme]);

  const localeControl = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  // Only while the first (English) catalogue is on its way: a blank moment rather than Dutch flashing by.
  if (!catalogue) return null;
  return (
    // Every instant in Dutch time, whatever the browser's zone (a VDI or a laptop set to UTC): the municipality,
    // the police and the method's hour all run on it, and one page never shows a time in two zones. A date-only
    // value is still shown with its own `timeZone: 'UTC'`.
    <IntlProvider
      locale={intlLocales[locale]}
      defaultLocale="nl-NL"
      timeZone={AMSTERDAM_ZONE}
      messages={catalogue.messages}
    >
      <LocaleControlProvider value={localeControl}>
        <FluentProvider theme={theme}>
          {/* Not on the provider itself: Fluent copies the provider's classes onto every portal (dialogs,
              tooltips, toasts), and a full-height background there would cover the page. */}
          <div className={styles.root}>
            <Routes host={host} />
          </div>
        </FluentProvider>
      </LocaleControlProvider>
    </IntlProvider>
  );
}
