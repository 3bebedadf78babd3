import { Dropdown, Option } from '@fluentui/react-components';
import type { RoleName } from '../../tab/api/endpoints.js';
import { roleMessage, roleNames } from '../../tab/components/labels.js';
import { useT } from '../../tab/i18n/use-t.js';

/** A picker of the four network roles (Coördinator, Lid, Secretaris, Meekijker). */
export function RoleDropdown(props: {
  value: RoleName | null;
  onChange: (role: RoleName) => void;
  /** The spoken name; leave it out inside a Fluent Field, whose label names the picker. */
  label?: string;
  disabled?: boolean;
  placeholder?: string;
  size?: 'small' | 'medium';
  className?: string;
}) {
  const { value, onChange, label, disabled, placeholder, size, className } = props;
  const t = useT();
  return (
    <Dropdown
      aria-label={label}
      className={className}
      size={size}
      disabled={disabled}
      placeholder={placeholder}
      value={value ? t(roleMessage[value]) : ''}
      selectedOptions={value ? [value] : []}
      onOptionSelect={(_event, data) => {
        const role = roleNames.find((name) => name === data.optionValue);
        if (role && role !== value) onChange(role);
      }}
    >
      {roleNames.map((role) => (
        <Option key={role} value={role}>
          {t(roleMessage[role])}
        </Option>
      ))}
    </Dropdown>
  );
}
