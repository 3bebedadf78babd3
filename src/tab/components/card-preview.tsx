import { makeStyles, Spinner, shorthands, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { CardPreview as CardPreviewAnswer } from '../../platform/card-preview-schema.js';
import type { AppLocale } from '../i18n/locale.js';
import { useLocaleControl } from '../i18n/locale-context.js';
import { useT } from '../i18n/use-t.js';
import { describeError } from './describe-error.js';

/** What a card-preview route answers (the server's schema, so the two cannot drift): the card's JSON as the bot sends it. */
export type CardPreviewReply = CardPreviewAnswer;

// Teams draws the card's buttons and fields with its own styles; adaptivecards only names them (ac-* classes).
// These give them the Teams look from the same theme tokens, so light, dark and high contrast follow.
const button = {
  minHeight: '32px',
  padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
  borderRadius: tokens.borderRadiusMedium,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  backgroundColor: tokens.colorNeutralBackground1,
  color: tokens.colorNeutralForeground1,
  fontFamily: tokens.fontFamilyBase,
  fontSize: tokens.fontSizeBase300,
  fontWeight: tokens.fontWeightSemibold,
  // Disabled on purpose (a preview): it keeps the look of the real button but says it does nothing here.
  cursor: 'not-allowed',
} as const;

const useStyles = makeStyles({
  figure: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    maxWidth: '480px',
  },
  card: {
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow4,
    overflow: 'hidden',
    // Teams wraps a row of buttons that does not fit; adaptivecards alone would cut the last one off.
    '& .ac-actionSet': { flexWrap: 'wrap', rowGap: tokens.spacingVerticalS },
    '& .ac-pushButton': button,
    '& .ac-pushButton.style-positive': {
      backgroundColor: tokens.colorBrandBackground,
      color: tokens.colorNeutralForegroundOnBrand,
      ...shorthands.borderColor(tokens.colorTransparentStroke),
    },
    '& .ac-input': {
      boxSizing: 'border-box',
      width: '100%',
      minHeight: '32px',
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      borderRadius: tokens.borderRadiusMedium,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      backgroundColor: tokens.colorNeutralBackground1,
      color: tokens.colorNeutralForeground1,
      fontFamily: tokens.fontFamilyBase,
      fontSize: tokens.fontSizeBase300,
      cursor: 'not-allowed',
    },
    '& .ac-input::placeholder': { color: tokens.colorNeutralForeground3 },
  },
  caption: {
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
});

/**
 * An Adaptive Card as recipients see it in Teams: `load` fetches the JSON the bot sends (a card-preview route) in
 * the tab's language, and the `adaptivecards` library, loaded only when a preview is first shown, renders it.
 * Its buttons and fields are disabled; `note` adds what the preview cannot show (e.g. what differs per
 * recipient). Give a stable `load` (useCallback): a new one loads the card again.
 */
export function CardPreview({
  load,
  note,
}: {
  load: (locale: AppLocale) => Promise<CardPreviewReply>;
  note?: string;
}) {
  const t = useT();
  const { locale } = useLocaleControl();
  const styles = useStyles();
  const target = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'done' | { failed: unknown }>('loading');

  useEffect(() => {
    let current = true;
    setState('loading');
    Promise.all([load(locale), import('./adaptive-card-render.js')])
      .then(([{ card }, { renderCardPreview }]) => {
        if (!current || !target.current) return;
        renderCardPreview(card, target.current);
        setState('done');
      })
      .catch((error: unknown) => {
        if (current) setState({ failed: error });
      });
    return () => {
      current = false;
    };
  }, [load, locale]);

  return (
    <figure className={styles.figure}>
      {state === 'loading' && <Spinner size="tiny" label={t('cardPreview.loading')} />}
      {typeof state === 'object' && (
        <Text role="alert">
          {t('cardPreview.failed')} {describeError(state.failed, t)}
        </Text>
      )}
      {/* adaptivecards fills this element; React renders nothing into it. */}
      <div ref={target} className={styles.card} hidden={state !== 'done'} data-card-preview="" />
      <figcaption className={styles.caption}>
        {t('cardPreview.caption')}
        {note ? ` ${note}` : ''}
      </figcaption>
    </figure>
  );
}
