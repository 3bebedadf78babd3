import { Caption1, Combobox, Field, makeStyles, Option, tokens } from '@fluentui/react-components';
import { useT } from '../../tab/i18n/use-t.js';

const useStyles = makeStyles({
  combobox: { minWidth: 0 },
  option: { display: 'flex', flexDirection: 'column' },
  detail: { color: tokens.colorNeutralForeground2, fontFamily: tokens.fontFamilyMonospace },
});

/** A choice in a picker: the value sent, the words shown, and an optional detail under them (e.g. a code). */
export interface PickerOption {
  value: string;
  label: string;
  detail?: string;
}

/** Lower case without accents, so "stephane" finds "Stéphane". */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl');

/** The options whose words (or detail) contain what is typed; all of them while the picked one is shown. */
export function matchingOptions(options: readonly PickerOption[], text: string, picked: string) {
  const query = fold(text.trim());
  const pickedLabel = options.find((option) => option.value === picked)?.label;
  if (!query || text === pickedLabel) return options;
  return options.filter((option) => fold(`${option.label} ${option.detail ?? ''}`).includes(query));
}

/**
 * A field that picks one of many by name: typing narrows the list, choosing an option sets the value. Typing after a
 * choice drops it, so the value never disagrees with the words shown; an empty field means "any".
 */
export function PickerField(props: {
  label: string;
  hint?: string;
  error?: string;
  options: readonly PickerOption[];
  /** The picked value ('' for none) and what the field shows. */
  value: string;
  text: string;
  onChange: (next: { value: string; text: string }) => void;
}) {
  const { label, hint, error, options, value, text, onChange } = props;
  const t = useT();
  const styles = useStyles();
  const shown = matchingOptions(options, text, value);
  return (
    <Field label={label} hint={hint} validationMessage={error} validationState={error ? 'error' : 'none'}>
      <Combobox
        className={styles.combobox}
        freeform
        value={text}
        selectedOptions={value ? [value] : []}
        onChange={(event) => onChange({ value: '', text: event.target.value })}
        onOptionSelect={(_event, data) =>
          onChange({ value: data.optionValue ?? '', text: data.optionValue ? (data.optionText ?? '') : '' })
        }
      >
        {shown.map((option) => (
          <Option key={option.value} value={option.value} text={option.label}>
            <span className={styles.option}>
              {option.label}
              {option.detail && <Caption1 className={styles.detail}>{option.detail}</Caption1>}
            </span>
          </Option>
        ))}
        {shown.length === 0 && (
          <Option disabled value="" text="">
            {t('audit.filter.noMatch')}
          </Option>
        )}
      </Combobox>
    </Field>
  );
}
