import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useT } from '../../../tab/i18n/use-t.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  clock: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: 'tabular-nums',
  },
  late: { color: tokens.colorStatusDangerForeground1 },
  label: { color: tokens.colorNeutralForeground2 },
  // Read by screen readers, not shown: the clock itself changes every second, which would be noise.
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

const pad = (n: number) => String(n).padStart(2, '0');

/** `m:ss` (or `h:mm:ss`) of a number of whole seconds. */
export function clockText(seconds: number): string {
  const s = Math.abs(seconds);
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(rest)}` : `${minutes}:${pad(rest)}`;
}

/** Seconds from now until `goalAt` (negative once it has passed), rounded towards the goal. */
export const secondsUntil = (goalAt: string, now: number) => Math.ceil((Date.parse(goalAt) - now) / 1000);

/**
 * The countdown to the one-hour goal. The clock ticks every second; a polite live region says the remaining
 * minutes at most once a minute, so a screen reader is told without being interrupted every second.
 */
export function GoalCountdown({ goalAt, closed }: { goalAt: string; closed: boolean }) {
  const t = useT();
  const styles = useStyles();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (closed) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [closed]);

  const seconds = secondsUntil(goalAt, now);
  const late = seconds < 0;
  // Whole minutes only: the live text changes (and is announced) once a minute.
  const minutes = late ? Math.floor(-seconds / 60) : Math.ceil(seconds / 60);
  const announcement = late
    ? t('callOut.countdown.lateAnnouncement', { minutes })
    : t('callOut.countdown.announcement', { minutes });

  if (closed) {
    return (
      <div className={styles.root}>
        <Text className={styles.label}>{t('callOut.countdown.closed')}</Text>
      </div>
    );
  }
  return (
    <div className={styles.root}>
      <Text className={styles.label} id="goal-countdown-label">
        {late ? t('callOut.countdown.lateLabel') : t('callOut.countdown.label')}
      </Text>
      <span
        role="timer"
        aria-labelledby="goal-countdown-label"
        className={mergeClasses(styles.clock, late && styles.late)}
      >
        {late ? `+${clockText(seconds)}` : clockText(seconds)}
      </span>
      <div aria-live="polite" className={styles.hidden} data-testid="countdown-announcement">
        {announcement}
      </div>
    </div>
  );
}
