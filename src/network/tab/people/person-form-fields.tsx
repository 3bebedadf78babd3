import {
  Field,
  Input,
  Link,
  makeStyles,
  mergeClasses,
  Switch,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { CommunityPicker } from '../../../tab/components/community-picker.js';
import { useT } from '../../../tab/i18n/use-t.js';
import type { CommunityRef } from '../api/network-endpoints.js';
import { ChoiceDropdown } from './choice-dropdown.js';
import type { PersonDraft } from './person-draft.js';
import { ageBands, channelMessage, genderMessage, kindMessage, legalBasisMessage } from './person-labels.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  section: {
    display: 'grid',
    gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
    alignItems: 'start',
    '@media (max-width: 560px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
    gap: tokens.spacingVerticalM,
  },
  heading: { margin: 0, marginTop: tokens.spacingVerticalS },
  wide: { gridColumn: '1 / -1' },
  kind: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalM },
});

/** The wijken a person can live or work in: those of the network's district. */
export interface NeighbourhoodChoice {
  id: string;
  name: string;
  /** Archived wijken are offered only where they are the person's already. */
  archived?: boolean;
}

/** What the fields need to show errors: per field, and the method's rules next to the kind. */
export interface FieldMessages {
  fields: Record<string, string | undefined>;
  rules: string[];
}

