import { Body1, makeStyles, Title1, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useDocumentTitle } from '../../../tab/hooks/use-document-title.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { RouterLink } from '../../../tab/routing/router-link.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  title: { margin: 0 },
  intro: { color: tokens.colorNeutralForeground2, maxWidth: '800px' },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalS,
  },
});

/** The top of a meetings page: a link back, the heading (also the document title), an intro and actions. */
export function MeetingsHeader(props: {
  back: { href: string; label: string } | null;
  heading: string;
  intro?: ReactNode;
  actions?: ReactNode;
}) {
  const { back, heading, intro, actions } = props;
  const t = useT();
  const styles = useStyles();
  useDocumentTitle(`${heading} – ${t('app.name')}`);
  return (
    <div className={styles.root}>
      {back && (
        <Body1>
          <RouterLink href={back.href}>{back.label}</RouterLink>
        </Body1>
      )}
      <Title1 as="h1" className={styles.title}>
        {heading}
      </Title1>
      {intro && <Body1 className={styles.intro}>{intro}</Body1>}
      {actions && <div className={styles.actions}>{actions}</div>}
    </div>
  );
}
