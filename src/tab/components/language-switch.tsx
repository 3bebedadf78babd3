import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useLocaleControl } from '../i18n/locale-context.js';
import { useT } from '../i18n/use-t.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    gap: tokens.spacingHorizontalXXS,
    margin: 0,
    padding: 0,
    border: 'none',
    minWidth: 0,
  },
  // Fluent's 64 px minimum per button crowds a phone-wide header; the letters need far less.
  button: { '@media (max-width: 600px)': { minWidth: '40px' } },
  // The legend names the group for screen readers; sighted users see the NL/EN buttons in the header.
  legend: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

/**
 * NL/EN switch: toggle buttons (aria-pressed), the current language filled so it stands out in every theme.
 * Each button's spoken name includes its visible letters and the language's own name. Plain Buttons with
 * aria-pressed rather than Fluent's ToggleButton: the appearance already marks the current language, and
 * ToggleButton's checked styles weighed ~3 KiB gzip in the initial JS (issue 21: <= 200 KiB).
 */
export function LanguageSwitch() {
  const t = useT();
  const styles = useStyles();
  const { locale, setLocale } = useLocaleControl();
  return (
    <fieldset className={styles.root}>
      <legend className={styles.legend}>{t('language.groupLabel')}</legend>
      <Button
        size="small"
        className={styles.button}
        lang="nl"
        aria-pressed={locale === 'nl'}
        appearance={locale === 'nl' ? 'primary' : 'subtle'}
        aria-label={t('language.nl.name')}
        onClick={() => setLocale('nl')}
      >
        {t('language.nl.short')}
      </Button>
      <Button
        size="small"
        className={styles.button}
        lang="en"
        aria-pressed={locale === 'en'}
        appearance={locale === 'en' ? 'primary' : 'subtle'}
        aria-label={t('language.en.name')}
        onClick={() => setLocale('en')}
      >
        {t('language.en.short')}
      </Button>
    </fieldset>
  );
}
