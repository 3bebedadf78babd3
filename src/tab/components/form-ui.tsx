import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { MessageId } from '../i18n/messages.nl.js';
import type { Translate } from '../i18n/use-t.js';
import { fieldErrorsOf } from './field-errors.js';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'minmax(120px, max-content) 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0 },
  fieldset: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightSemibold },
  error: { flexBasis: '100%', color: tokens.colorPaletteRedForeground1 },
});

/** Terms and values as a description list, two columns. */
export function Facts({ items }: { items: { term: string; value: ReactNode }[] }) {
  const styles = useStyles();
  return (
    <dl className={styles.facts}>
      {items.map((item) => (
        <div key={item.term} className={styles.pair}>
          <dt className={styles.term}>{item.term}</dt>
          <dd className={styles.value}>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A group of checkboxes or buttons with a visible legend, so screen readers name the group. */
export function Fieldset(props: { legend: string; error?: string | undefined; children: ReactNode }) {
  const styles = useStyles();
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{props.legend}</legend>
      {props.children}
      {props.error && (
        <Text role="alert" className={styles.error}>
          {props.error}
        </Text>
      )}
    </fieldset>
  );
}

/**
 * The field errors of a failed save, in the tab's language: a known field gets its own sentence from the
 * catalogue, any other the server's message (the API speaks English).
 */
export function fieldMessages(
  failure: unknown,
  known: Record<string, MessageId>,
  t: Translate,
): Record<string, string | undefined> {
  const messages: Record<string, string | undefined> = {};
  for (const [field, message] of Object.entries(fieldErrorsOf(failure))) {
    const key = known[field];
    messages[field] = key ? t(key) : message;
  }
  return messages;
}

/** The props of a Fluent Field for a message (error state only when there is one). */
export const validation = (message: string | undefined) => ({
  validationMessage: message,
  validationState: message ? ('error' as const) : ('none' as const),
});
