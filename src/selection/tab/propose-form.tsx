import { Body1, Button, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import type { ApiClient } from '../../tab/api/client.js';
import { CommunityPicker } from '../../tab/components/community-picker.js';
import { fieldErrorsOf } from '../../tab/components/field-errors.js';
import { Section } from '../../tab/components/section.js';
import { useT } from '../../tab/i18n/use-t.js';
import { type CandidateDetail, proposeCandidate, type SelectionOverview } from './selection-endpoints.js';
import { useSelectionStyles } from './selection-styles.js';

/** The form to propose a key figure for the network. */
export function ProposeForm(props: {
  api: ApiClient;
  overview: SelectionOverview;
  onProposed: (candidate: CandidateDetail) => Promise<void>;
}) {
  const { api, overview, onProposed } = props;
  const t = useT();
  const styles = useSelectionStyles();
  const empty = {
    displayName: '',
    neighbourhoodId: '',
    communityIds: [] as string[],
    mobile: '',
    email: '',
    motivation: '',
  };
  const [draft, setDraft] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (field: Exclude<keyof typeof empty, 'communityIds'>) => (value: string) =>
    setDraft((d) => ({ ...d, [field]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const candidate = await proposeCandidate(api, overview.network.id, {
        displayName: draft.displayName,
        neighbourhoodId: draft.neighbourhoodId || null,
        communityIds: draft.communityIds,
        mobile: draft.mobile,
        email: draft.email,
        motivation: draft.motivation,
      });
      setDraft(empty);
      setErrors({});
      await onProposed(candidate);
    } catch (error) {
      setErrors(fieldErrorsOf(error, t));
    } finally {
      setBusy(false);
    }
  };
  const message = (field: string) =>
    errors[`body.${field}`]
      ? { validationState: 'error' as const, validationMessage: errors[`body.${field}`] }
      : {};
  return (
    <Section title={t('selection.propose.title')}>
      <form className={styles.form} onSubmit={submit} aria-label={t('selection.propose.title')}>
        <Body1>{t('selection.propose.as', { party: overview.myParty ?? 'gemeente' })}</Body1>
        <Field label={t('selection.field.name')} required {...message('displayName')}>
          <Input value={draft.displayName} onChange={(_, d) => set('displayName')(d.value)} />
        </Field>
        <Field label={t('selection.field.wijk')} {...message('neighbourhoodId')}>
          <Select value={draft.neighbourhoodId} onChange={(_, d) => set('neighbourhoodId')(d.value)}>
            <option value="">{t('selection.field.noWijk')}</option>
            {overview.neighbourhoods.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('selection.field.communities')} {...message('communityIds')}>
          <CommunityPicker
            communities={overview.communities}
            value={draft.communityIds}
            onChange={(communityIds) => setDraft((d) => ({ ...d, communityIds }))}
          />
        </Field>
        <Field label={t('selection.field.mobile')} {...message('mobile')}>
          <Input value={draft.mobile} onChange={(_, d) => set('mobile')(d.value)} />
        </Field>
        <Field label={t('selection.field.email')} {...message('email')}>
          <Input value={draft.email} onChange={(_, d) => set('email')(d.value)} />
        </Field>
        <Field label={t('selection.field.motivation')} required {...message('motivation')}>
          <Textarea value={draft.motivation} onChange={(_, d) => set('motivation')(d.value)} />
        </Field>
        <div>
          <Button appearance="primary" type="submit" disabled={busy}>
            {t('selection.propose.submit')}
          </Button>
        </div>
      </form>
    </Section>
  );
}
