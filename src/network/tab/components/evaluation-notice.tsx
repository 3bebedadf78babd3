import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useCallback } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { networkSubPageHref } from '../../../tab/routing/network-paths.js';
import { RouterLink } from '../../../tab/routing/router-link.js';

/** The part of `GET /networks/{id}/evaluations` the notice reads (the evaluation capability owns the schema). */
interface EvaluationDue {
  due: { dueOn: string; state: 'overdue' | 'due' | 'later' };
}

/**
 * The half-yearly evaluation's notice (issue 16): shown only when the evaluation is due or overdue, linking to the
 * evaluation page. A failed load shows nothing; the evaluation page itself reports errors.
 */
export function EvaluationNotice({ api, networkId }: { api: ApiClient; networkId: string }) {
  const t = useT();
  const load = useCallback(
    () => api.get<EvaluationDue>(`/networks/${encodeURIComponent(networkId)}/evaluations`),
    [api, networkId],
  );
  const { state } = useAsync(load);
  if (state.status !== 'done' || state.value.due.state === 'later') return null;
  const { dueOn, state: dueState } = state.value.due;
  return (
    <MessageBar intent={dueState === 'overdue' ? 'warning' : 'info'}>
      <MessageBarBody>
        <RouterLink href={networkSubPageHref(networkId, 'evaluatie', window.location.search)}>
          {t('evaluation.due', { state: dueState, date: new Date(`${dueOn}T12:00:00`) })}
        </RouterLink>
      </MessageBarBody>
    </MessageBar>
  );
}
