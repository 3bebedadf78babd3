import { Badge, type BadgeProps } from '@fluentui/react-components';
import type { NetworkStatus } from '../../platform/db/schema.js';
import { useT } from '../i18n/use-t.js';
import { statusMessage } from './labels.js';

const statusColor: Record<NetworkStatus, BadgeProps['color']> = {
  starting: 'informative',
  active: 'success',
  paused: 'warning',
  archived: 'subtle',
};

/** A network's status ("In opbouw", "Actief", "Gepauzeerd") as a coloured badge; the text carries the meaning. */
export function StatusBadge({ status }: { status: NetworkStatus }) {
  const t = useT();
  return (
    <Badge appearance="tint" shape="rounded" color={statusColor[status]}>
      {t(statusMessage[status])}
    </Badge>
  );
}
