import { useCallback } from 'react';
import { FormattedDate } from 'react-intl';
import type { ApiClient } from '../../../tab/api/client.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { Facts } from '../../../tab/components/form-ui.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { Section } from '../../../tab/components/section.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { calendarDate } from '../../../tab/i18n/amsterdam-time.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { getFarewell } from '../api/network-endpoints.js';
import { farewellReasonMessage } from './farewell-dialog.js';

/** A former ally's or key figure's farewell: end date, reason, note, thanks (reading it is audited). */
export function FarewellFacts(props: { api: ApiClient; personId: string; version: number }) {
  const { api, personId, version } = props;
  const t = useT();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` reloads the farewell after a change.
  const load = useCallback(() => getFarewell(api, personId), [api, personId, version]);
  const { state, retry } = useAsync(load);
  return (
    <Section title={t('farewell.facts.title')}>
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'failed' && <ErrorState error={state.error} onRetry={retry} />}
      {state.status === 'done' && state.value.farewell && (
        <Facts
          items={[
            {
              term: t('farewell.facts.endedOn'),
              value: <EndDate date={state.value.farewell.endedOn} />,
            },
            {
              term: t('farewell.facts.reason'),
              value: state.value.farewell.backfilled
                ? t('farewell.unknownReason')
                : t(farewellReasonMessage[state.value.farewell.reason]),
            },
            ...(state.value.farewell.reasonNote
              ? [{ term: t('farewell.facts.note'), value: state.value.farewell.reasonNote }]
              : []),
            {
              term: t('farewell.facts.thanked'),
              value: state.value.farewell.thanked ? t('farewell.yes') : t('farewell.no'),
            },
          ]}
        />
      )}
    </Section>
  );
}

/** A YYYY-MM-DD end date in the tab's language ("30 november 2026"). */
export function EndDate({ date }: { date: string }) {
  return (
    <FormattedDate value={calendarDate(date)} timeZone="UTC" day="numeric" month="long" year="numeric" />
  );
}
