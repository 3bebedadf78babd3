import { makeStyles, tokens } from '@fluentui/react-components';
import { type ReactNode, useEffect, useRef } from 'react';
import { useT } from '../i18n/use-t.js';

const useStyles = makeStyles({
  skipLink: {
    position: 'absolute',
    left: tokens.spacingHorizontalM,
    top: '-100px',
    zIndex: 1,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow8,
    ':focus': { top: tokens.spacingVerticalM },
  },
  main: {
    maxWidth: '1200px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXL} ${tokens.spacingVerticalXXXL}`,
    // Focus lands here programmatically after a page change; it is not a control, so no ring.
    ':focus': { outlineStyle: 'none' },
  },
});

/**
 * Skip link, header and main landmark. When `focusKey` changes from one page to another (not on the first page),
 * focus moves to the main content, because the control that had it (e.g. a sign-in button) is gone.
 */
export function PageLayout(props: { header: ReactNode; focusKey?: string | undefined; children: ReactNode }) {
  const { header, focusKey, children } = props;
  const t = useT();
  const styles = useStyles();
  const main = useRef<HTMLElement>(null);
  const shownKey = useRef(focusKey);

  useEffect(() => {
    if (focusKey !== undefined && shownKey.current !== undefined && focusKey !== shownKey.current) {
      main.current?.focus({ preventScroll: true });
    }
    shownKey.current = focusKey;
  }, [focusKey]);

  return (
    <>
      <a href="#main" className={styles.skipLink}>
        {t('app.skipToContent')}
      </a>
      {header}
      <main id="main" ref={main} tabIndex={-1} className={styles.main}>
        {children}
      </main>
    </>
  );
}
