import { Badge, type BadgeProps } from '@fluentui/react-components';
import { useT } from '../../tab/i18n/use-t.js';
import type { AuditResult } from './audit-endpoints.js';
import { resultMessage } from './audit-labels.js';

const resultColor: Record<AuditResult, BadgeProps['color']> = {
  success: 'success',
  denied: 'warning',
  failed: 'danger',
};

/** An audit event's result as a coloured badge; the word carries the meaning, the colour only helps. */
export function ResultBadge({ result }: { result: AuditResult }) {
  const t = useT();
  return (
    <Badge appearance="tint" shape="rounded" color={resultColor[result]}>
      {t(resultMessage[result])}
    </Badge>
  );
}
