import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useCallback } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { dayAtNoon } from '../../../tab/i18n/amsterdam-time.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { networkSubPageHref } from '../../../tab/routing/network-paths.js';
import { RouterLink } from '../../../tab/routing/router-link.js';

/** `GET /networks/{id}/evaluation-due` (the evaluation capability owns the schema): dates only, not audited. */
interface EvaluationDue {
  dueOn: string;
  state: 'overdue' | 'due' | 'later';
}

/**
 * The half-yearly evaluation's notice (issue 16): shown only when the evaluation is due or overdue, linking to the
 * evaluation page. A failed load shows nothing; the evaluation page itself reports errors.
 */
export function EvaluationNotice({ api, networkId }: { api: ApiClient; networkId: string }) {
  const t = useT();
  const load = useCallback(
    () => api.get<EvaluationDue>(`/networks/${encodeURIComponent(networkId)}/evaluation-due`),
    [api, networkId],
  );
  const { state } = useAsync(load);
  if (state.status !== 'done' || state.value.state === 'later') return null;
  const { dueOn, state: dueState } = state.value;
  return (
    <MessageBar intent={dueState === 'overdue' ? 'warning' : 'info'}>
      <MessageBarBody>
        <RouterLink href={networkSubPageHref(networkId, 'evaluatie', window.location.search)}>
          {t('evaluation.due', { state: dueState, date: dayAtNoon(dueOn) })}
        </RouterLink>
      </MessageBarBody>
    </MessageBar>
  );
}
