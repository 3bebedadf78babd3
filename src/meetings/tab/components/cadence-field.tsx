import { Field, Input, makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { validation } from '../../../tab/components/form-ui.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { RECOMMENDED_CADENCE_DAYS, SIX_WEEKLY_CADENCE_DAYS } from '../../constants.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  days: { maxWidth: '140px' },
});

const OTHER = 'other';
const CHOICES = [String(RECOMMENDED_CADENCE_DAYS), String(SIX_WEEKLY_CADENCE_DAYS)];

/**
 * The time between meetings: 10 weeks (the default, about 5 a year, inside the method's 4 to 6),
 * every 6 weeks, or another number of days; the hint gives the method's reasons (seeds 002–004).
 */
export function CadenceField(props: {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const t = useT();
  const styles = useStyles();
  const [other, setOther] = useState(!CHOICES.includes(props.value));
  const choice = other ? OTHER : props.value;
  return (
    <div className={styles.root}>
      <Field label={t('meetings.settings.cadence')} hint={t('meetings.settings.cadenceHint')}>
        <RadioGroup
          value={choice}
          onChange={(_event, data) => {
            setOther(data.value === OTHER);
            if (data.value !== OTHER) props.onChange(data.value);
          }}
        >
          <Radio value={String(RECOMMENDED_CADENCE_DAYS)} label={t('meetings.settings.cadenceRecommended')} />
          <Radio value={String(SIX_WEEKLY_CADENCE_DAYS)} label={t('meetings.settings.cadenceSixWeekly')} />
          <Radio value={OTHER} label={t('meetings.settings.cadenceOther')} />
        </RadioGroup>
      </Field>
      {other && (
        <Field
          label={t('meetings.settings.cadenceDays')}
          className={styles.days}
          {...validation(props.error)}
        >
          <Input type="number" value={props.value} onChange={(_event, data) => props.onChange(data.value)} />
        </Field>
      )}
      {!other && props.error && (
        <Field {...validation(props.error)}>
          <span />
        </Field>
      )}
    </div>
  );
}
