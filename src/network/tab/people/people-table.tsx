import {
  Badge,
  Caption1,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useT } from '../../../tab/i18n/use-t.js';
import { personHref } from '../../../tab/routing/network-paths.js';
import { RouterLink } from '../../../tab/routing/router-link.js';
import type { NetworkDetail, PersonSearchHit, PersonSummary } from '../api/network-endpoints.js';

type FormerPerson = NetworkDetail['formerAllies'][number];

import { CommunityTags } from './community-tags.js';
import { farewellReasonMessage } from './farewell-dialog.js';
import { EndDate } from './farewell-facts.js';
import { kindMessage } from './person-labels.js';

const useStyles = makeStyles({
  // A narrow Teams panel scrolls the table sideways instead of squeezing it.
  scroller: { overflowX: 'auto' },
  table: { minWidth: '640px' },
  caption: {
    textAlign: 'start',
    paddingBottom: tokens.spacingVerticalS,
    color: tokens.colorNeutralForeground2,
  },
  cell: { verticalAlign: 'top', paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  name: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  nameColumn: { width: '34%' },
  wijkColumn: { width: '18%' },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** People as a table: name (to their page) with "Professional", wijk, communities; search adds kind and networks. */
export function PeopleTable(props: {
  people: (PersonSummary | PersonSearchHit | FormerPerson)[];
  caption: string;
  withNetworks?: boolean;
  /** Former allies and key figures: their kind and when and why they left (farewell/). */
  withFarewell?: boolean;
}) {
  const { people, caption, withNetworks = false, withFarewell = false } = props;
  const t = useT();
  const styles = useStyles();
  const search = window.location.search;
  return (
    <div className={styles.scroller}>
      <Table className={styles.table} size="small">
        <caption className={styles.caption}>{caption}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.nameColumn}>{t('people.table.name')}</TableHeaderCell>
            <TableHeaderCell className={styles.wijkColumn}>{t('people.table.wijk')}</TableHeaderCell>
            <TableHeaderCell>{t('people.table.communities')}</TableHeaderCell>
            {withNetworks && <TableHeaderCell>{t('people.table.networks')}</TableHeaderCell>}
            {withFarewell && <TableHeaderCell>{t('farewell.column')}</TableHeaderCell>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {people.map((person) => (
            <TableRow key={person.id}>
              <TableCell className={styles.cell}>
                <span className={styles.name}>
                  <RouterLink href={personHref(person.id, search)}>{person.displayName}</RouterLink>
                  {(withNetworks || withFarewell) && (
                    <Badge
                      appearance="tint"
                      shape="rounded"
                      color={person.kind === 'ally' ? 'brand' : 'informative'}
                    >
                      {t(kindMessage[person.kind])}
                    </Badge>
                  )}
                  {person.isProfessional && (
                    <Badge appearance="tint" shape="rounded" color="warning">
                      {t('people.professional')}
                    </Badge>
                  )}
                </span>
              </TableCell>
              <TableCell className={styles.cell}>
                {person.neighbourhood?.name ?? (
                  <Caption1 className={styles.muted}>{t('people.noWijk')}</Caption1>
                )}
              </TableCell>
              <TableCell className={styles.cell}>
                <CommunityTags communities={person.communities} />
              </TableCell>
              {withFarewell && (
                <TableCell className={styles.cell}>
                  {'farewell' in person && person.farewell ? (
                    <>
                      <EndDate date={person.farewell.endedOn} />
                      {' · '}
                      {person.farewell.backfilled
                        ? t('farewell.unknownReason')
                        : t(farewellReasonMessage[person.farewell.reason])}
                    </>
                  ) : (
                    <Caption1 className={styles.muted}>{t('farewell.unknownReason')}</Caption1>
                  )}
                </TableCell>
              )}
              {withNetworks && (
                <TableCell className={styles.cell}>
                  {'networks' in person ? person.networks.map((network) => network.name).join(', ') : null}
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
