import { makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../../../tab/i18n/use-t.js';
import {
  type NetworkSubPage,
  networkSubPageHref,
  networkSubPages,
} from '../../../tab/routing/network-paths.js';
import { RouterLink } from '../../../tab/routing/router-link.js';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  link: {
    display: 'inline-block',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    fontWeight: tokens.fontWeightSemibold,
    ':hover': { textDecorationLine: 'none', backgroundColor: tokens.colorNeutralBackground1Hover },
  },
});

const labels = {
  dekking: 'networkPage.sub.dekking',
  afspiegeling: 'networkPage.sub.afspiegeling',
  graaf: 'networkPage.sub.graaf',
  import: 'networkPage.sub.import',
  crisiskaart: 'networkPage.sub.crisiskaart',
  selectie: 'networkPage.sub.selectie',
  evaluatie: 'networkPage.sub.evaluatie',
  afwezigheid: 'networkPage.sub.afwezigheid',
  introductie: 'networkPage.sub.introductie',
} as const satisfies Record<NetworkSubPage, string>;

type NetworkRole = 'coordinator' | 'member' | 'secretary' | 'viewer';

/** Pages only some roles may open (the API refuses the others); the rest are for everyone who sees the network. */
const onlyFor: Partial<Record<NetworkSubPage, readonly NetworkRole[]>> = {
  // Candidates' judgements are for the coordinators and members who take part in selection (`selectAllies`).
  selectie: ['coordinator', 'member'],
};

/** Links to the network's other pages: coverage, representativeness, graph, import, crisis sheet, selection, evaluation, absence, introduction. */
export function NetworkSubPages({ networkId, myRole }: { networkId: string; myRole: NetworkRole | null }) {
  const t = useT();
  const styles = useStyles();
  const search = window.location.search;
  return (
    <nav aria-label={t('networkPage.subPages')}>
      <ul className={styles.list}>
        {networkSubPages
          .filter((page) => {
            const roles = onlyFor[page];
            return roles === undefined || (myRole !== null && roles.includes(myRole));
          })
          .map((page) => (
            <li key={page}>
              <RouterLink href={networkSubPageHref(networkId, page, search)} className={styles.link}>
                {t(labels[page])}
              </RouterLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}
