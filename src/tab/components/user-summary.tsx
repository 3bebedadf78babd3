import { Avatar, Badge, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Me } from '../api/endpoints.js';
import { useT } from '../i18n/use-t.js';
import { roleMessage } from './labels.js';
import { organisationName } from './organisation-names.js';

/** Teams mobile: only the name fits beside the tools; organisation and roles are on the overview. */
const NARROW = '@media (max-width: 600px)';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  avatar: { [NARROW]: { display: 'none' } },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  details: { [NARROW]: { display: 'none' } },
  nameText: { [NARROW]: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } },
  name: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  roles: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    marginTop: tokens.spacingVerticalXXS,
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

/**
 * The signed-in user in the header: name (and "Beheerder" for administrators), organisation (by its configured
 * name), job title and roles.
 */
export function UserSummary({ me }: { me: Me }) {
  const t = useT();
  const styles = useStyles();
  const { user, roles } = me;
  const organisation = organisationName(t, me.organisations, user);
  return (
    <div className={styles.root}>
      <Avatar className={styles.avatar} name={user.displayName} color="colorful" size={36} aria-hidden />
      <div className={styles.text}>
        <span className={styles.name}>
          <Text weight="semibold" className={styles.nameText}>
            {user.displayName}
          </Text>
          {me.isAdministrator && (
            <Badge appearance="filled" color="brand" shape="rounded" size="small">
              {t('header.administrator')}
            </Badge>
          )}
        </span>
        <div className={styles.details}>
          <Caption1 className={styles.muted}>
            {user.jobTitle ? `${organisation} · ${user.jobTitle}` : organisation}
          </Caption1>
          {roles.length > 0 ? (
            <ul className={styles.roles} aria-label={t('header.rolesLabel')}>
              {roles.map((role) => (
                <li key={role.networkId}>
                  <Badge appearance="tint" color="brand" shape="rounded">
                    {t('role.inNetwork', { role: t(roleMessage[role.role]), network: role.networkName })}
                  </Badge>
                </li>
              ))}
            </ul>
          ) : (
            // Its own line, as the roles' list is: inline it ran into the job title ("…BondgenotenGeen rol…").
            <Caption1 block className={styles.muted}>
              {t('header.noRoles')}
            </Caption1>
          )}
        </div>
      </div>
    </div>
  );
}
