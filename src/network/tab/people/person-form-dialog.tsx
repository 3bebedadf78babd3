import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, type ReactElement, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { useFormDialogGuard } from '../../../tab/components/form-dialog-guard.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { useFocusFirstInvalid } from '../../../tab/components/use-focus-first-invalid.js';
import type { MessageId } from '../../../tab/i18n/messages.nl.js';
import { useT } from '../../../tab/i18n/use-t.js';
import {
  createPerson,
  getPerson,
  type PersonChange,
  type PersonDetail,
  updatePerson,
} from '../api/network-endpoints.js';
import {
  type ConsentDateProblem,
  changesOf,
  createBodyOf,
  draftFromPerson,
  draftProblems,
  emptyPersonDraft,
  type PersonDraft,
} from './person-draft.js';
import { personFormErrorsOf } from './person-errors.js';
import { PersonFormFields } from './person-form-fields.js';
import { type PersonFormChoices, usePersonFormChoices } from './use-person-form-choices.js';

const useStyles = makeStyles({
  surface: { maxWidth: '760px', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

const CONSENT_DATE_MESSAGES: Record<ConsentDateProblem, MessageId> = {
  required: 'personForm.consentDateRequired',
  future: 'personForm.consentDateFuture',
  before1900: 'personForm.consentDateBefore1900',
};

/** Adding a person to a network, or changing one (as last read). */
export type PersonFormMode =
  | { kind: 'create'; networkId: string; networkName: string }
  | { kind: 'edit'; person: PersonDetail };

/**
 * "Persoon toevoegen" and "Wijzigen": one form for both. Errors appear next to their fields, the method's rules next
 * to the kind, a conflict with a way to load the latest version; the input is kept through all of them.
 */
export function PersonFormDialog(props: {
  api: ApiClient;
  mode: PersonFormMode;
  trigger: ReactElement;
  onSaved: (result: PersonChange) => void;
  /** Edit mode on the person page: closes the form and opens "Afscheid nemen" (the kind is not edited here). */
  onFarewell?: (() => void) | undefined;
}) {
  const { api, mode, trigger, onSaved, onFarewell } = props;
  const t = useT();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<PersonDraft>(emptyPersonDraft);
  const [base, setBase] = useState<PersonDetail | null>(null);
  const [showProblems, setShowProblems] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [reloaded, setReloaded] = useState(false);
  // Counts refused saves, so each one moves focus to the first field in error.
  const [refusals, setRefusals] = useState(0);
  const form = useFocusFirstInvalid<HTMLFormElement>(refusals);
  const messages = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure !== null || reloaded) messages.current?.scrollIntoView({ block: 'nearest' });
  }, [failure, reloaded]);

  const changeOpen = (next: boolean) => {
    if (busy) return;
    setOpen(next);
    setFailure(null);
    setShowProblems(false);
    setReloaded(false);
    if (next) {
      setDraft(mode.kind === 'edit' ? draftFromPerson(mode.person) : emptyPersonDraft);
      setBase(mode.kind === 'edit' ? mode.person : null);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (Object.keys(draftProblems(draft)).length > 0) {
      setShowProblems(true);
      setRefusals((count) => count + 1);
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const result =
        mode.kind === 'create'
          ? await createPerson(api, mode.networkId, createBodyOf(draft))
          : base && (await updatePerson(api, base.id, changesOf(base, draft, base.version)));
      setBusy(false);
      setOpen(false);
      if (result) onSaved(result);
    } catch (error) {
      setBusy(false);
      setFailure(error);
      setRefusals((count) => count + 1);
    }
  };

  const reload = async () => {
    if (!base) return;
    try {
      setBase(await getPerson(api, base.id));
      setFailure(null);
      setReloaded(true);
    } catch (error) {
      setFailure(error);
    }
  };

  const guard = useFormDialogGuard({
    open,
    form: draft,
    onOpenChange: changeOpen,
  });
  const errors = personFormErrorsOf(failure, t);
  const problems = showProblems ? draftProblems(draft) : {};
  const fields = {
    ...errors.fields,
    ...(problems.displayName ? { displayName: t('personForm.displayNameRequired') } : {}),
    ...(problems.consentDate ? { consentDate: t(CONSENT_DATE_MESSAGES[problems.consentDate]) } : {}),
  };
  const unplaced =
    failure !== null &&
    !errors.conflict &&
    errors.rules.length === 0 &&
    Object.keys(errors.fields).length === 0;
  const hasMessages = errors.conflict || (reloaded && !failure) || unplaced;
  const title =
    mode.kind === 'create'
      ? t('personForm.createTitle', { network: mode.networkName })
      : t('personForm.editTitle', { name: mode.person.displayName });
  const networkId = mode.kind === 'create' ? mode.networkId : (mode.person.networks[0]?.id ?? '');

  return (
    <Dialog open={open} onOpenChange={guard.onOpenChange}>
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      <DialogSurface className={styles.surface}>
        {guard.confirmation}
        <form ref={form} onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.content}>
              {/* Above the fields, and scrolled to, so a long form does not hide why saving failed. */}
              {hasMessages && (
                <div ref={messages} className={styles.content}>
                  {errors.conflict && (
                    <MessageBar intent="warning" layout="multiline">
                      <MessageBarBody>
                        <MessageBarTitle>{t('personForm.conflictTitle')}</MessageBarTitle>
                        {t('personForm.conflictBody')}
                      </MessageBarBody>
                      <MessageBarActions>
                        <Button onClick={reload}>{t('personForm.reload')}</Button>
                      </MessageBarActions>
                    </MessageBar>
                  )}
                  {reloaded && !failure && (
                    <MessageBar intent="info">
                      <MessageBarBody>{t('personForm.reloaded')}</MessageBarBody>
                    </MessageBar>
                  )}
                  {unplaced && <ErrorState title={t('personForm.failed')} error={failure} />}
                </div>
              )}
              <FormChoices api={api} networkId={networkId}>
                {(choices) => (
                  <PersonFormFields
                    draft={draft}
                    onChange={(change) => setDraft((current) => ({ ...current, ...change }))}
                    communities={choices.communities}
                    neighbourhoods={choices.neighbourhoods}
                    messages={{ fields, rules: errors.rules }}
                    onFarewell={
                      mode.kind === 'edit' && onFarewell
                        ? () => {
                            changeOpen(false);
                            onFarewell();
                          }
                        : undefined
                    }
                  />
                )}
              </FormChoices>
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabledFocusable={busy}>
                {mode.kind === 'create' ? t('personForm.create') : t('personForm.save')}
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

/** Renders the form once its choices are loaded; a failed load says so and can be retried. */
function FormChoices(props: {
  api: ApiClient;
  networkId: string;
  children: (choices: PersonFormChoices) => ReactElement;
}) {
  const t = useT();
  const { state, retry } = usePersonFormChoices(props.api, props.networkId);
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'failed')
    return <ErrorState title={t('personForm.loadFailed')} error={state.error} onRetry={retry} />;
  return props.children(state.value);
}
