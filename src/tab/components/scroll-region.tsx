import { makeStyles, mergeClasses } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  // Only the table scrolls sideways on a narrow screen, never the page.
  region: { overflowX: 'auto', maxWidth: '100%' },
  // Fluent lays tables out fixed, in equal columns: long wijk names overlap the next column on a phone.
  // Sized by content and at least 520 px wide, the table scrolls instead.
  wide: { '& > table': { minWidth: '520px', tableLayout: 'auto' } },
});

/**
 * A named region that scrolls a wide table sideways; focusable, so the keyboard can scroll it too (WCAG 2.1.1).
 * `wide` keeps the table at least 520 px wide, for tables whose columns Fluent would squeeze on a phone.
 */
export function ScrollRegion({
  label,
  children,
  wide,
}: {
  label: string;
  children: ReactNode;
  wide?: boolean;
}) {
  const styles = useStyles();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <section className={mergeClasses(styles.region, wide && styles.wide)} tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
