import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { validation } from '../../../tab/components/form-ui.js';
import { useT } from '../../../tab/i18n/use-t.js';
import {
  type ErasureReason,
  type ErasureResult,
  erasePerson,
  type PrivacyPersonHit,
} from '../api/privacy-endpoints.js';
import { ERASURE_REASONS, erasureReasonLabel } from './privacy-labels.js';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  what: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

const WHAT_HAPPENS = [
  'privacy.erase.what.fields',
  'privacy.erase.what.relations',
  'privacy.erase.what.lists',
  'privacy.erase.what.text',
  'privacy.erase.what.stays',
] as const;

/**
 * Erasure (AVG art. 17): a reason is required before the confirmation opens; the dialog names the person, the
 * reason and everything that will happen, and only "Definitief wissen" erases. A failure stays in the dialog.
 */
export function ErasePerson(props: {
  api: ApiClient;
  person: PrivacyPersonHit;
  onErased: (result: ErasureResult, reason: ErasureReason) => void;
}) {
  const { api, person, onErased } = props;
  const t = useT();
  const styles = useStyles();
  const [reason, setReason] = useState<ErasureReason | null>(null);
  const [reasonMissing, setReasonMissing] = useState(false);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const ask = () => {
    if (!reason) {
      setReasonMissing(true);
      return;
    }
    setFailure(null);
    setOpen(true);
  };
  const confirm = async () => {
    if (!reason) return;
    setBusy(true);
    setFailure(null);
    try {
      const result = await erasePerson(api, person.id, reason);
      setOpen(false);
      onErased(result, reason);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Body1>{t('privacy.erase.intro')}</Body1>
      <Field
        label={t('privacy.erase.reason')}
        required
        {...validation(reasonMissing ? t('privacy.erase.reasonRequired') : undefined)}
      >
        <RadioGroup
          value={reason ?? ''}
          onChange={(_event, data) => {
            setReason(data.value as ErasureReason);
            setReasonMissing(false);
          }}
        >
          {ERASURE_REASONS.map((code) => (
            <Radio key={code} value={code} label={t(erasureReasonLabel(code))} />
          ))}
        </RadioGroup>
      </Field>
      <div className={styles.actions}>
        <Button onClick={ask}>{t('privacy.erase.open')}</Button>
      </div>
      <Dialog
        modalType="alert"
        open={open}
        onOpenChange={(_event, data) => {
          if (!busy) setOpen(data.open);
        }}
      >
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('privacy.erase.dialogTitle', { name: person.displayName })}</DialogTitle>
            <DialogContent className={styles.content}>
              {reason && (
                <Body1>{t('privacy.erase.reasonChosen', { reason: t(erasureReasonLabel(reason)) })}</Body1>
              )}
              <Body1>{t('privacy.erase.what')}</Body1>
              <ul className={styles.what}>
                {WHAT_HAPPENS.map((id) => (
                  <li key={id}>
                    <Body1>{t(id)}</Body1>
                  </li>
                ))}
              </ul>
              {failure !== null && <ErrorState title={t('privacy.erase.failed')} error={failure} />}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" disabledFocusable={busy} onClick={confirm}>
                {t('privacy.erase.confirm')}
              </Button>
              <Button disabledFocusable={busy} onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
