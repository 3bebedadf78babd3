import { Field, makeStyles, SearchBox, Spinner, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ApiClient } from '../../tab/api/client.js';
import { ErrorState } from '../../tab/components/error-state.js';
import { useDebouncedValue } from '../../tab/hooks/use-debounced-value.js';
import { useT } from '../../tab/i18n/use-t.js';
import { DirectoryResults } from './directory-results.js';
import {
  type DirectoryMatch,
  type StaffTenant,
  searchDirectory,
  type UnsearchedTenant,
} from './role-endpoints.js';
import { UnsearchedTenants } from './unsearched-tenants.js';

/** The directory accepts 2 to 100 characters; shorter input is not sent. */
export const MIN_QUERY_LENGTH = 2;
const MAX_QUERY_LENGTH = 100;
const DEBOUNCE_MS = 300;

type SearchState =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'failed'; error: unknown }
  | { status: 'done'; query: string; matches: DirectoryMatch[]; unsearched: UnsearchedTenant[] };

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '720px' },
  box: { maxWidth: '420px' },
});

/**
 * Searches the directories of the municipality and the police as the user types (debounced), for colleagues to
 * add as staff; a tenant that could not be searched is named above the matches.
 */
export function DirectorySearch({
  api,
  tenants,
  onAdd,
}: {
  api: ApiClient;
  /** The app's tenants, to name organisations ("Politie Eenheid Havenstad" instead of a tenant id). */
  tenants: readonly StaffTenant[];
  onAdd: (match: DirectoryMatch) => Promise<string>;
}) {
  const t = useT();
  const styles = useStyles();
  const [text, setText] = useState('');
  const query = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const [state, setState] = useState<SearchState>({ status: 'idle' });

  useEffect(() => {
    if (query.length < MIN_QUERY_LENGTH) {
      setState({ status: 'idle' });
      return;
    }
    let current = true;
    setState({ status: 'searching' });
    searchDirectory(api, query).then(
      ({ users, unsearched }) => current && setState({ status: 'done', query, matches: users, unsearched }),
      (error: unknown) => current && setState({ status: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [api, query]);

  // A colleague just added becomes known staff; the result says so instead of offering "Toevoegen" again.
  const add = async (match: DirectoryMatch) => {
    const userId = await onAdd(match);
    setState((current) =>
      current.status === 'done'
        ? {
            ...current,
            matches: current.matches.map((m) =>
              m.objectId === match.objectId && m.tenantId === match.tenantId ? { ...m, userId } : m,
            ),
          }
        : current,
    );
  };

  return (
    <div className={styles.root}>
      <Field label={t('directory.label')} hint={t('directory.hint', { min: MIN_QUERY_LENGTH })}>
        <SearchBox
          className={styles.box}
          value={text}
          maxLength={MAX_QUERY_LENGTH}
          onChange={(_event, data) => setText(data.value)}
        />
      </Field>
      <div aria-live="polite">
        {state.status === 'searching' && (
          <Spinner size="tiny" labelPosition="after" label={t('directory.searching')} />
        )}
        {state.status === 'done' && t('directory.resultCount', { count: state.matches.length })}
      </div>
      {state.status === 'failed' && <ErrorState title={t('directory.failed')} error={state.error} />}
      {state.status === 'done' && <UnsearchedTenants unsearched={state.unsearched} tenants={tenants} />}
      {state.status === 'done' && state.matches.length > 0 && (
        <DirectoryResults matches={state.matches} tenants={tenants} onAdd={add} />
      )}
    </div>
  );
}
