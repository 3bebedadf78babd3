import { Button, Dropdown, Field, Input, makeStyles, Option, tokens } from '@fluentui/react-components';
import type { FormEvent } from 'react';
import { useT } from '../../../tab/i18n/use-t.js';
import type { CallOutKind } from '../api/call-out-endpoints.js';
import { kindMessage } from './call-out-labels.js';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
    alignItems: 'end',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
  },
  // Fluent's Dropdown asks for 250px; in the grid it takes its column's width like the inputs.
  dropdown: { minWidth: 0 },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
});

const KINDS = Object.keys(kindMessage) as CallOutKind[];

/** What the filter form holds; '' is "any". */
export interface ClosedCallOutDraft {
  from: string;
  to: string;
  kind: CallOutKind | '';
  networkId: string;
}

export const emptyClosedCallOutDraft: ClosedCallOutDraft = { from: '', to: '', kind: '', networkId: '' };

/** The period, kind and network of the closed call-outs; "Zoeken" applies them, errors stand under their field. */
export function ClosedCallOutFilters(props: {
  draft: ClosedCallOutDraft;
  onChange: (draft: ClosedCallOutDraft) => void;
  onSearch: () => void;
  onClear: () => void;
  networks: { id: string; name: string }[];
  errors: { from?: string; to?: string };
  busy: boolean;
}) {
  const { draft, onChange, networks, errors } = props;
  const t = useT();
  const styles = useStyles();
  const set = (change: Partial<ClosedCallOutDraft>) => onChange({ ...draft, ...change });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSearch();
  };
  const kindLabel = draft.kind ? t(kindMessage[draft.kind]) : t('callOutClosed.allKinds');
  const networkLabel =
    networks.find((network) => network.id === draft.networkId)?.name ?? t('callOutClosed.allNetworks');
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={t('callOutClosed.filters')}>
      <Field
        label={t('callOutClosed.from')}
        validationMessage={errors.from}
        validationState={errors.from ? 'error' : 'none'}
      >
        <Input type="date" value={draft.from} onChange={(_event, data) => set({ from: data.value })} />
      </Field>
      <Field
        label={t('callOutClosed.to')}
        validationMessage={errors.to}
        validationState={errors.to ? 'error' : 'none'}
      >
        <Input type="date" value={draft.to} onChange={(_event, data) => set({ to: data.value })} />
      </Field>
      <Field label={t('callOutClosed.kind')}>
        <Dropdown
          className={styles.dropdown}
          value={kindLabel}
          selectedOptions={[draft.kind]}
          onOptionSelect={(_event, data) => set({ kind: (data.optionValue ?? '') as CallOutKind | '' })}
        >
          <Option value="">{t('callOutClosed.allKinds')}</Option>
          {KINDS.map((kind) => (
            <Option key={kind} value={kind}>
              {t(kindMessage[kind])}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t('callOutClosed.network')}>
        <Dropdown
          className={styles.dropdown}
          value={networkLabel}
          selectedOptions={[draft.networkId]}
          onOptionSelect={(_event, data) => set({ networkId: data.optionValue ?? '' })}
        >
          <Option value="">{t('callOutClosed.allNetworks')}</Option>
          {networks.map((network) => (
            <Option key={network.id} value={network.id}>
              {network.name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabledFocusable={props.busy}>
          {t('callOutClosed.search')}
        </Button>
        <Button onClick={props.onClear} disabledFocusable={props.busy}>
          {t('callOutClosed.clear')}
        </Button>
      </div>
    </form>
  );
}
