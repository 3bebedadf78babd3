import {
  Button,
  type DialogOpenChangeData,
  type DialogOpenChangeEvent,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { type KeyboardEvent, type ReactElement, useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n/use-t.js';

// An open dropdown (Combobox, Dropdown, TagPicker) keeps focus on its trigger, which then says aria-expanded="true";
// an option list may hold focus itself. React has not re-rendered yet while the key event bubbles, so the
// attribute still tells whether this Escape was meant for the dropdown.
const OPEN_POPUP = '[role="combobox"][aria-expanded="true"], [role="listbox"]';

/** Whether a key event started inside an open dropdown, which handles its own Escape. */
export function insideOpenPopup(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(OPEN_POPUP) !== null;
}

/** What a form dialog spreads onto its parts to keep typed input from being lost by accident. */
export interface FormDialogGuard {
  /** For `<Dialog onOpenChange>`: opening passes; closing a dirty form (Escape, Annuleren, outside) asks first. */
  onOpenChange: (event: DialogOpenChangeEvent, data: DialogOpenChangeData) => void;
  /** For `<DialogSurface>`: Escape inside an open dropdown closes only the dropdown. */
  surfaceProps: { onKeyDown: (event: KeyboardEvent<HTMLElement>) => void };
  /** The "discard what you entered?" question; render it inside the `DialogSurface`, above the form. */
  confirmation: ReactElement;
}

/**
 * Dialogs with forms never lose typed input by accident (issue 15 item 8): Escape in an open dropdown closes the
 * dropdown only, and closing the dialog while `dirty` asks to confirm discarding. Closing after a save (the
 * dialog setting its own state) does not pass through here. `onOpenChange` is the dialog's own open handler.
 */
export function useFormDialogGuard(options: {
  dirty: boolean;
  onOpenChange: (open: boolean) => void;
}): FormDialogGuard {
  const { dirty, onOpenChange } = options;
  const [asking, setAsking] = useState(false);
  const discard = () => {
    setAsking(false);
    onOpenChange(false);
  };
  return {
    onOpenChange: (_event, data) => {
      if (data.open || !dirty) {
        setAsking(false);
        onOpenChange(data.open);
      } else if (asking && data.type === 'escapeKeyDown') setAsking(false); // Escape on the question: keep editing
      else setAsking(true);
    },
    surfaceProps: {
      onKeyDown: (event) => {
        // The surface closes on an Escape nobody prevented; the dropdown's own handler has already run.
        if (event.key === 'Escape' && insideOpenPopup(event.target)) event.preventDefault();
      },
    },
    confirmation: <DiscardQuestion open={asking} onKeep={() => setAsking(false)} onDiscard={discard} />,
  };
}

/**
 * Asks, inside the form dialog itself, whether to throw away unsaved input; focus goes to "keep editing".
 * Not a nested dialog: Fluent's focus trap left the form dialog hidden from assistive technology after a nested
 * dialog closed (aria-hidden stayed on it, seen in Chromium with @fluentui/react-dialog 9.18).
 */
function DiscardQuestion(props: { open: boolean; onKeep: () => void; onDiscard: () => void }) {
  const t = useT();
  const keep = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (props.open) keep.current?.focus();
  }, [props.open]);
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
