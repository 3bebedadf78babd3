import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { useT } from '../i18n/use-t.js';
import { describeError } from './describe-error.js';

/** A failed load: what went wrong (the problem's detail) and a button to try again. */
export function ErrorState({
  error,
  onRetry,
  title,
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  const t = useT();
  return (
    <MessageBar intent="error">
      <MessageBarBody>
        <MessageBarTitle>{title ?? t('error.title')}</MessageBarTitle>
        {describeError(error, t)}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>{t('error.retry')}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
