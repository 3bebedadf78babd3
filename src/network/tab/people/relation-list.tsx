import {
  Badge,
  Body1,
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import { ConfirmDialog } from '../../../tab/components/confirm-dialog.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { personHref } from '../../../tab/routing/network-paths.js';
import { RouterLink } from '../../../tab/routing/router-link.js';
import type { Relation } from '../api/network-endpoints.js';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  ended: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3 },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
  endedText: { color: tokens.colorNeutralForeground3 },
});

function Period({ relation }: { relation: Relation }) {
  const t = useT();
  const intl = useIntl();
  const format = (iso: string) =>
    intl.formatDate(new Date(`${iso}T00:00:00Z`), {
      timeZone: 'UTC',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
  const parts = [
    ...(relation.since ? [t('relations.since', { date: format(relation.since) })] : []),
    ...(relation.until ? [t('relations.until', { date: format(relation.until) })] : []),
  ];
  return parts.length > 0 ? <Caption1>{parts.join(' · ')}</Caption1> : null;
}

/** A person's relations, each as "label + other"; ended ones greyed and labelled, open ones can be ended. */
export function RelationList(props: {
  relations: Relation[];
  canEnd: boolean;
  onEnd: (relation: Relation) => Promise<void>;
}) {
  const { relations, canEnd, onEnd } = props;
  const t = useT();
  const styles = useStyles();
  const search = window.location.search;
  if (relations.length === 0) return <Body1>{t('relations.none')}</Body1>;
  return (
    <ul className={styles.list}>
      {relations.map((relation) => {
        const otherName = relation.other.name ?? t('relations.outsideNetworks');
        const sentence = `${relation.label} ${otherName}`;
        return (
          <li key={relation.id} className={mergeClasses(styles.item, relation.ended && styles.ended)}>
            <div className={styles.text}>
              <span className={styles.line}>
                <Text className={relation.ended ? styles.endedText : undefined}>{relation.label}</Text>
                {relation.other.kind === 'person' && relation.other.name ? (
                  <RouterLink href={personHref(relation.other.id, search)}>{relation.other.name}</RouterLink>
                ) : (
                  <Text
                    weight={relation.other.name ? 'semibold' : 'regular'}
                    italic={!relation.other.name}
                    className={relation.other.name ? undefined : styles.muted}
                  >
                    {otherName}
                  </Text>
                )}
                {relation.ended && (
                  <Badge appearance="outline" shape="rounded" color="informative">
                    {t('relations.ended')}
                  </Badge>
                )}
              </span>
              <Period relation={relation} />
            </div>
            {canEnd && !relation.ended && (
              <ConfirmDialog
                trigger={
                  <Button size="small" aria-label={t('relations.endLabel', { relation: sentence })}>
                    {t('relations.end')}
                  </Button>
                }
                title={t('relations.endTitle')}
                confirmLabel={t('relations.end')}
                failureTitle={t('relations.endFailed')}
                onConfirm={() => onEnd(relation)}
              >
                <Body1>{t('relations.endBody', { relation: sentence })}</Body1>
              </ConfirmDialog>
            )}
          </li>
        );
      })}
    </ul>
  );
}
