import { Body1 } from '@fluentui/react-components';
import { useT } from '../i18n/use-t.js';
import { RouterLink } from '../routing/router-link.js';
import { hrefOf } from '../routing/routes.js';
import { MessagePage } from './message-page.js';

/** A path the tab has no page for, e.g. a mistyped or outdated link. */
export function NotFoundPage() {
  const t = useT();
  return (
    <MessagePage title={t('notFound.title')}>
      <Body1>{t('notFound.body')}</Body1>
      <Body1>
        <RouterLink href={hrefOf('overview', window.location.search)}>{t('page.toOverview')}</RouterLink>
      </Body1>
    </MessagePage>
  );
}
