import {
  Body1,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Radio,
  RadioGroup,
  Text,
  Textarea,
  Title1,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import type { Me } from '../../../tab/api/endpoints.js';
import { CardPreview } from '../../../tab/components/card-preview.js';
import { CommunityPicker } from '../../../tab/components/community-picker.js';
import { describeError } from '../../../tab/components/describe-error.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { Section } from '../../../tab/components/section.js';
import { useDocumentTitle } from '../../../tab/hooks/use-document-title.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { RouterLink } from '../../../tab/routing/router-link.js';
import { navigate } from '../../../tab/routing/use-pathname.js';
import {
  type CallOutPreview,
  previewCallOut,
  previewCallOutCard,
  type StartCallOut,
  startCallOut,
} from '../api/call-out-endpoints.js';
import { callOutHref, callOutListHref } from '../call-out-routes.js';
import { type CallOutFormErrors, callOutFormErrorsOf } from '../components/call-out-errors.js';
import {
  callOutKinds,
  callOutUrgencies,
  kindMessage,
  urgencyMessage,
} from '../components/call-out-labels.js';
import { PlacePicker } from '../components/place-picker.js';
import { RecipientsPreview } from '../components/recipients-preview.js';
import { useStartChoices } from '../components/use-start-choices.js';

const useStyles = makeStyles({
  back: { display: 'block', margin: `0 0 ${tokens.spacingVerticalS}` },
  title: { margin: 0 },
  intro: { display: 'block', marginTop: tokens.spacingVerticalS, color: tokens.colorNeutralForeground2 },
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    marginTop: tokens.spacingVerticalXL,
    maxWidth: '960px',
  },
  places: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    border: 'none',
    minWidth: 0,
  },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  required: { color: tokens.colorPaletteRedForeground3 },
  hint: { color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
  preview: { ':focus': { outlineStyle: 'none' } },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

const emptyDraft: StartCallOut = {
  kind: 'incident',
  urgency: 'immediate',
  summary: '',
  ask: '',
  placeIds: [],
  communityIds: [],
};

const noErrors: CallOutFormErrors = { fields: {}, form: null };

/** "Crisisoproep starten": what happened, where, who, what is asked; the recipients are shown before sending. */
export function CallOutNewPage({ api, me }: { api: ApiClient; me: Me }) {
  const t = useT();
  const styles = useStyles();
  useDocumentTitle(`${t('callOutForm.title')} – ${t('app.name')}`);
  const choices = useStartChoices(api, me);
  const [draft, setDraft] = useState<StartCallOut>(emptyDraft);
  const [preview, setPreview] = useState<CallOutPreview | null>(null);
  const [errors, setErrors] = useState<CallOutFormErrors>(noErrors);
  const [busy, setBusy] = useState<'preview' | 'send' | null>(null);
  // One Idempotency-Key per call-out this page starts: a send repeated after a lost answer starts nothing new.
  const [startKey] = useState(() => crypto.randomUUID());
  const previewHeading = useRef<HTMLDivElement>(null);
  // Set when a preview the user asked for arrives: focus moves to it once React has committed it. (A
  // requestAnimationFrame after setPreview could run before that commit under load, finding no element.)
  const focusPreview = useRef(false);
  useEffect(() => {
    if (!preview || !focusPreview.current) return;
    focusPreview.current = false;
    previewHeading.current?.focus();
  }, [preview]);
  const placesHelp = useId();
  // The card of the draft as shown: a change hides the preview, so it always matches what Versturen sends.
  const loadCard = useCallback((locale: 'nl' | 'en') => previewCallOutCard(api, draft, locale), [api, draft]);

  // Any change makes the shown recipients stale: they must be looked at again before sending.
  const change = (patch: Partial<StartCallOut>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setPreview(null);
  };

  const municipalityOfPlaces = (() => {
    if (choices.state.status !== 'done') return null;
    const { municipalities } = choices.state.value;
    const chosen = municipalities.find((municipality) =>
      municipality.districts.some((district) =>
        district.neighbourhoods.some((wijk) => draft.placeIds.includes(wijk.id)),
      ),
    );
    return (
      chosen ??
      municipalities.find((m) => choices.state.status === 'done' && choices.state.value.communities[m.id]) ??
      null
    );
  })();
  const communities =
    choices.state.status === 'done' && municipalityOfPlaces
      ? (choices.state.value.communities[municipalityOfPlaces.id] ?? [])
      : [];

  const showPreview = async (event: FormEvent) => {
    event.preventDefault();
    setBusy('preview');
    try {
      const result = await previewCallOut(api, draft);
      setErrors(noErrors);
      focusPreview.current = true;
      setPreview(result);
    } catch (error) {
      setErrors(callOutFormErrorsOf(error, t));
      setPreview(null);
    } finally {
      setBusy(null);
    }
  };

  const send = async () => {
    setBusy('send');
    try {
      const started = await startCallOut(api, draft, startKey);
      navigate(callOutHref(started.id, window.location.search));
    } catch (error) {
      setErrors(callOutFormErrorsOf(error, t));
      setBusy(null);
    }
  };

  const placeError = errors.fields.placeIds;
  const fieldError = (field: string) => {
    const message = errors.fields[field];
    return { validationMessage: message, validationState: message ? ('error' as const) : ('none' as const) };
  };

  return (
    <>
      <Body1 as="p" className={styles.back}>
        <RouterLink href={callOutListHref(window.location.search)}>{t('callOutList.back')}</RouterLink>
      </Body1>
      <Title1 as="h1" className={styles.title}>
        {t('callOutForm.title')}
      </Title1>
      <Body1 className={styles.intro}>{t('callOutForm.intro')}</Body1>
      {choices.state.status === 'loading' && <LoadingState />}
      {choices.state.status === 'failed' && (
        <ErrorState error={choices.state.error} onRetry={choices.retry} />
      )}
      {choices.state.status === 'done' && (
        <form className={styles.form} onSubmit={showPreview} noValidate>
          <Field label={t('callOutForm.kind')} required {...fieldError('kind')}>
            <RadioGroup
              layout="horizontal"
              value={draft.kind}
              onChange={(_event, data) => change({ kind: data.value as StartCallOut['kind'] })}
            >
              {callOutKinds.map((kind) => (
                <Radio key={kind} value={kind} label={t(kindMessage[kind])} />
              ))}
            </RadioGroup>
          </Field>
          <Field label={t('callOutForm.urgency')} required {...fieldError('urgency')}>
            <RadioGroup
              layout="horizontal"
              value={draft.urgency}
              onChange={(_event, data) => change({ urgency: data.value as StartCallOut['urgency'] })}
            >
              {callOutUrgencies.map((urgency) => (
                <Radio key={urgency} value={urgency} label={t(urgencyMessage[urgency])} />
              ))}
            </RadioGroup>
          </Field>
          <Field
            label={t('callOutForm.summary')}
            hint={t('callOutForm.summaryHint')}
            required
            {...fieldError('summary')}
          >
            <Textarea
              value={draft.summary}
              onChange={(_event, data) => change({ summary: data.value })}
              resize="vertical"
              rows={3}
            />
          </Field>
          <fieldset
            className={styles.places}
            aria-describedby={placeError ? `${placesHelp} ${placesHelp}-error` : placesHelp}
          >
            <legend className={styles.legend}>
              {t('callOutForm.places')}
              <span aria-hidden="true" className={styles.required}>
                {' *'}
              </span>
            </legend>
            <Text id={`${placesHelp}`} size={200} className={styles.hint}>
              {t('callOutForm.placesHint')}
            </Text>
            <PlacePicker
              municipalities={choices.state.value.municipalities}
              isAdministrator={me.isAdministrator}
              value={draft.placeIds}
              onChange={(placeIds) => change({ placeIds })}
            />
            {placeError && (
              <Text id={`${placesHelp}-error`} className={styles.error} size={200}>
                {placeError}
              </Text>
            )}
          </fieldset>
          <Field
            label={t('callOutForm.communities')}
            hint={t('callOutForm.communitiesHint')}
            {...fieldError('communityIds')}
          >
            <CommunityPicker
              communities={communities}
              value={draft.communityIds}
              onChange={(communityIds) => change({ communityIds })}
            />
          </Field>
          <Field label={t('callOutForm.ask')} hint={t('callOutForm.askHint')} required {...fieldError('ask')}>
            <Textarea
              value={draft.ask}
              onChange={(_event, data) => change({ ask: data.value })}
              resize="vertical"
              rows={3}
            />
          </Field>
          {errors.form !== null && (
            <MessageBar intent="error">
              <MessageBarBody>
                <MessageBarTitle>{t('callOutForm.refused')}</MessageBarTitle>
                {describeError(errors.form, t)}
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.actions}>
            <Button
              type="submit"
              appearance={preview ? 'secondary' : 'primary'}
              disabledFocusable={busy !== null}
            >
              {busy === 'preview' ? t('callOutForm.previewing') : t('callOutForm.preview')}
            </Button>
          </div>
        </form>
      )}
      {preview && (
        // Focus moves to the recipients, so a keyboard or screen-reader user lands on what they must check.
        <div ref={previewHeading} tabIndex={-1} className={styles.preview}>
          <Section title={t('callOutPreview.title')}>
            <RecipientsPreview preview={preview} />
          </Section>
          <Section title={t('callOutPreview.cardTitle')}>
            <CardPreview load={loadCard} note={t('callOutPreview.cardNote')} />
            <div className={styles.actions}>
              <Button
                appearance="primary"
                disabledFocusable={busy !== null || preview.staff.length === 0}
                onClick={send}
              >
                {busy === 'send' ? t('callOutForm.sending') : t('callOutForm.send')}
              </Button>
            </div>
          </Section>
        </div>
      )}
    </>
  );
}
