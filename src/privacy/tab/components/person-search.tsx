import { Body1, Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { validation } from '../../../tab/components/form-ui.js';
import { useT } from '../../../tab/i18n/use-t.js';
import type { PrivacyPersonHit } from '../api/privacy-endpoints.js';
import { personKindLabel } from './privacy-labels.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalM },
  input: { minWidth: '200px', maxWidth: '320px' },
  button: { marginTop: `calc(${tokens.lineHeightBase300} + ${tokens.spacingVerticalSNudge})` },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '800px',
  },
  hit: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  chosen: { border: `${tokens.strokeWidthThick} solid ${tokens.colorCompoundBrandStroke}` },
  who: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: '160px' },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** The search form: at least two characters, checked here first (the server checks the same). */
export function PersonSearchForm(props: { busy: boolean; onSearch: (q: string) => void }) {
  const t = useT();
  const styles = useStyles();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim().length < 2) {
      setError(t('privacy.person.searchError'));
      return;
    }
    setError(undefined);
    props.onSearch(draft.trim());
  };
  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <Field
        className={styles.input}
        label={t('privacy.person.search')}
        hint={t('privacy.person.searchHint')}
        {...validation(error)}
      >
        <Input type="search" value={draft} onChange={(_event, data) => setDraft(data.value)} />
      </Field>
      <Button type="submit" appearance="primary" className={styles.button} disabledFocusable={props.busy}>
        {t('privacy.person.searchButton')}
      </Button>
    </form>
  );
}

/** The people found, each with a button to choose them; no contact data. */
export function PersonResults(props: {
  q: string;
  hits: PrivacyPersonHit[];
  chosenId: string | null;
  onChoose: (hit: PrivacyPersonHit) => void;
}) {
  const { q, hits, chosenId, onChoose } = props;
  const t = useT();
  const styles = useStyles();
  if (hits.length === 0) return <Body1 role="status">{t('privacy.person.none', { q })}</Body1>;
  return (
    <>
      <Body1 role="status">{t('privacy.person.count', { count: hits.length })}</Body1>
      <ul className={styles.list} aria-label={t('privacy.person.resultsLabel')}>
        {hits.map((hit) => (
          <li key={hit.id} className={hit.id === chosenId ? `${styles.hit} ${styles.chosen}` : styles.hit}>
            <span className={styles.who}>
              <Text weight="semibold">{hit.displayName}</Text>
              <Text className={styles.muted}>
                {t(personKindLabel(hit.kind))} ·{' '}
                {hit.networks.length > 0
                  ? hit.networks.map((network) => network.name).join(', ')
                  : t('privacy.person.noNetwork')}
              </Text>
            </span>
            <Button
              appearance={hit.id === chosenId ? 'primary' : 'secondary'}
              aria-label={t(
                hit.id === chosenId ? 'privacy.person.chosenLabel' : 'privacy.person.chooseLabel',
                {
                  name: hit.displayName,
                },
              )}
              onClick={() => onChoose(hit)}
            >
              {t(hit.id === chosenId ? 'privacy.person.chosen' : 'privacy.person.choose')}
            </Button>
          </li>
        ))}
      </ul>
    </>
  );
}
