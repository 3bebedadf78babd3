import { Dropdown, makeStyles, Option } from '@fluentui/react-components';

const useStyles = makeStyles({
  // Fluent gives a Dropdown a minimum width of 250px; here it fills the column it is placed in instead.
  root: { minWidth: 0, width: '100%' },
});

/** One choice of a {@link ChoiceDropdown}. */
export interface Choice<T extends string> {
  value: T;
  label: string;
}

const NONE = '';

/**
 * A Fluent Dropdown of fixed choices plus, when `noneLabel` is given, a first option that clears the value.
 * Inside a Fluent Field the field's label names it.
 */
export function ChoiceDropdown<T extends string>(props: {
  choices: readonly Choice<T>[];
  value: T | null;
  onChange: (value: T | null) => void;
  noneLabel?: string;
  placeholder?: string;
  label?: string;
  disabled?: boolean;
}) {
  const { choices, value, onChange, noneLabel, placeholder, label, disabled } = props;
  const styles = useStyles();
  const current = choices.find((choice) => choice.value === value);
  return (
    <Dropdown
      className={styles.root}
      aria-label={label}
      disabled={disabled}
      placeholder={placeholder}
      value={current?.label ?? (value === null && noneLabel && !placeholder ? noneLabel : '')}
      selectedOptions={[value ?? NONE]}
      onOptionSelect={(_event, data) => {
        if (data.optionValue === NONE) onChange(null);
        else onChange(choices.find((choice) => choice.value === data.optionValue)?.value ?? null);
      }}
    >
      {noneLabel !== undefined && <Option value={NONE}>{noneLabel}</Option>}
      {choices.map((choice) => (
        <Option key={choice.value} value={choice.value}>
          {choice.label}
        </Option>
      ))}
    </Dropdown>
  );
}
