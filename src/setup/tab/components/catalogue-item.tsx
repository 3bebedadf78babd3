import { Badge, Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { type ReactNode, useState } from 'react';
import type { Feedback } from '../../../tab/components/feedback.js';
import { useT } from '../../../tab/i18n/use-t.js';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  text: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: '160px' },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** The list style shared by the setup lists. */
export const useCatalogueListStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '800px',
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

/**
 * One entry of a managed list: its name and details, edit (an inline form), archive or restore, and
 * delete — offered only while nothing uses it; the server refuses a delete in use with 409 regardless.
 */
export function CatalogueItem(props: {
  name: string;
  details: string;
  archived: boolean;
  inUse: boolean;
  editForm: (close: () => void) => ReactNode;
  onArchive: (archived: boolean) => Promise<void>;
  onDelete: () => Promise<void>;
  feedback: Feedback;
}) {
  const { name, details, archived, inUse, editForm, onArchive, onDelete, feedback } = props;
  const t = useT();
  const styles = useStyles();
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<void>, done: string) => {
    setBusy(true);
    try {
      await work();
      feedback.succeed(done);
    } catch (error) {
      feedback.fail(t('setup.common.failed'), error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className={styles.item}>
      <div className={styles.row}>
        <div className={styles.text}>
          <Text weight="semibold">{name}</Text>
          <Text size={200} className={styles.muted}>
            {details}
          </Text>
        </div>
        {archived && <Badge appearance="tint">{t('setup.communities.archived')}</Badge>}
        <Button
          size="small"
          onClick={() => setEditing((e) => !e)}
          aria-expanded={editing}
          aria-label={t('setup.common.editLabel', { name })}
        >
          {t('setup.common.edit')}
        </Button>
        <Button
          size="small"
          disabled={busy}
          onClick={() => run(() => onArchive(!archived), t('setup.communities.saved', { name }))}
          aria-label={t(archived ? 'setup.common.restoreLabel' : 'setup.common.archiveLabel', { name })}
        >
          {t(archived ? 'setup.common.restore' : 'setup.common.archive')}
        </Button>
        {!inUse && (
          <Button
            size="small"
            disabled={busy}
            onClick={() => run(onDelete, t('setup.common.deleted', { name }))}
            aria-label={t('setup.common.deleteLabel', { name })}
          >
            {t('setup.common.delete')}
          </Button>
        )}
      </div>
      {archived && <Text className={styles.muted}>{t('setup.common.archivedNote')}</Text>}
      {editing && editForm(() => setEditing(false))}
    </li>
  );
}
