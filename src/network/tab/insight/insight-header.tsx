import { Body1, makeStyles, Title1, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useDocumentTitle } from '../../../tab/hooks/use-document-title.js';
import type { MessageId } from '../../../tab/i18n/messages.nl.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { networkHref } from '../../../tab/routing/network-paths.js';
import { RouterLink } from '../../../tab/routing/router-link.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  title: { margin: 0 },
  intro: { color: tokens.colorNeutralForeground2, maxWidth: '800px' },
  // The back link is navigation: a printed sheet does not need it.
  back: { '@media print': { display: 'none' } },
});

/**
 * The top of an insight page: a link back to the network page, "Dekking – Bondgenoten Haven" as the heading and
 * the document title, and an intro. The network's name is unknown until it has loaded; the page's name suffices then.
 */
export function InsightHeader(props: {
  networkId: string;
  networkName: string | null;
  title: MessageId;
  intro?: ReactNode;
}) {
  const { networkId, networkName, title, intro } = props;
  const t = useT();
  const styles = useStyles();
  const heading = networkName ? t('insight.pageTitle', { page: t(title), network: networkName }) : t(title);
  useDocumentTitle(`${heading} – ${t('app.name')}`);
  return (
    <div className={styles.root}>
      <Body1 className={styles.back}>
        <RouterLink href={networkHref(networkId, window.location.search)}>
          {networkName
            ? t('insight.backToNetwork', { network: networkName })
            : t('insight.backToNetworkUnnamed')}
        </RouterLink>
      </Body1>
      <Title1 as="h1" className={styles.title}>
        {heading}
      </Title1>
      {intro && <Body1 className={styles.intro}>{intro}</Body1>}
    </div>
  );
}
