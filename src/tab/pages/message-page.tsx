import { makeStyles, Title1, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useDocumentTitle } from '../hooks/use-document-title.js';
import { useT } from '../i18n/use-t.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '640px',
    margin: '0 auto',
  },
  title: { margin: 0 },
});

/** A page that only explains something (open in Teams, the app could not start), with one heading. */
export function MessagePage({ title, children }: { title: string; children: ReactNode }) {
  const t = useT();
  const styles = useStyles();
  useDocumentTitle(`${title} – ${t('app.name')}`);
  return (
    <div className={styles.root}>
      <Title1 as="h1" className={styles.title}>
        {title}
      </Title1>
      {children}
    </div>
  );
}
