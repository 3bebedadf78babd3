import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { getNetwork } from '../../../tab/api/endpoints.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { fieldMessages, validation } from '../../../tab/components/form-ui.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { NotFoundOrError } from '../../../tab/components/not-found-or-error.js';
import { Section } from '../../../tab/components/section.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import type { MessageId } from '../../../tab/i18n/messages.nl.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { LinkButton } from '../components/link-button.js';
import { useMeetingFormat } from '../components/meeting-format.js';
import { MeetingsHeader } from '../components/meetings-header.js';
import { ProposalsTable } from '../components/proposals-table.js';
import { observanceMessage } from '../components/settings-section.js';
import {
  createMeetingSeries,
  type MeetingSeries,
  type PlanPreview,
  type PlanPreviewRequest,
  previewMeetingPlan,
} from '../meeting-endpoints.js';
import { meetingsHref } from '../meeting-routes.js';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
    marginTop: tokens.spacingVerticalL,
  },
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground2 },
  skipped: { margin: 0, paddingLeft: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column' },
  skippedItem: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  create: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

const FIELD_MESSAGES: Record<string, MessageId> = {
  'body.from': 'meetings.plan.error.date',
  'body.to': 'meetings.plan.error.date',
  'body.count': 'meetings.plan.error.count',
};

interface Range {
  from: string;
  to: string;
  count: string;
}

/** Both dates filled in and the end before the start (ISO dates compare as text). */
export function reversedRange(range: { from: string; to: string }): boolean {
  return range.from !== '' && range.to !== '' && range.to < range.from;
}

function requestOf(range: Range, overrides: string[]): PlanPreviewRequest {
  return {
    ...(range.from ? { from: range.from } : {}),
    ...(range.to ? { to: range.to } : {}),
    ...(range.count.trim() ? { count: Number(range.count) } : {}),
    ...(overrides.length > 0 ? { overrides } : {}),
  };
}

/**
 * Plannen (`/netwerken/{id}/overleggen/plannen`): the planner proposes dates for a range, explains every skipped
 * date ("28 mei: Offerfeest"), lets the secretary allow a skipped date anyway, and creates the series.
 */
export function MeetingsPlanPage({ api, networkId }: { api: ApiClient; networkId: string }) {
  const t = useT();
  const styles = useStyles();
  const format = useMeetingFormat();
  const search = window.location.search;
  const network = useAsync(useCallback(() => getNetwork(api, networkId), [api, networkId]));
  const [range, setRange] = useState<Range>({ from: '', to: '', count: '' });
  const [overrides, setOverrides] = useState<string[]>([]);
  const [preview, setPreview] = useState<PlanPreview | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [creating, setCreating] = useState(false);
  const [createFailure, setCreateFailure] = useState<unknown>(null);
  const [created, setCreated] = useState<MeetingSeries | null>(null);
  const [rangeError, setRangeError] = useState<string | null>(null);
  const errors = fieldMessages(failure, FIELD_MESSAGES, t);
  // Proposals from an earlier range would stay under the error with a live "inplannen" button: clear them.
  const clearProposals = () => {
    setPreview(null);
    setSelected(new Set());
  };

  const run = useCallback(
    async (nextRange: Range, nextOverrides: string[]) => {
      setBusy(true);
      setFailure(null);
      try {
        const result = await previewMeetingPlan(api, networkId, requestOf(nextRange, nextOverrides));
        setPreview(result);
        setSelected(new Set(result.proposals.map((proposal) => proposal.date)));
        setRange((current) => ({
          ...current,
          from: current.from || result.from,
          to: current.to || result.to,
        }));
      } catch (error) {
        setFailure(error);
        setPreview(null);
        setSelected(new Set());
      } finally {
        setBusy(false);
      }
    },
    [api, networkId],
  );
  const canPlan =
    network.state.status === 'done' &&
    ['coordinator', 'secretary'].includes(network.state.value.myRole ?? '');
  // The first proposal needs no input: tomorrow onwards, a year, as many as the cadence fits.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only once the caller is known to plan.
  useEffect(() => {
    if (canPlan) void run({ from: '', to: '', count: '' }, []);
  }, [canPlan]);

  if (network.state.status === 'loading') return <LoadingState />;
  if (network.state.status === 'failed')
    return (
      <NotFoundOrError
        error={network.state.error}
        title={t('networkPage.notFoundTitle')}
        body={t('networkPage.notFoundBody')}
        onRetry={network.retry}
      />
    );
  const { name } = network.state.value;
  const back = {
    href: meetingsHref(networkId, search),
    label: t('meetings.backToMeetings', { network: name }),
  };
  const heading = t('insight.pageTitle', { page: t('meetings.plan.title'), network: name });
  if (!canPlan)
    return <MeetingsHeader back={back} heading={heading} intro={t('meetings.plan.onlyPlanners')} />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    const reversed = reversedRange(range);
    setRangeError(reversed ? t('meetings.plan.error.reversed', { from: format.longDate(range.from) }) : null);
    if (reversed) {
      setFailure(null);
      clearProposals();
      return;
    }
    void run(range, overrides);
  };
  const override = (date: string) => {
    const next = [...overrides.filter((item) => item !== date), date].sort();
    setOverrides(next);
    void run(range, next);
  };
  const unoverride = (date: string) => {
    const next = overrides.filter((item) => item !== date);
    setOverrides(next);
    void run(range, next);
  };
  const select = (date: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(date);
      else next.delete(date);
      return next;
    });
  const chosen = preview?.proposals.filter((proposal) => selected.has(proposal.date)) ?? [];
  const create = async () => {
    setCreating(true);
    setCreateFailure(null);
    try {
      const series = await createMeetingSeries(api, networkId, {
        meetings: chosen.map((proposal) => ({
          start: proposal.start,
          end: proposal.end,
          locationId: proposal.location?.id ?? null,
        })),
      });
      setCreated(series);
      setPreview(null);
      setOverrides([]);
    } catch (error) {
      setCreateFailure(error);
    } finally {
      setCreating(false);
    }
  };
  const calendarFailed =
    created?.meetings.filter((meeting) => meeting.calendar.state !== 'created').length ?? 0;

  return (
    <>
      <MeetingsHeader back={back} heading={heading} intro={t('meetings.plan.intro')} />
      <form className={styles.form} onSubmit={submit} noValidate aria-label={t('meetings.plan.rangeLabel')}>
        <Field label={t('meetings.plan.from')} {...validation(errors['body.from'])}>
          <Input
            type="date"
            value={range.from}
            onChange={(_event, data) => setRange({ ...range, from: data.value })}
          />
        </Field>
        <Field label={t('meetings.plan.to')} {...validation(rangeError ?? errors['body.to'])}>
          <Input
            type="date"
            value={range.to}
            onChange={(_event, data) => setRange({ ...range, to: data.value })}
          />
        </Field>
        <Field
          label={t('meetings.plan.count')}
          hint={t('meetings.plan.countHint')}
          {...validation(errors['body.count'])}
        >
          <Input
            type="number"
            min={1}
            max={12}
            value={range.count}
            onChange={(_event, data) => setRange({ ...range, count: data.value })}
          />
        </Field>
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          {t('meetings.plan.propose')}
        </Button>
      </form>
      {failure !== null && Object.keys(errors).length === 0 && (
        <ErrorState title={t('meetings.plan.failed')} error={failure} />
      )}
      {created && (
        <MessageBar intent={calendarFailed > 0 ? 'warning' : 'success'}>
          <MessageBarBody>
            <MessageBarTitle>
              {t('meetings.plan.created', { count: created.meetings.length })}
            </MessageBarTitle>
            {calendarFailed > 0 && `${t('meetings.plan.calendarFailed', { count: calendarFailed })} `}
            <LinkButton href={meetingsHref(networkId, search)}>{t('meetings.plan.toMeetings')}</LinkButton>
          </MessageBarBody>
        </MessageBar>
      )}
      {busy && !preview && <LoadingState />}
      {preview && (
        <>
          <Section title={t('meetings.plan.proposals')}>
            <div className={styles.summary} aria-live="polite">
              <Body1>
                {t('meetings.plan.summary', {
                  count: preview.proposals.length,
                  from: format.longDate(preview.from),
                  to: format.longDate(preview.to),
                })}
              </Body1>
              <Body1 className={styles.muted}>
                {t(
                  preview.freeBusy.source === 'graph'
                    ? 'meetings.plan.freeBusyGraph'
                    : 'meetings.plan.freeBusyEmbedded',
                  {
                    checked: preview.freeBusy.staffChecked,
                    unknown: preview.freeBusy.staffUnknown,
                  },
                )}
              </Body1>
              {preview.freeBusy.unknownStaff.length > 0 && (
                <Body1>
                  {t('meetings.plan.availabilityUnknown', {
                    names: preview.freeBusy.unknownStaff.map((staff) => staff.displayName).join(', '),
                  })}
                </Body1>
              )}
              <Body1 className={styles.muted}>
                {preview.observances.length > 0
                  ? t('meetings.plan.observances', {
                      list: preview.observances.map((key) => t(observanceMessage[key])).join(', '),
                    })
                  : t('meetings.plan.noObservances')}
              </Body1>
            </div>
            {preview.warnings.map((warning) => (
              <MessageBar key={warning.code} intent="warning">
                <MessageBarBody>{format.reason(warning)}</MessageBarBody>
              </MessageBar>
            ))}
            {preview.proposals.length === 0 ? (
              <Body1>{t('meetings.plan.noProposals')}</Body1>
            ) : (
              <>
                <ProposalsTable
                  preview={preview}
                  selected={selected}
                  onSelect={select}
                  onUnoverride={unoverride}
                />
                <div className={styles.create}>
                  <Button
                    appearance="primary"
                    disabledFocusable={creating || chosen.length === 0}
                    onClick={create}
                  >
                    {t('meetings.plan.create', { count: chosen.length })}
                  </Button>
                  <Text className={styles.muted}>{t('meetings.plan.createHelp')}</Text>
                </div>
                {createFailure !== null && (
                  <ErrorState title={t('meetings.plan.createFailed')} error={createFailure} />
                )}
              </>
            )}
          </Section>
          <Section title={t('meetings.plan.skipped', { count: preview.skipped.length })}>
            {preview.skipped.length === 0 ? (
              <Body1>{t('meetings.plan.noSkipped')}</Body1>
            ) : (
              <>
                <Body1 className={styles.muted}>{t('meetings.plan.skippedHelp')}</Body1>
                <ul className={styles.skipped}>
                  {preview.skipped.map((item) => (
                    <li key={item.date} className={styles.skippedItem}>
                      <span>{format.skipped(item.date, item.reasons)}</span>
                      <Button
                        size="small"
                        disabledFocusable={busy}
                        aria-label={t('meetings.plan.overrideDate', { date: format.dayMonth(item.date) })}
                        onClick={() => override(item.date)}
                      >
                        {t('meetings.plan.override')}
                      </Button>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Section>
        </>
      )}
    </>
  );
}
