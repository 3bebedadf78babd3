import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { MessageId } from './messages.nl.js';

/** Values that may fill a message's placeholders. */
export type MessageValues = Record<string, string | number | Date>;

/** Formats a catalogue message; the id is type-checked against the catalogue. */
export type Translate = (id: MessageId, values?: MessageValues) => string;

/** The formatter for the current locale, as a plain function of a typed message id. */
export function useT(): Translate {
  const intl = useIntl();
  return useCallback((id, values) => intl.formatMessage({ id }, values), [intl]);
}
