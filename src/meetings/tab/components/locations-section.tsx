import {
  Badge,
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  makeStyles,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, type ReactElement, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import type { Feedback } from '../../../tab/components/feedback.js';
import { fieldMessages, validation } from '../../../tab/components/form-ui.js';
import { Section } from '../../../tab/components/section.js';
import type { MessageId } from '../../../tab/i18n/messages.nl.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { createMeetingLocation, type MeetingLocation, updateMeetingLocation } from '../meeting-endpoints.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  inactive: { color: tokens.colorNeutralForeground3 },
});

type LocationKind = MeetingLocation['kind'];
const KINDS: LocationKind[] = ['community-centre', 'police-station', 'town-hall', 'other'];
/** The label of each kind of neutral location. */
export const locationKindMessage: Record<LocationKind, MessageId> = {
  'community-centre': 'meetings.locationKind.community-centre',
  'police-station': 'meetings.locationKind.police-station',
  'town-hall': 'meetings.locationKind.town-hall',
  other: 'meetings.locationKind.other',
};
const FIELD_MESSAGES: Record<string, MessageId> = {
  'body.name': 'meetings.locations.error.name',
  'body.address': 'meetings.locations.error.address',
};

/** Adds a location, or changes one: name, address and kind. */
function LocationDialog(props: {
  api: ApiClient;
  networkId: string;
  location: MeetingLocation | null;
  trigger: ReactElement;
  onSaved: (location: MeetingLocation) => void;
}) {
  const { api, networkId, location, trigger, onSaved } = props;
  const t = useT();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [kind, setKind] = useState<LocationKind>('community-centre');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const errors = fieldMessages(failure, FIELD_MESSAGES, t);

  const changeOpen = (next: boolean) => {
    if (busy) return;
    setOpen(next);
    if (next) {
      setName(location?.name ?? '');
      setAddress(location?.address ?? '');
      setKind(location?.kind ?? 'community-centre');
      setFailure(null);
    }
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    const fields = { name, address: address.trim() === '' ? null : address, kind };
    try {
      const saved = location
        ? await updateMeetingLocation(api, networkId, location.id, { ...fields, version: location.version })
        : await createMeetingLocation(api, networkId, fields);
      setOpen(false);
      onSaved(saved);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const title = location
    ? t('meetings.locations.editTitle', { name: location.name })
    : t('meetings.locations.addTitle');
  return (
    <Dialog open={open} onOpenChange={(_event, data) => changeOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      <DialogSurface>
        <form onSubmit={save} noValidate>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.form}>
              <Field label={t('meetings.locations.name')} required {...validation(errors['body.name'])}>
                <Input value={name} onChange={(_event, data) => setName(data.value)} />
              </Field>
              <Field label={t('meetings.locations.address')} {...validation(errors['body.address'])}>
                <Input value={address} onChange={(_event, data) => setAddress(data.value)} />
              </Field>
              <Field label={t('meetings.locations.kind')}>
                <Select value={kind} onChange={(_event, data) => setKind(data.value as LocationKind)}>
                  {KINDS.map((value) => (
                    <option key={value} value={value}>
                      {t(locationKindMessage[value])}
                    </option>
                  ))}
                </Select>
              </Field>
              {failure !== null && Object.keys(errors).length === 0 && (
                <ErrorState title={t('meetings.locations.saveFailed')} error={failure} />
              )}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabledFocusable={busy}>
                {location ? t('meetings.save') : t('meetings.locations.add')}
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button disabledFocusable={busy}>{t('common.cancel')}</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

/** "Locaties": the neutral places the meetings rotate through; planners add, change and (de)activate them. */
export function LocationsSection(props: {
  api: ApiClient;
  networkId: string;
  locations: MeetingLocation[];
  canPlan: boolean;
  feedback: Feedback;
  onChanged: () => Promise<void>;
}) {
  const { api, networkId, locations, canPlan, feedback, onChanged } = props;
  const t = useT();
  const styles = useStyles();
  const [busyId, setBusyId] = useState<string | null>(null);

  const saved = async (location: MeetingLocation, text: MessageId) => {
    await onChanged().catch(() => undefined);
    feedback.succeed(t(text, { name: location.name }));
  };
  const setActive = async (location: MeetingLocation, active: boolean) => {
    setBusyId(location.id);
    try {
      await updateMeetingLocation(api, networkId, location.id, { active, version: location.version });
      await saved(location, active ? 'meetings.locations.activated' : 'meetings.locations.deactivated');
    } catch (error) {
      feedback.fail(t('meetings.locations.saveFailed'), error);
    } finally {
      setBusyId(null);
    }
  };

  return (
    <Section
      title={t('meetings.locations.title')}
      actions={
        canPlan ? (
          <LocationDialog
            api={api}
            networkId={networkId}
            location={null}
            trigger={<Button>{t('meetings.locations.add')}</Button>}
            onSaved={(location) => saved(location, 'meetings.locations.added')}
          />
        ) : undefined
      }
    >
      {locations.length === 0 ? (
        <Body1>{t('meetings.locations.none')}</Body1>
      ) : (
        <Table aria-label={t('meetings.locations.title')} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('meetings.locations.name')}</TableHeaderCell>
              <TableHeaderCell>{t('meetings.locations.address')}</TableHeaderCell>
              <TableHeaderCell>{t('meetings.locations.kind')}</TableHeaderCell>
              <TableHeaderCell>{t('meetings.locations.status')}</TableHeaderCell>
              {canPlan && <TableHeaderCell>{t('meetings.locations.actions')}</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {locations.map((location) => (
              <TableRow key={location.id} className={location.active ? undefined : styles.inactive}>
                <TableCell>{location.name}</TableCell>
                <TableCell>{location.address ?? '—'}</TableCell>
                <TableCell>{t(locationKindMessage[location.kind])}</TableCell>
                <TableCell>
                  <Badge appearance="tint" color={location.active ? 'success' : 'subtle'}>
                    {t(location.active ? 'meetings.locations.active' : 'meetings.locations.inactive')}
                  </Badge>
                </TableCell>
                {canPlan && (
                  <TableCell>
                    <div className={styles.actions}>
                      <LocationDialog
                        api={api}
                        networkId={networkId}
                        location={location}
                        trigger={
                          <Button
                            size="small"
                            aria-label={t('meetings.locations.editLabel', { name: location.name })}
                          >
                            {t('meetings.edit')}
                          </Button>
                        }
                        onSaved={(changed) => saved(changed, 'meetings.locations.changed')}
                      />
                      <Button
                        size="small"
                        disabledFocusable={busyId === location.id}
                        aria-label={t(
                          location.active
                            ? 'meetings.locations.deactivateLabel'
                            : 'meetings.locations.activateLabel',
                          { name: location.name },
                        )}
                        onClick={() => setActive(location, !location.active)}
                      >
                        {t(location.active ? 'meetings.locations.deactivate' : 'meetings.locations.activate')}
                      </Button>
                    </div>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}
