import { Body1 } from '@fluentui/react-components';
import { ApiError } from '../api/api-error.js';
import { useT } from '../i18n/use-t.js';
import { MessagePage } from '../pages/message-page.js';
import { RouterLink } from '../routing/router-link.js';
import { hrefOf } from '../routing/routes.js';
import { ErrorState } from './error-state.js';

/**
 * A failed load of one network or person: "not found" for a 404 or 403 (need-to-know: whether a record outside
 * one's networks exists is not told), the error with a retry button otherwise.
 */
export function NotFoundOrError(props: { error: unknown; title: string; body: string; onRetry: () => void }) {
  const { error, title, body, onRetry } = props;
  const t = useT();
  if (error instanceof ApiError && (error.status === 404 || error.status === 403)) {
    return (
      <MessagePage title={title}>
        <Body1>{body}</Body1>
        <Body1>
          <RouterLink href={hrefOf('overview', window.location.search)}>{t('page.toOverview')}</RouterLink>
        </Body1>
      </MessagePage>
    );
  }
  return <ErrorState error={error} onRetry={onRetry} />;
}
