import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Radio,
  RadioGroup,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useCallback, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { AdminHeader } from '../../../tab/components/admin-header.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { fieldMessages, validation } from '../../../tab/components/form-ui.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { Section } from '../../../tab/components/section.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { useDocumentTitle } from '../../../tab/hooks/use-document-title.js';
import type { MessageId } from '../../../tab/i18n/messages.nl.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { navigate } from '../../../tab/routing/use-pathname.js';
import { SCHOOL_HOLIDAY_REGIONS, type SchoolHolidayRegionName } from '../../constants.js';
import {
  createMunicipality,
  listMunicipalities,
  type Municipality,
  updateMunicipality,
} from '../api/setup-endpoints.js';
import { BackToChecklist } from '../components/back-to-checklist.js';
import { setupHref } from '../setup-routes.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '640px' },
  short: { maxWidth: '200px' },
  fieldset: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    margin: 0,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  coordinates: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground2 },
});

interface Draft {
  name: string;
  cbsCode: string;
  schoolHolidayRegion: SchoolHolidayRegionName | null;
  latitude: string;
  longitude: string;
}

const empty: Draft = { name: '', cbsCode: '', schoolHolidayRegion: null, latitude: '', longitude: '' };
const draftOf = (m: Municipality): Draft => ({
  name: m.name,
  cbsCode: m.cbsCode,
  schoolHolidayRegion: m.schoolHolidayRegion,
  latitude: String(m.latitude),
  longitude: String(m.longitude),
});

// Dutch keyboards type a decimal comma; an unreadable number goes as NaN (null in JSON) so the server names the field.
const degrees = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim().replace(',', '.')));

const FIELD_MESSAGES: Record<string, MessageId> = { 'body.cbsCode': 'setup.municipality.cbsCode.error' };

/** The municipality's form: creates it when there is none yet, else saves changes. */
function MunicipalityForm(props: {
  api: ApiClient;
  value: Municipality | null;
  onSaved: (m: Municipality) => void;
}) {
  const { api, value, onSaved } = props;
  const t = useT();
  const styles = useStyles();
  const [draft, setDraft] = useState<Draft>(value ? draftOf(value) : empty);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'saved' } | { kind: 'failed'; error: unknown } | null>(null);
  const failure = outcome?.kind === 'failed' ? outcome.error : null;
  const errors = fieldMessages(failure, FIELD_MESSAGES, t);
  const hasFieldErrors = Object.keys(errors).length > 0;
  const set = (change: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...change }));
    if (outcome?.kind === 'saved') setOutcome(null);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setOutcome(null);
    const body = {
      name: draft.name,
      cbsCode: draft.cbsCode,
      latitude: degrees(draft.latitude),
      longitude: degrees(draft.longitude),
      ...(draft.schoolHolidayRegion ? { schoolHolidayRegion: draft.schoolHolidayRegion } : {}),
    };
    try {
      const saved = value
        ? await updateMunicipality(api, value.id, body)
        : await createMunicipality(api, body as Parameters<typeof createMunicipality>[1]);
      setDraft(draftOf(saved));
      setOutcome({ kind: 'saved' });
      onSaved(saved);
    } catch (error) {
      setOutcome({ kind: 'failed', error });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={save} noValidate>
      <Field label={t('setup.municipality.name')} required {...validation(errors['body.name'])}>
        <Input value={draft.name} onChange={(_e, data) => set({ name: data.value })} />
      </Field>
      <Field
        label={t('setup.municipality.cbsCode')}
        hint={t('setup.municipality.cbsCode.hint')}
        required
        {...validation(errors['body.cbsCode'])}
      >
        <Input
          className={styles.short}
          value={draft.cbsCode}
          onChange={(_e, data) => set({ cbsCode: data.value })}
        />
      </Field>
      <Field
        label={t('setup.municipality.region')}
        hint={t('setup.municipality.region.hint')}
        required
        {...validation(errors['body.schoolHolidayRegion'])}
      >
        <RadioGroup
          layout="horizontal"
          value={draft.schoolHolidayRegion ?? ''}
          onChange={(_e, data) => set({ schoolHolidayRegion: data.value as SchoolHolidayRegionName })}
        >
          {SCHOOL_HOLIDAY_REGIONS.map((region) => (
            <Radio key={region} value={region} label={t(`setup.region.${region}`)} />
          ))}
        </RadioGroup>
      </Field>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('setup.municipality.coordinates')}</legend>
        <Body1 className={styles.muted}>{t('setup.municipality.coordinates.explain')}</Body1>
        <div className={styles.coordinates}>
          <Field
            label={t('setup.municipality.latitude')}
            hint={t('setup.municipality.latitude.hint')}
            required
            {...validation(errors['body.latitude'])}
          >
            <Input
              className={styles.short}
              inputMode="decimal"
              value={draft.latitude}
              onChange={(_e, data) => set({ latitude: data.value })}
            />
          </Field>
          <Field
            label={t('setup.municipality.longitude')}
            hint={t('setup.municipality.longitude.hint')}
            required
            {...validation(errors['body.longitude'])}
          >
            <Input
              className={styles.short}
              inputMode="decimal"
              value={draft.longitude}
              onChange={(_e, data) => set({ longitude: data.value })}
            />
          </Field>
        </div>
      </fieldset>
      {outcome?.kind === 'saved' && (
        <MessageBar intent="success">
          <MessageBarBody>{t('setup.municipality.saved')}</MessageBarBody>
        </MessageBar>
      )}
      {hasFieldErrors && (
        <MessageBar intent="error">
          <MessageBarBody>{t('setup.fixFields')}</MessageBarBody>
        </MessageBar>
      )}
      {failure !== null && !hasFieldErrors && (
        <ErrorState title={t('setup.municipality.saveFailed')} error={failure} />
      )}
      <div>
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          {t(value ? 'setup.municipality.save' : 'setup.municipality.create')}
        </Button>
      </div>
    </form>
  );
}

/** Beheer → Inrichting → Gemeente: name, CBS gemeentecode, school holiday region and the coordinates for sunset. */
export function SetupMunicipalityPage({ api }: { api: ApiClient }) {
  const t = useT();
  useDocumentTitle(`${t('admin.title', { page: t('setup.municipality.title') })} – ${t('app.name')}`);
  const load = useAsync(useCallback(() => listMunicipalities(api), [api]));
  return (
    <>
      <AdminHeader
        page="setup"
        heading={t('setup.municipality.title')}
        intro={t('setup.municipality.intro')}
      />
      <BackToChecklist />
      {load.state.status === 'loading' && <LoadingState />}
      {load.state.status === 'failed' && (
        <ErrorState title={t('setup.loadFailed')} error={load.state.error} onRetry={load.retry} />
      )}
      {load.state.status === 'done' && load.state.value.length === 0 && (
        <Section title={t('setup.municipality.title')}>
          <MunicipalityForm
            api={api}
            value={null}
            // Created: on to the next step, the areas.
            onSaved={() => navigate(setupHref('areas', window.location.search))}
          />
        </Section>
      )}
      {load.state.status === 'done' &&
        load.state.value.map((municipality) => (
          <Section key={municipality.id} title={municipality.name}>
            <MunicipalityForm api={api} value={municipality} onSaved={() => undefined} />
          </Section>
        ))}
    </>
  );
}
