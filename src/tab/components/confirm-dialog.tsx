import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { type ReactElement, type ReactNode, useState } from 'react';
import { useT } from '../i18n/use-t.js';
import { ErrorState } from './error-state.js';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/**
 * A button that asks first: the trigger opens an alert dialog; only "confirm" runs the action. A failure is shown
 * in the dialog, which stays open so the user can try again or cancel.
 */
export function ConfirmDialog(props: {
  trigger: ReactElement;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** The title of the failure shown in the dialog, e.g. "De rol is niet verwijderd". */
  failureTitle: string;
  onConfirm: () => Promise<void>;
}) {
  const { trigger, title, children, confirmLabel, failureTitle, onConfirm } = props;
  const t = useT();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const changeOpen = (next: boolean) => {
    if (busy) return;
    setOpen(next);
    setFailure(null);
  };
  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await onConfirm();
      setOpen(false);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog modalType="alert" open={open} onOpenChange={(_event, data) => changeOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            {children}
            {failure !== null && <ErrorState title={failureTitle} error={failure} />}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabledFocusable={busy} onClick={confirm}>
              {confirmLabel}
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button disabledFocusable={busy}>{t('common.cancel')}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
