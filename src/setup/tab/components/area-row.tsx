import {
  Badge,
  Button,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Text,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { ConfirmDialog } from '../../../tab/components/confirm-dialog.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { fieldMessages, validation } from '../../../tab/components/form-ui.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { deleteArea, type ManagedArea, updateArea } from '../api/setup-endpoints.js';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  name: { flexGrow: 1, minWidth: '140px' },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  edit: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalM,
    flexBasis: '100%',
  },
  field: { minWidth: '200px', flexGrow: 1, maxWidth: '300px' },
  button: { marginTop: `calc(${tokens.lineHeightBase300} + ${tokens.spacingVerticalSNudge})` },
  failure: { flexBasis: '100%' },
});

interface Props {
  api: ApiClient;
  municipalityId: string;
  area: ManagedArea;
  /** The districts a wijk may move to (active ones). */
  districts: ManagedArea[];
  onChanged: () => Promise<void>;
}

/** The edit form of one area: its name and, for a wijk, its district and CBS wijkcode. */
function EditArea(props: Props & { onDone: () => void }) {
  const { api, municipalityId, area, districts, onChanged, onDone } = props;
  const t = useT();
  const styles = useStyles();
  const [name, setName] = useState(area.name);
  const [code, setCode] = useState(area.cbsCode ?? '');
  const [parentId, setParentId] = useState(area.parentId);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const errors = fieldMessages(failure, {}, t);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    const wijk = area.kind === 'neighbourhood';
    const change = {
      ...(name !== area.name ? { name } : {}),
      ...(wijk && code !== (area.cbsCode ?? '') ? { cbsCode: code.trim() === '' ? null : code } : {}),
      ...(wijk && parentId && parentId !== area.parentId ? { parentId } : {}),
    };
    try {
      await updateArea(api, municipalityId, area.id, change);
      await onChanged();
      onDone();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className={styles.edit}
      onSubmit={save}
      noValidate
      aria-label={t('setup.areas.editLabel', { name: area.name })}
    >
      <Field
        className={styles.field}
        label={t('setup.areas.rename')}
        required
        {...validation(errors['body.name'])}
      >
        <Input value={name} onChange={(_e, data) => setName(data.value)} />
      </Field>
      {area.kind === 'neighbourhood' && (
        <>
          <Field
            className={styles.field}
            label={t('setup.areas.wijkDistrict')}
            {...validation(errors['body.parentId'])}
          >
            <Dropdown
              value={districts.find((district) => district.id === parentId)?.name ?? ''}
              selectedOptions={parentId ? [parentId] : []}
              onOptionSelect={(_e, data) => setParentId(data.optionValue ?? null)}
            >
              {districts.map((district) => (
                <Option key={district.id} value={district.id}>
                  {district.name}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field
            className={styles.field}
            label={t('setup.areas.wijkCode')}
            {...validation(errors['body.cbsCode'])}
          >
            <Input value={code} onChange={(_e, data) => setCode(data.value)} />
          </Field>
        </>
      )}
      <Button type="submit" appearance="primary" className={styles.button} disabledFocusable={busy}>
        {t('setup.areas.save')}
      </Button>
      <Button className={styles.button} onClick={onDone}>
        {t('setup.areas.cancel')}
      </Button>
      {failure !== null && Object.keys(errors).length === 0 && (
        <div className={styles.failure}>
          <ErrorState title={t('setup.areas.changeFailed')} error={failure} />
        </div>
      )}
    </form>
  );
}

/** One district or wijk with its code and state, and the buttons to change, archive or restore, and delete it. */
export function AreaRow(props: Props) {
  const { api, municipalityId, area, onChanged } = props;
  const t = useT();
  const styles = useStyles();
  const [editing, setEditing] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const toggleArchived = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await updateArea(api, municipalityId, area.id, { archived: !area.archived });
      await onChanged();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={styles.row}>
      <Text weight="semibold" className={styles.name}>
        {area.name}
      </Text>
      {area.cbsCode && <Text className={styles.muted}>{area.cbsCode}</Text>}
      {area.archived && (
        <Badge appearance="tint" color="informative">
          {t('setup.areas.archived')}
        </Badge>
      )}
      <div className={styles.actions}>
        <Button
          aria-label={t('setup.areas.editLabel', { name: area.name })}
          aria-expanded={editing}
          onClick={() => setEditing(!editing)}
        >
          {t('setup.areas.edit')}
        </Button>
        <Button
          disabledFocusable={busy}
          aria-label={t(area.archived ? 'setup.areas.restoreLabel' : 'setup.areas.archiveLabel', {
            name: area.name,
          })}
          onClick={toggleArchived}
        >
          {t(area.archived ? 'setup.areas.restore' : 'setup.areas.archive')}
        </Button>
        <ConfirmDialog
          trigger={
            <Button aria-label={t('setup.areas.deleteLabel', { name: area.name })}>
              {t('setup.areas.delete')}
            </Button>
          }
          title={t('setup.areas.deleteTitle', { name: area.name })}
          confirmLabel={t('setup.areas.delete')}
          failureTitle={t('setup.areas.deleteFailed')}
          onConfirm={async () => {
            await deleteArea(api, municipalityId, area.id);
            await onChanged();
          }}
        >
          {t('setup.areas.deleteBody')}
        </ConfirmDialog>
      </div>
      {editing && <EditArea {...props} onDone={() => setEditing(false)} />}
      {failure !== null && (
        <div className={styles.failure}>
          <ErrorState title={t('setup.areas.changeFailed')} error={failure} />
        </div>
      )}
    </div>
  );
}
