import { Dropdown, Option } from '@fluentui/react-components';
import { useT } from '../../tab/i18n/use-t.js';
import type { NetworkOption } from './staff-actions.js';

/** A picker of networks by name; its label comes from the surrounding Fluent Field. */
export function NetworkDropdown(props: {
  networks: NetworkOption[];
  value: NetworkOption | null;
  onChange: (networkId: string) => void;
}) {
  const { networks, value, onChange } = props;
  const t = useT();
  return (
    <Dropdown
      placeholder={t('roles.add.networkPlaceholder')}
      value={value?.name ?? ''}
      selectedOptions={value ? [value.id] : []}
      onOptionSelect={(_event, data) => data.optionValue && onChange(data.optionValue)}
    >
      {networks.map((network) => (
        <Option key={network.id} value={network.id}>
          {network.name}
        </Option>
      ))}
    </Dropdown>
  );
}
