import { Body1, Field, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import { useT } from '../../../tab/i18n/use-t.js';
import { growthStage, START_SIZE } from '../../constants.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, maxWidth: '480px' },
  hint: { color: tokens.colorNeutralForeground2 },
});

/**
 * Where the network stands in its growth (issue 16): a new network starts with 4–5 allies and grows towards the
 * municipality's soft limit; above it the network is over its intended size (the hard limit still refuses).
 */
export function GrowthIndicator(props: { allies: number; limits: { soft: number; hard: number } }) {
  const { allies, limits } = props;
  const t = useT();
  const styles = useStyles();
  const stage = growthStage(allies, limits.soft);
  return (
    <div className={styles.root}>
      <Field
        label={t('networkPage.growth.label', { allies, soft: limits.soft })}
        validationState={stage === 'over_soft_limit' ? 'warning' : 'none'}
        validationMessage={t('networkPage.growth.stage', { stage })}
      >
        <ProgressBar value={Math.min(allies, limits.soft)} max={limits.soft} thickness="large" />
      </Field>
      <Body1 className={styles.hint}>
        {t('networkPage.growth.hint', {
          min: START_SIZE.min,
          max: START_SIZE.max,
          soft: limits.soft,
          hard: limits.hard,
        })}
      </Body1>
    </div>
  );
}
