import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { MessageId } from '../../../tab/i18n/messages.nl.js';
import { useT } from '../../../tab/i18n/use-t.js';
import type { AnswerLinkStatus } from './use-answer-link.js';

const useStyles = makeStyles({ root: { marginBottom: tokens.spacingVerticalM } });

const texts: Record<Exclude<AnswerLinkStatus['status'], 'none'>, MessageId> = {
  checking: 'callOut.answerLink.checking',
  usable: 'callOut.answerLink.usable',
  used: 'callOut.answerLink.used',
  expired: 'callOut.answerLink.expired',
  foreign: 'callOut.answerLink.foreign',
  unknown: 'callOut.answerLink.unknown',
  failed: 'callOut.answerLink.failed',
};

const intents = {
  checking: 'info',
  usable: 'info',
  used: 'warning',
  expired: 'warning',
  foreign: 'error',
  unknown: 'error',
  failed: 'error',
} as const;

/** What the e-mailed answer link the page was opened with means: answer below, or why it does not work. */
export function AnswerLinkNotice({ link }: { link: AnswerLinkStatus }) {
  const t = useT();
  const styles = useStyles();
  if (link.status === 'none') return null;
  return (
    <MessageBar intent={intents[link.status]} className={styles.root} aria-live="polite">
      <MessageBarBody>{t(texts[link.status])}</MessageBarBody>
    </MessageBar>
  );
}
