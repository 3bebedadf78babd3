import { makeStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  // Only the table scrolls sideways on a narrow screen, never the page.
  region: { overflowX: 'auto', maxWidth: '100%' },
});

/** A named region that scrolls a wide table sideways; focusable, so the keyboard can scroll it too (WCAG 2.1.1). */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <section className={styles.region} tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
