import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useCallback, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { fieldErrorsOf } from '../../../tab/components/field-errors.js';
import { useFormDialogGuard } from '../../../tab/components/form-dialog-guard.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { useFocusFirstInvalid } from '../../../tab/components/use-focus-first-invalid.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { useT } from '../../../tab/i18n/use-t.js';
import {
  addRelation,
  getNetwork,
  getRelationChoices,
  type PersonDetail,
  type Relation,
} from '../api/network-endpoints.js';
import { ChoiceDropdown } from './choice-dropdown.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  dates: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM },
});

interface Draft {
  typeId: string | null;
  targetKind: 'person' | 'organisation' | null;
  targetId: string | null;
  since: string;
  until: string;
}

const EMPTY: Draft = { typeId: null, targetKind: null, targetId: null, since: '', until: '' };

/** The form's choices: relation types and organisations, and the other people of the person's first network. */
function useRelationChoices(api: ApiClient, person: PersonDetail) {
  const networkId = person.networks[0]?.id ?? '';
  return useAsync(
    useCallback(async () => {
      const [choices, network] = await Promise.all([
        getRelationChoices(api, networkId),
        getNetwork(api, networkId),
      ]);
      const people = [...network.allies, ...network.keyFigures, ...network.formerAllies]
        .filter((other) => other.id !== person.id)
        .map((other) => ({ value: other.id, label: other.displayName }))
        .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
      return { ...choices, people };
    }, [api, networkId, person.id]),
  );
}

function RelationForm(props: {
  api: ApiClient;
  person: PersonDetail;
  draft: Draft;
  onChange: (change: Partial<Draft>) => void;
  missing: boolean;
  failure: unknown;
}) {
  const { api, person, draft, onChange, missing, failure } = props;
  const t = useT();
  const styles = useStyles();
  const { state, retry } = useRelationChoices(api, person);
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'failed') return <ErrorState error={state.error} onRetry={retry} />;
  const { relationTypes, organisations, people } = state.value;
  const type = relationTypes.find((candidate) => candidate.id === draft.typeId) ?? null;
  const serverErrors = fieldErrorsOf(failure, t);
  const typeError = missing && !type ? t('relations.pickType') : serverErrors['body.relationTypeId'];
  const targetError =
    missing && type && !draft.targetId
      ? t('relations.pickTarget')
      : (serverErrors['body.relatedPersonId'] ?? serverErrors['body.organisationId']);
  const dateError = (field: 'since' | 'until') => {
    const message = serverErrors[`body.${field}`];
    return { validationMessage: message, validationState: message ? ('error' as const) : ('none' as const) };
  };
  return (
    <div className={styles.form}>
      <Field
        label={t('relations.type')}
        required
        validationMessage={typeError}
        validationState={typeError ? 'error' : 'none'}
      >
        <ChoiceDropdown
          choices={relationTypes.map((candidate) => ({ value: candidate.id, label: candidate.label }))}
          value={draft.typeId}
          placeholder={t('relations.typePlaceholder')}
          onChange={(typeId) =>
            onChange({
              typeId,
              targetKind: relationTypes.find((candidate) => candidate.id === typeId)?.targetKind ?? null,
              targetId: null,
            })
          }
        />
      </Field>
      {type && (
        <Field
          label={type.targetKind === 'person' ? t('relations.person') : t('relations.organisation')}
          required
          validationMessage={targetError}
          validationState={targetError ? 'error' : 'none'}
        >
          <ChoiceDropdown
            key={type.targetKind}
            choices={
              type.targetKind === 'person'
                ? people
                : organisations.map((organisation) => ({ value: organisation.id, label: organisation.name }))
            }
            value={draft.targetId}
            placeholder={t('relations.targetPlaceholder')}
            onChange={(targetId) => onChange({ targetId })}
          />
        </Field>
      )}
      <div className={styles.dates}>
        <Field label={t('relations.since.label')} {...dateError('since')}>
          <Input
            type="date"
            value={draft.since}
            onChange={(_event, data) => onChange({ since: data.value })}
          />
        </Field>
        <Field label={t('relations.until.label')} {...dateError('until')}>
          <Input
            type="date"
            value={draft.until}
            onChange={(_event, data) => onChange({ until: data.value })}
          />
        </Field>
      </div>
    </div>
  );
}

/** "Relatie toevoegen": to another person in the network or to an organisation, with an optional period. */
export function AddRelationDialog(props: {
  api: ApiClient;
  person: PersonDetail;
  onAdded: (relations: Relation[]) => void;
}) {
  const { api, person, onAdded } = props;
  const t = useT();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  // A refused save moves focus to the first field in error, even below the visible part.
  const formRef = useFocusFirstInvalid<HTMLFormElement>(failure);

  const changeOpen = (next: boolean) => {
    if (busy) return;
    setOpen(next);
    if (!next) {
      setDraft(EMPTY);
      setMissing(false);
      setFailure(null);
    }
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft.typeId || !draft.targetId) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const relations = await addRelation(api, person.id, {
        relationTypeId: draft.typeId,
        ...(draft.targetKind === 'organisation'
          ? { organisationId: draft.targetId }
          : { relatedPersonId: draft.targetId }),
        since: draft.since || null,
        until: draft.until || null,
      });
      setBusy(false);
      changeOpen(false);
      onAdded(relations);
    } catch (error) {
      setBusy(false);
      setFailure(error);
    }
  };
  const serverErrors = fieldErrorsOf(failure, t);
  const unplaced = failure !== null && Object.keys(serverErrors).length === 0;

  const guard = useFormDialogGuard({ open, form: draft, onOpenChange: changeOpen });
  return (
    <Dialog open={open} onOpenChange={guard.onOpenChange}>
      <DialogTrigger disableButtonEnhancement>
        <Button>{t('relations.add')}</Button>
      </DialogTrigger>
      <DialogSurface>
        {guard.confirmation}
        <form ref={formRef} onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{t('relations.addTitle', { name: person.displayName })}</DialogTitle>
            <DialogContent>
              <RelationForm
                api={api}
                person={person}
                draft={draft}
                missing={missing}
                failure={failure}
                onChange={(change) => setDraft((current) => ({ ...current, ...change }))}
              />
              {unplaced && <ErrorState title={t('relations.addFailed')} error={failure} />}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabledFocusable={busy}>
                {t('roles.add.submit')}
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button disabledFocusable={busy}>{t('common.cancel')}</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
