import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useT } from '../../../tab/i18n/use-t.js';
import { useMeetingFormat } from './meeting-format.js';

/** A reason the planner gives against a date, in Dutch and English. */
export interface PlannerReason {
  code: string;
  nl: string;
  en: string;
}

/** Why the planner would skip a manually chosen date; moving or adding then asks for an explicit second press. */
export function DateReasons({ reasons, help }: { reasons: PlannerReason[]; help?: string }) {
  const t = useT();
  const format = useMeetingFormat();
  return (
    <MessageBar intent="warning" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t('meetings.move.reasonsTitle')}</MessageBarTitle>
        {[...new Set(reasons.map((reason) => format.reason(reason)))].join('; ')}.{' '}
        {help ?? t('meetings.move.reasonsHelp')}
      </MessageBarBody>
    </MessageBar>
  );
}
