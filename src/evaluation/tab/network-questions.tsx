import { Body1, Field, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { Section } from '../../tab/components/section.js';
import { useT } from '../../tab/i18n/use-t.js';
import type { EvaluationDraft } from './evaluation-endpoints.js';

const useStyles = makeStyles({
  question: { display: 'grid', gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface NetworkNotes {
  mixNote: string;
  gapsNote: string;
  generalNote: string;
}

/**
 * One network question: its title, what the figures say (a list, or a line when there is nothing to list), and the
 * coordinators' note on it. The title names the list and the note field, so each reads as one question.
 */
function Question(props: {
  title: string;
  items: string[];
  empty?: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const styles = useStyles();
  const titleId = useId();
  return (
    <div className={styles.question}>
      <Text weight="semibold" id={titleId}>
        {props.title}
      </Text>
      {props.items.length > 0 ? (
        <ul className={styles.list} aria-labelledby={titleId}>
          {props.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      ) : (
        props.empty && <Body1>{props.empty}</Body1>
      )}
      <Field validationMessage={props.error} validationState={props.error ? 'error' : 'none'}>
        <Textarea
          aria-labelledby={titleId}
          value={props.value}
          maxLength={2000}
          onChange={(_e, data) => props.onChange(data.value)}
        />
      </Field>
    </div>
  );
}

/** The draft's questions about the network as a whole: its mix against the target profile, coverage gaps, in general. */
export function NetworkQuestions(props: {
  network: EvaluationDraft['network'];
  notes: NetworkNotes;
  errors: Record<string, string>;
  onChange: (notes: NetworkNotes) => void;
}) {
  const t = useT();
  const { network, notes, errors, onChange } = props;
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  return (
    <Section title={t('evaluation.network.title')}>
      <Question
        title={t('evaluation.network.mix')}
        items={network.mixDifferences.map((row) =>
          t('evaluation.network.mixDiff', {
            value: row.value,
            share: Math.round(row.share * 100),
            target: row.target === null ? t('evaluation.network.noTarget') : percent(row.target),
          }),
        )}
        value={notes.mixNote}
        error={errors['body.mixNote']}
        onChange={(mixNote) => onChange({ ...notes, mixNote })}
      />
      <Question
        title={t('evaluation.network.gaps')}
        items={network.coverageGaps.map((gap) => t('evaluation.network.gap', gap))}
        empty={t('evaluation.network.noGaps')}
        value={notes.gapsNote}
        error={errors['body.gapsNote']}
        onChange={(gapsNote) => onChange({ ...notes, gapsNote })}
      />
      <Question
        title={t('evaluation.network.general')}
        items={[]}
        value={notes.generalNote}
        error={errors['body.generalNote']}
        onChange={(generalNote) => onChange({ ...notes, generalNote })}
      />
    </Section>
  );
}
