import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { type ReactNode, useId } from 'react';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    marginTop: tokens.spacingVerticalXXL,
  },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  heading: { margin: 0 },
});

/** A titled part of a page: an h2 that names the section landmark, optional actions beside it, then the content. */
export function Section(props: { title: string; actions?: ReactNode; children: ReactNode }) {
  const styles = useStyles();
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <div className={styles.header}>
        <Text as="h2" size={500} weight="semibold" id={id} className={styles.heading}>
          {props.title}
        </Text>
        {props.actions}
      </div>
      {props.children}
    </section>
  );
}
