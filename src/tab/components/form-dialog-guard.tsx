import {
  Button,
  type DialogOpenChangeData,
  type DialogOpenChangeEvent,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { type ReactElement, type RefObject, useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n/use-t.js';

/** What a form dialog spreads onto its parts to keep typed input from being lost by accident. */
export interface FormDialogGuard {
  /** For `<Dialog onOpenChange>`: opening passes; closing a dirty form (Escape, Annuleren) asks first; outside: stays. */
  onOpenChange: (event: DialogOpenChangeEvent, data: DialogOpenChangeData) => void;
  /** The "discard what you entered?" question; render it inside the `DialogSurface`, above the form. */
  confirmation: ReactElement;
}

/**
 * Dialogs with forms never lose typed input by accident (issue 15 item 8): closing the dialog while `dirty`
 * (Escape, Annuleren) asks to confirm discarding; a click outside a dirty form does nothing. An Escape in an open dropdown never gets here:
 * Fluent's Combobox, Dropdown and TagPicker keep it (tests/e2e/tab-form-dialogs.test.ts checks both kinds). Closing
 * after a save (the dialog setting its own state) does not pass through here either. `onOpenChange` is the
 * dialog's own open handler.
 */
export function useFormDialogGuard(options: {
  open: boolean;
  /** What the form holds (JSON-serialisable); it is dirty once it differs from what it held when it opened. */
  form: unknown;
  onOpenChange: (open: boolean) => void;
}): FormDialogGuard {
  const { open, form, onOpenChange } = options;
  const [asking, setAsking] = useState(false);
  const dirty = useDirty(open, form);
  // Where focus was when the question opened (the field being edited, or Annuleren).
  const returnFocus = useRef<HTMLElement | null>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const discard = () => {
    setAsking(false);
    onOpenChange(false);
  };
  const keepEditing = () => {
    // Focus moves back into the form BEFORE the question (which holds focus) is removed. Removing the focused
    // button first let Fluent's focus restorer send focus to the dialog's trigger outside the dialog, which left
    // the still-open form dialog aria-hidden: unreachable for a screen reader and for Playwright's getByRole.
    returnFocusInto(returnFocus.current, keep.current);
    setAsking(false);
  };
  return {
    onOpenChange: (_event, data) => {
      // While the question shows, only its buttons close the dialog; Escape there means "keep editing".
      if (asking) {
        if (data.type === 'escapeKeyDown') keepEditing();
      } else if (data.open || !dirty) onOpenChange(data.open);
      // A click beside a filled-in form is most often a slip: it keeps the form as it is, without a question.
      else if (data.type !== 'backdropClick') {
        returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        setAsking(true);
      }
    },
    confirmation: <DiscardQuestion open={asking} keepRef={keep} onKeep={keepEditing} onDiscard={discard} />,
  };
}

/**
 * Focuses `target` when it is still in the form dialog and outside the question, else the dialog's first field
 * or button outside the question.
 */
function returnFocusInto(target: HTMLElement | null, keepButton: HTMLElement | null): void {
  const dialog = keepButton?.closest('[role="dialog"]');
  const question = keepButton?.closest('[role="alert"]');
  if (!dialog) return;
  const usable = (element: HTMLElement) => dialog.contains(element) && !question?.contains(element);
  if (target?.isConnected && usable(target)) {
    target.focus();
    return;
  }
  for (const field of dialog.querySelectorAll<HTMLElement>('input, textarea, select, button')) {
    if (usable(field) && !field.matches(':disabled')) {
      field.focus();
      return;
    }
  }
}

/** Whether `form` differs from its value when `open` became true (the dialog fills the form as it opens). */
function useDirty(open: boolean, form: unknown): boolean {
  const current = JSON.stringify(form, (_key, value) => (value instanceof Set ? [...value] : value));
  const [opened, setOpened] = useState<string | null>(null);
  useEffect(() => {
    if (!open) setOpened(null);
    else if (opened === null) setOpened(current);
  }, [open, opened, current]);
  return open && opened !== null && opened !== current;
}

/**
 * Asks, inside the form dialog itself, whether to throw away unsaved input; focus goes to "keep editing".
 * Not a nested dialog: Fluent's focus trap left the form dialog hidden from assistive technology after a nested
 * dialog closed (aria-hidden stayed on it, seen in Chromium with @fluentui/react-dialog 9.18).
 */
function DiscardQuestion(props: {
  open: boolean;
  keepRef: RefObject<HTMLButtonElement | null>;
  onKeep: () => void;
  onDiscard: () => void;
}) {
  const t = useT();
  const keep = props.keepRef;
  const titleId = useId();
  useEffect(() => {
    if (props.open) keep.current?.focus();
  }, [props.open, keep]);
  if (!props.open) return null;
  return (
    <MessageBar intent="warning" layout="multiline" role="alert" aria-labelledby={titleId}>
      <MessageBarBody>
        <MessageBarTitle id={titleId}>{t('formDialog.discardTitle')}</MessageBarTitle>
        {t('formDialog.discardBody')}
      </MessageBarBody>
      <MessageBarActions>
        <Button ref={keep} appearance="primary" onClick={props.onKeep}>
          {t('formDialog.keep')}
        </Button>
        <Button onClick={props.onDiscard}>{t('formDialog.discard')}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
