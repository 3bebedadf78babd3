import { Avatar, Button, Caption1, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import type { StaffMember } from '../api/endpoints.js';
import { useT } from '../i18n/use-t.js';
import { organisationMessage } from './labels.js';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  button: {
    width: '100%',
    justifyContent: 'flex-start',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
  },
  avatarSlot: {
    display: 'flex',
    width: '40px',
    height: '40px',
    alignItems: 'center',
    justifyContent: 'center',
    flexShrink: 0,
  },
  text: { display: 'flex', flexDirection: 'column' },
  muted: { color: tokens.colorNeutralForeground2 },
});

/**
 * The demo staff as large buttons (name, organisation, job title); choosing one signs in as that person. Local
 * sign-in only, where no tenant has a configured name (config.ts refuses AAD_TENANT_NAMES unless AUTH_MODE=entra)
 * and nobody is signed in yet to ask `/me`: "Gemeente"/"Politie" is the only name there is, so no organisationName.
 */
export function StaffList(props: {
  staff: StaffMember[];
  busyId: string | null;
  onChoose: (userId: string) => void;
}) {
  const t = useT();
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={t('signIn.listLabel')}>
      {props.staff.map((member) => {
        const organisation = t(organisationMessage(member.organisation));
        return (
          <li key={member.id}>
            <Button
              className={styles.button}
              appearance="outline"
              disabledFocusable={props.busyId !== null}
              onClick={() => props.onChoose(member.id)}
            >
              <span className={styles.avatarSlot} aria-hidden>
                {props.busyId === member.id ? (
                  <Spinner size="small" />
                ) : (
                  <Avatar name={member.displayName} color="colorful" size={40} />
                )}
              </span>
              <span className={styles.text}>
                <Text weight="semibold">{member.displayName}</Text>
                <Caption1 className={styles.muted}>
                  {member.jobTitle ? `${organisation} · ${member.jobTitle}` : organisation}
                </Caption1>
              </span>
            </Button>
          </li>
        );
      })}
    </ul>
  );
}
