import { Body1 } from '@fluentui/react-components';
import { useT } from '../../tab/i18n/use-t.js';
import { networkHref } from '../../tab/routing/network-paths.js';
import { RouterLink } from '../../tab/routing/router-link.js';

/** The link back to the network page that every continuity page (absence, hand-over, introduction) starts with. */
export function BackToNetwork(props: { networkId: string; networkName: string | null }) {
  const t = useT();
  return (
    <Body1>
      <RouterLink href={networkHref(props.networkId, window.location.search)}>
        {props.networkName ? t('absence.back', { network: props.networkName }) : t('absence.backToNetwork')}
      </RouterLink>
    </Body1>
  );
}
