import {
  Badge,
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useCallback, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { fieldErrorText, fieldProblemsOf } from '../../../tab/components/field-errors.js';
import { fieldMessages, validation } from '../../../tab/components/form-ui.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { Section } from '../../../tab/components/section.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { getRetentionRules, putRetentionDays, type RetentionRules } from '../api/privacy-endpoints.js';
import { clockLabel, kindLabel, reasonLabel } from '../components/privacy-labels.js';
import { RetentionPreviewSection } from '../components/retention-preview.js';
import { RetentionRuns } from '../components/retention-runs.js';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '800px',
  },
  rule: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  ruleHeader: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  form: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalS },
  number: { maxWidth: '140px' },
});

type Rule = RetentionRules['rules'][number];

/** One kind's retention: what it is, when the clock starts, why the default, and the days as a small form. */
function RuleItem(props: { api: ApiClient; rule: Rule; onSaved: (next: RetentionRules) => void }) {
  const { api, rule, onSaved } = props;
  const t = useT();
  const styles = useStyles();
  // The draft survives a refused save, so the administrator sees and corrects what they typed.
  const [draft, setDraft] = useState(String(rule.days));
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<
    { kind: 'saved'; days: number } | { kind: 'failed'; error: unknown } | null
  >(null);
  const failure = outcome?.kind === 'failed' ? outcome.error : null;
  // The range (30–3650) has its own sentence; a refusal by the activity window says its own limit by kind.
  const problem = fieldProblemsOf(failure)['body.days'];
  const daysError =
    problem?.kind === 'activity_log' || problem?.kind === 'inactivity'
      ? fieldErrorText(problem, t)
      : fieldMessages(failure, { 'body.days': 'privacy.retention.daysError' }, t)['body.days'];

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setOutcome(null);
    try {
      // What the browser cannot read as a number goes as NaN (null on the wire): the server names the field.
      const saved = await putRetentionDays(api, rule.kind, draft.trim() === '' ? Number.NaN : Number(draft));
      const days = saved.rules.find((r) => r.kind === rule.kind)?.days ?? Number(draft);
      setDraft(String(days));
      setOutcome({ kind: 'saved', days });
      onSaved(saved);
    } catch (error) {
      setOutcome({ kind: 'failed', error });
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className={styles.rule}>
      <div className={styles.ruleHeader}>
        <Text as="h3" size={400} weight="semibold" className={styles.heading}>
          {t(kindLabel(rule.kind))}
        </Text>
        <Badge appearance="tint" color={rule.days === rule.defaultDays ? 'informative' : 'brand'}>
          {t(
            rule.days === rule.defaultDays
              ? 'privacy.retention.defaultBadge'
              : 'privacy.retention.changedBadge',
          )}
        </Badge>
      </div>
      <Body1>
        <Text weight="semibold">{t('privacy.retention.clock')}: </Text>
        {t(clockLabel(rule.kind))}
      </Body1>
      <Body1>
        <Text weight="semibold">{t('privacy.retention.reason')}: </Text>
        {t(reasonLabel(rule.kind))}
      </Body1>
      <Body1 className={styles.muted}>
        {t(rule.subject === 'person' ? 'privacy.action.person' : 'privacy.action.records')}
      </Body1>
      <form className={styles.form} onSubmit={save} noValidate>
        <Field
          label={t('privacy.retention.days')}
          hint={t('privacy.retention.daysHint', { defaultDays: rule.defaultDays })}
          required
          {...validation(daysError)}
        >
          <Input
            className={styles.number}
            type="number"
            inputMode="numeric"
            min={30}
            max={3650}
            step={1}
            value={draft}
            onChange={(_event, data) => {
              setDraft(data.value);
              if (outcome?.kind === 'saved') setOutcome(null);
            }}
          />
        </Field>
        <Button
          type="submit"
          appearance="primary"
          disabledFocusable={busy}
          aria-label={t('privacy.retention.saveLabel', { kind: t(kindLabel(rule.kind)) })}
        >
          {t('privacy.retention.save')}
        </Button>
      </form>
      {outcome?.kind === 'saved' && (
        <MessageBar intent="success">
          <MessageBarBody>{t('privacy.retention.saved', { days: outcome.days })}</MessageBarBody>
        </MessageBar>
      )}
      {failure !== null && daysError === undefined && (
        <ErrorState title={t('privacy.retention.saveFailed')} error={failure} />
      )}
    </li>
  );
}

/** Beheer → Privacy → Bewaartermijnen: the rules per kind (editable), the preview of what goes soon, the runs. */
export function RetentionPage({ api }: { api: ApiClient }) {
  const t = useT();
  const styles = useStyles();
  const load = useAsync(useCallback(() => getRetentionRules(api), [api]));
  const [latest, setLatest] = useState<RetentionRules | null>(null);
  // A saved rule changes what the preview counts: it loads again.
  const [version, setVersion] = useState(0);
  const value = latest ?? (load.state.status === 'done' ? load.state.value : null);
  const saved = (next: RetentionRules) => {
    setLatest(next);
    setVersion((n) => n + 1);
  };

  return (
    <>
      <Section title={t('privacy.retention.title')}>
        <Body1>{t('privacy.retention.intro')}</Body1>
        {load.state.status === 'loading' && <LoadingState />}
        {load.state.status === 'failed' && (
          <ErrorState
            title={t('privacy.retention.loadFailed')}
            error={load.state.error}
            onRetry={load.retry}
          />
        )}
        {value && (
          <ul className={styles.list}>
            {value.rules.map((rule) => (
              <RuleItem key={rule.kind} api={api} rule={rule} onSaved={saved} />
            ))}
          </ul>
        )}
      </Section>
      {value && <RetentionPreviewSection api={api} version={version} />}
      {value && <RetentionRuns runs={value.recentRuns} />}
    </>
  );
}
