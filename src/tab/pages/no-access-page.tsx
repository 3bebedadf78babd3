import { Body1 } from '@fluentui/react-components';
import { useT } from '../i18n/use-t.js';
import { RouterLink } from '../routing/router-link.js';
import { hrefOf } from '../routing/routes.js';
import { MessagePage } from './message-page.js';

/** "Geen toegang": shown instead of a Beheer page to someone who is not a functional administrator. */
export function NoAccessPage() {
  const t = useT();
  return (
    <MessagePage title={t('noAccess.title')}>
      <Body1>{t('noAccess.body')}</Body1>
      <Body1>
        <RouterLink href={hrefOf('overview', window.location.search)}>{t('page.toOverview')}</RouterLink>
      </Body1>
    </MessagePage>
  );
}
