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
 * Erasure (AVG art. 17), step one: a reason is required before the confirmation opens.
 */
export function EraseReasonForm(props: { onAsk: (reason: ErasureReason) => void }) {
  const t = useT();
  const styles = useStyles();
  const [reason, setReason] = useState<ErasureReason | null>(null);
  const [reasonMissing, setReasonMissing] = useState(false);
  const ask = () => {
    if (!reason) {
      setReasonMissing(true);
      return;
    }
    props.onAsk(reason);
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
    </>
  );
}

/** Who is about to be erased, and why. */
export interface ErasureTarget {
  person: PrivacyPersonHit;
  reason: ErasureReason;
}

/**
 * Step two: the confirmation names the person, the reason and everything that will happen; only "Definitief
 * wissen" erases, and a failure stays in the dialog. It lives on the page, not in the person's panel, so the
 * panel can go after the erasure while the dialog closes normally (an unmounted open dialog would leave the
 * page hidden from screen readers).
 */
export function EraseDialog(props: {
  api: ApiClient;
  target: ErasureTarget | null;
  onCancel: () => void;
  onErased: (result: ErasureResult, target: ErasureTarget) => void;
}) {
  const { api, target, onCancel, onErased } = props;
  const t = useT();
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  // The last target stays shown while the dialog fades out.
  const [shown, setShown] = useState<ErasureTarget | null>(target);
  if (target !== null && target !== shown) {
    setShown(target);
    setFailure(null);
  }

  const confirm = async () => {
    if (!target) return;
    setBusy(true);
    setFailure(null);
    try {
      const result = await erasePerson(api, target.person.id, target.reason);
      onErased(result, target);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      modalType="alert"
      open={target !== null}
      onOpenChange={(_event, data) => {
        if (!busy && !data.open) onCancel();
      }}
    >
      <DialogSurface>
        {shown && (
          <DialogBody>
            <DialogTitle>{t('privacy.erase.dialogTitle', { name: shown.person.displayName })}</DialogTitle>
            <DialogContent className={styles.content}>
              <Body1>
                {t('privacy.erase.reasonChosen', { reason: t(erasureReasonLabel(shown.reason)) })}
              </Body1>
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
              <Button disabledFocusable={busy} onClick={onCancel}>
                {t('common.cancel')}
              </Button>
            </DialogActions>
          </DialogBody>
        )}
      </DialogSurface>
    </Dialog>
  );
}
