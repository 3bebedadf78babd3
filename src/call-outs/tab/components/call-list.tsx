import {
  Badge,
  Body1,
  Button,
  Card,
  Checkbox,
  Field,
  Link,
  makeStyles,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { fieldErrorsOf } from '../../../tab/components/field-errors.js';
import { readableMobile } from '../../../tab/components/readable-mobile.js';
import { ScrollRegion } from '../../../tab/components/scroll-region.js';
import { useT } from '../../../tab/i18n/use-t.js';
import {
  type CallListEntry,
  type CallOutcome,
  type CallOutDetail,
  recordCallOutCall,
} from '../api/call-out-endpoints.js';
import { callOutcomes, outcomeMessage } from './call-out-labels.js';

const useStyles = makeStyles({
  outcomes: { flexWrap: 'wrap' },
  cards: {
    display: 'grid',
    // Never wider than the window: the meeting side panel is 320 px in all.
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(320px, 100%), 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  name: { margin: 0 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground2 },
});

const outcomeColor = { reached: 'success', voicemail: 'warning', 'not-reached': 'danger' } as const;

/** The latest call as a short status: outcome, and whether the ally comes. */
function CallStatus({ entry }: { entry: CallListEntry }) {
  const t = useT();
  if (!entry.outcome) return <>{t('callList.notCalled')}</>;
  return (
    <>
      <Badge appearance="tint" shape="rounded" color={outcomeColor[entry.outcome]}>
        {t(outcomeMessage[entry.outcome])}
      </Badge>
      {entry.coming && ` · ${t('callList.comes')}`}
    </>
  );
}

/** One ally to phone: the number as a tel: link, and the form to record how the call went. */
function CallCard(props: {
  api: ApiClient;
  callOutId: string;
  entry: CallListEntry;
  open: boolean;
  onRecorded: (callOut: CallOutDetail, text: string) => void;
  onFailed: (title: string, error: unknown) => void;
}) {
  const { api, callOutId, entry, open, onRecorded, onFailed } = props;
  const t = useT();
  const styles = useStyles();
  const name = entry.displayName ?? t('callOut.allyOtherNetwork');
  const [outcome, setOutcome] = useState<CallOutcome | ''>('');
  const [heard, setHeard] = useState('');
  const [coming, setComing] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (outcome === '') {
      setErrors({ outcome: t('callList.outcomeRequired') });
      return;
    }
    setBusy(true);
    try {
      const after = await recordCallOutCall(api, callOutId, {
        personId: entry.personId,
        outcome,
        heard: heard.trim() === '' ? null : heard.trim(),
        coming: outcome === 'reached' && coming,
      });
      setErrors({});
      setOutcome('');
      setHeard('');
      setComing(false);
      onRecorded(after, t('callList.recorded', { name }));
    } catch (error) {
      const fields = Object.fromEntries(
        Object.entries(fieldErrorsOf(error, t)).map(([field, message]) => [
          field.replace(/^body\./, ''),
          message,
        ]),
      );
      setErrors(fields);
      if (Object.keys(fields).length === 0) onFailed(t('callList.failed'), error);
    } finally {
      setBusy(false);
    }
  };
  const error = (field: string) => ({
    validationMessage: errors[field],
    validationState: errors[field] ? ('error' as const) : ('none' as const),
  });

  return (
    <Card className={styles.card}>
      <Text as="h3" weight="semibold" size={400} className={styles.name}>
        {name}
      </Text>
      <Body1>
        {entry.mobile ? (
          <Link href={`tel:${entry.mobile.replace(/[^+\d]/g, '')}`}>
            {t('callList.call', { name, number: readableMobile(entry.mobile) })}
          </Link>
        ) : (
          <span className={styles.muted}>{t('callList.noMobile')}</span>
        )}
      </Body1>
      <Body1>
        {t('callList.latest')} <CallStatus entry={entry} />
      </Body1>
      {entry.heard && (
        <Body1 className={styles.muted}>{t('callList.heardShown', { heard: entry.heard })}</Body1>
      )}
      {open && (
        <form
          className={styles.form}
          onSubmit={submit}
          aria-label={t('callList.formLabel', { name })}
          noValidate
        >
          <Field label={t('callList.outcome')} required {...error('outcome')}>
            <RadioGroup
              layout="horizontal"
              className={styles.outcomes}
              value={outcome}
              onChange={(_event, data) => setOutcome(data.value as CallOutcome)}
            >
              {callOutcomes.map((choice) => (
                <Radio key={choice} value={choice} label={t(outcomeMessage[choice])} />
              ))}
            </RadioGroup>
          </Field>
          <Field label={t('callList.heard')} hint={t('callList.heardHint')} {...error('heard')}>
            <Textarea value={heard} onChange={(_event, data) => setHeard(data.value)} resize="vertical" />
          </Field>
          <Checkbox
            label={t('callList.coming')}
            checked={coming}
            disabled={outcome !== 'reached'}
            onChange={(_event, data) => setComing(data.checked === true)}
          />
          <div>
            <Button type="submit" appearance="primary" disabledFocusable={busy}>
              {t('callList.record')}
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}

/** The allies assigned to me to phone, each with a form; below, everyone else's calls as a table. */
export function CallList(props: {
  api: ApiClient;
  callOut: CallOutDetail;
  myUserId: string;
  onRecorded: (callOut: CallOutDetail, text: string) => void;
  onFailed: (title: string, error: unknown) => void;
}) {
  const { api, callOut, myUserId, onRecorded, onFailed } = props;
  const t = useT();
  const styles = useStyles();
  const mine = callOut.callList.filter((entry) => entry.callerUserId === myUserId);
  const others = callOut.callList.filter((entry) => entry.callerUserId !== myUserId);
  return (
    <>
      {mine.length === 0 ? (
        <Body1>{t('callList.noneForMe')}</Body1>
      ) : (
        <div className={styles.cards}>
          {mine.map((entry) => (
            <CallCard
              key={entry.personId}
              api={api}
              callOutId={callOut.id}
              entry={entry}
              open={callOut.status === 'open'}
              onRecorded={onRecorded}
              onFailed={onFailed}
            />
          ))}
        </div>
      )}
      {others.length > 0 && (
        <Text as="h3" weight="semibold" size={400} className={styles.name}>
          {t('callList.othersLabel')}
        </Text>
      )}
      {others.length > 0 && (
        // A narrow window (the meeting side panel is 320 px) scrolls the table, not the page.
        <ScrollRegion label={t('callList.othersLabel')} wide>
          <Table aria-label={t('callList.othersLabel')} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('callOut.column.ally')}</TableHeaderCell>
                <TableHeaderCell>{t('callOut.column.caller')}</TableHeaderCell>
                <TableHeaderCell>{t('callList.column.status')}</TableHeaderCell>
                <TableHeaderCell>{t('callList.column.heard')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {others.map((entry) => (
                <TableRow key={entry.personId}>
                  <TableCell>{entry.displayName ?? t('callOut.allyOtherNetwork')}</TableCell>
                  <TableCell>{entry.callerName}</TableCell>
                  <TableCell>
                    <CallStatus entry={entry} />
                  </TableCell>
                  <TableCell>{entry.heard ?? ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollRegion>
      )}
    </>
  );
}