/** Every field of a person, with labels, hints and errors; the draft lives in the dialog that owns it. */
export function PersonFormFields(props: {
  draft: PersonDraft;
  onChange: (change: Partial<PersonDraft>) => void;
  communities: CommunityRef[];
  neighbourhoods: NeighbourhoodChoice[];
  messages: FieldMessages;
  /**
   * Given for an existing ally or key figure: the kind is never changed here (an ally comes through selection, a
   * former kind through the farewell), so the form offers the way to "Afscheid nemen" instead.
   */
  onFarewell?: (() => void) | undefined;
}) {
  const { draft, onChange, communities, neighbourhoods, messages, onFarewell } = props;
  const t = useT();
  const styles = useStyles();
  const error = (field: string) => {
    const message = messages.fields[field];
    return { validationMessage: message, validationState: message ? ('error' as const) : ('none' as const) };
  };
  const text = (field: keyof PersonDraft) => ({
    value: String(draft[field]),
    onChange: (_event: unknown, data: { value: string }) => onChange({ [field]: data.value }),
  });
  const kindRules = messages.rules.length > 0 ? messages.rules.join(' ') : messages.fields.kind;
  return (
    <div className={styles.form}>
      <div className={styles.section}>
        <Field label={t('personForm.displayName')} required className={styles.wide} {...error('displayName')}>
          <Input {...text('displayName')} autoComplete="off" />
        </Field>
        {/* Read-only: a new person is a key figure; ally and former kinds come through selection and farewell. */}
        <Field
          label={t('personForm.kind')}
          className={styles.wide}
          hint={
            draft.kind === 'key_figure'
              ? t('personForm.kindNewHint')
              : draft.kind === 'ally'
                ? undefined
                : t('personForm.kindFormerHint')
          }
          validationMessage={kindRules}
          validationState={kindRules ? 'error' : 'none'}
        >
          <div className={styles.kind}>
            <Text weight="semibold">{t(kindMessage[draft.kind])}</Text>
            {onFarewell && (draft.kind === 'ally' || draft.kind === 'key_figure') && (
              <Link as="button" type="button" onClick={onFarewell}>
                {t('personForm.toFarewell')}
              </Link>
            )}
          </div>
        </Field>
        <Field className={styles.wide} hint={t('personForm.isProfessionalHint')} {...error('isProfessional')}>
          <Switch
            label={t('personForm.isProfessional')}
            checked={draft.isProfessional}
            onChange={(_event, data) => onChange({ isProfessional: data.checked })}
          />
        </Field>
        <Field label={t('personForm.wijk')} {...error('neighbourhoodId')}>
          <ChoiceDropdown
            // An archived wijk is offered only where it is the person's wijk already (it stays on existing records).
            choices={neighbourhoods
              .filter((wijk) => !wijk.archived || wijk.id === draft.neighbourhoodId)
              .map((wijk) => ({ value: wijk.id, label: wijk.name }))}
            value={draft.neighbourhoodId}
            noneLabel={t('personForm.noWijk')}
            onChange={(neighbourhoodId) => onChange({ neighbourhoodId })}
          />
        </Field>
        <Field
          label={t('personForm.communities')}
          hint={t('personForm.communitiesHint')}
          {...error('communityIds')}
        >
          <CommunityPicker
            communities={communities}
            value={draft.communityIds}
            onChange={(communityIds) => onChange({ communityIds })}
          />
        </Field>
      </div>

      <div className={styles.section}>
        <Text as="h3" weight="semibold" className={mergeClasses(styles.heading, styles.wide)}>
          {t('personForm.contact')}
        </Text>
        <Field label={t('personForm.mobile')} hint={t('personForm.mobileHint')} {...error('mobile')}>
          <Input {...text('mobile')} type="tel" autoComplete="off" />
        </Field>
        <Field label={t('personForm.email')} {...error('email')}>
          <Input {...text('email')} type="email" autoComplete="off" />
        </Field>
        <Field label={t('personForm.preferredChannel')} {...error('preferredChannel')}>
          <ChoiceDropdown
            choices={Object.entries(channelMessage).map(([value, id]) => ({
              value: value as keyof typeof channelMessage,
              label: t(id),
            }))}
            value={draft.preferredChannel}
            noneLabel={t('personForm.notSet')}
            onChange={(preferredChannel) => onChange({ preferredChannel })}
          />
        </Field>
        <Field label={t('personForm.languages')} hint={t('personForm.languagesHint')} {...error('languages')}>
          <Input {...text('languages')} />
        </Field>
        <Field label={t('personForm.availability')} className={styles.wide} {...error('availability')}>
          <Input {...text('availability')} />
        </Field>
        <Field
          label={t('personForm.following')}
          hint={t('personForm.followingHint')}
          className={styles.wide}
          {...error('following')}
        >
          <Textarea {...text('following')} resize="vertical" />
        </Field>
      </div>

      <div className={styles.section}>
        <Text as="h3" weight="semibold" className={mergeClasses(styles.heading, styles.wide)}>
          {t('personForm.profile')}
        </Text>
        <Field label={t('personForm.ageBand')} {...error('ageBand')}>
          <ChoiceDropdown
            choices={ageBands.map((band) => ({ value: band, label: band }))}
            value={draft.ageBand}
            noneLabel={t('personForm.notSet')}
            onChange={(ageBand) => onChange({ ageBand })}
          />
        </Field>
        <Field label={t('personForm.gender')} {...error('gender')}>
          <ChoiceDropdown
            choices={Object.entries(genderMessage).map(([value, id]) => ({
              value: value as keyof typeof genderMessage,
              label: t(id),
            }))}
            value={draft.gender}
            noneLabel={t('personForm.notSet')}
            onChange={(gender) => onChange({ gender })}
          />
        </Field>
      </div>

      <div className={styles.section}>
        <Text as="h3" weight="semibold" className={mergeClasses(styles.heading, styles.wide)}>
          {t('personForm.privacy')}
        </Text>
        <Field label={t('personForm.legalBasis')} {...error('legalBasis')}>
          <ChoiceDropdown
            choices={Object.entries(legalBasisMessage).map(([value, id]) => ({
              value: value as keyof typeof legalBasisMessage,
              label: t(id),
            }))}
            value={draft.legalBasis}
            onChange={(legalBasis) => legalBasis && onChange({ legalBasis })}
          />
        </Field>
        <Field
          label={t('personForm.consentDate')}
          required={draft.legalBasis === 'consent'}
          {...error('consentDate')}
        >
          <Input {...text('consentDate')} type="date" />
        </Field>
      </div>
    </div>
  );
}
