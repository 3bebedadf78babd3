import { Body1, Button } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { CardPreview } from '../../../tab/components/card-preview.js';
import { Section } from '../../../tab/components/section.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { getNextProposalCard } from '../meeting-endpoints.js';

/**
 * The card the secretary and coordinators get in Teams once a meeting's record is saved: the planner's next
 * date with [Plannen] and [Andere datum]. Shown on request only, since it runs the planner (an audited read).
 */
export function ProposalCardSection({ api, networkId }: { api: ApiClient; networkId: string }) {
  const t = useT();
  const [shown, setShown] = useState(false);
  const load = useCallback(
    (locale: 'nl' | 'en') => getNextProposalCard(api, networkId, locale),
    [api, networkId],
  );
  return (
    <Section title={t('meetings.proposalCard.title')}>
      <Body1 as="p">{t('meetings.proposalCard.intro')}</Body1>
      {shown ? (
        <CardPreview load={load} />
      ) : (
        <div>
          <Button onClick={() => setShown(true)}>{t('meetings.proposalCard.show')}</Button>
        </div>
      )}
    </Section>
  );
}
