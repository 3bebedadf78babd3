import { Body1, Button, Field, makeStyles, SearchBox, Title1, tokens } from '@fluentui/react-components';
import { type FormEvent, useCallback, useState } from 'react';
import { ApiError } from '../../../tab/api/api-error.js';
import type { ApiClient } from '../../../tab/api/client.js';
import type { Me } from '../../../tab/api/endpoints.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { fieldErrorsOf } from '../../../tab/components/field-errors.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { Section } from '../../../tab/components/section.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { useDocumentTitle } from '../../../tab/hooks/use-document-title.js';
import { useT } from '../../../tab/i18n/use-t.js';
import {
  type CommunityRef,
  listNetworkCommunities,
  type PersonKind,
  type PersonQuery,
  type PersonSearchHit,
  searchPeople,
} from '../api/network-endpoints.js';
import { ChoiceDropdown } from '../people/choice-dropdown.js';
import { PeopleTable } from '../people/people-table.js';
import { categoryMessage, kindMessage, personKinds } from '../people/person-labels.js';

const useStyles = makeStyles({
  title: { margin: 0 },
  intro: { display: 'block', marginTop: tokens.spacingVerticalS, color: tokens.colorNeutralForeground2 },
  form: {
    display: 'grid',
    gridTemplateColumns: 'minmax(240px, 2fr) minmax(180px, 1fr) minmax(200px, 1fr) auto',
    alignItems: 'start',
    gap: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalXL,
    '@media (max-width: 800px)': { gridTemplateColumns: '1fr' },
  },
  // Aligns the button with the inputs under their labels.
  submit: { marginTop: '26px' },
  searchBox: { width: '100%', maxWidth: 'none' },
});

/** The communities one can filter on: those of the user's networks, once each, sorted by name. */
function useFilterCommunities(api: ApiClient, me: Me) {
  const ids = me.roles.map((role) => role.networkId).join(',');
  return useAsync(
    useCallback(async () => {
      const lists = await Promise.all(
        ids
          .split(',')
          .filter(Boolean)
          .map((id) => listNetworkCommunities(api, id)),
      );
      const byId = new Map<string, CommunityRef>();
      for (const community of lists.flat()) byId.set(community.id, community);
      return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    }, [api, ids]),
  );
}

type SearchState =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'done'; hits: PersonSearchHit[] }
  | { status: 'failed'; error: unknown };

/** "Zoeken": people in the user's own networks by name, kind and community. */
export function SearchPage({ api, me }: { api: ApiClient; me: Me }) {
  const t = useT();
  const styles = useStyles();
  useDocumentTitle(t('search.documentTitle'));
  const communities = useFilterCommunities(api, me);
  const [query, setQuery] = useState<PersonQuery>({});
  const [result, setResult] = useState<SearchState>({ status: 'idle' });
  const [hint, setHint] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = query.q?.trim() ?? '';
    if (text === '' && !query.kind && !query.communityId) {
      setHint(t('search.needFilter'));
      return;
    }
    if (text.length === 1) {
      setHint(t('search.tooShort'));
      return;
    }
    setHint(null);
    setResult({ status: 'searching' });
    try {
      setResult({ status: 'done', hits: await searchPeople(api, query) });
    } catch (error) {
      // The server's "give a search text or at least one filter" (400 on q) is the same hint as above.
      if (error instanceof ApiError && error.status === 400 && fieldErrorsOf(error, t)['query.q']) {
        setHint(text === '' ? t('search.needFilter') : t('search.tooShort'));
        setResult({ status: 'idle' });
      } else setResult({ status: 'failed', error });
    }
  };

  const communityChoices =
    communities.state.status === 'done'
      ? communities.state.value.map((community) => ({
          value: community.id,
          label: `${community.name} (${t(categoryMessage[community.category])})`,
        }))
      : [];
  return (
    <>
      <Title1 as="h1" className={styles.title}>
        {t('search.title')}
      </Title1>
      <Body1 className={styles.intro}>{t('search.intro')}</Body1>
      <form className={styles.form} onSubmit={submit} noValidate>
        <Field
          label={t('search.label')}
          hint={hint ? undefined : t('search.hint')}
          validationMessage={hint ?? undefined}
          validationState={hint ? 'warning' : 'none'}
        >
          <SearchBox
            className={styles.searchBox}
            value={query.q ?? ''}
            onChange={(_event, data) => setQuery((current) => ({ ...current, q: data.value }))}
          />
        </Field>
        <Field label={t('search.kind')}>
          <ChoiceDropdown
            choices={personKinds.map((kind) => ({ value: kind, label: t(kindMessage[kind]) }))}
            value={query.kind ?? null}
            noneLabel={t('search.anyKind')}
            onChange={(kind: PersonKind | null) =>
              setQuery(({ kind: _old, ...rest }) => (kind ? { ...rest, kind } : rest))
            }
          />
        </Field>
        <Field label={t('search.community')}>
          <ChoiceDropdown
            choices={communityChoices}
            value={query.communityId ?? null}
            noneLabel={t('search.anyCommunity')}
            disabled={communities.state.status !== 'done'}
            onChange={(communityId) =>
              setQuery(({ communityId: _old, ...rest }) => (communityId ? { ...rest, communityId } : rest))
            }
          />
        </Field>
        <Button type="submit" appearance="primary" className={styles.submit}>
          {t('search.submit')}
        </Button>
      </form>
      {result.status === 'searching' && <LoadingState />}
      {result.status === 'failed' && <ErrorState title={t('search.failed')} error={result.error} />}
      {result.status === 'done' && (
        <Section title={t('search.results')}>
          <div aria-live="polite">
            {result.hits.length === 0 ? (
              <Body1>{t('search.none')}</Body1>
            ) : (
              <PeopleTable
                people={result.hits}
                caption={t('search.caption', { count: result.hits.length })}
                withNetworks
              />
            )}
          </div>
        </Section>
      )}
    </>
  );
}
