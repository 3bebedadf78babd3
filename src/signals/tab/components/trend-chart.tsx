import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * A small line chart in plain SVG: one line per series over the buckets. Decorative for screen readers
 * (`aria-hidden` on the drawing): the same numbers stand in the data table beside it, and the figure's caption
 * names what is drawn. Colours come from Fluent's tokens, so the three Teams themes (and high contrast) apply;
 * each line also has its own dash pattern and a text legend, so colour is never the only difference.
 */
const useStyles = makeStyles({
  figure: { margin: 0, maxWidth: '760px' },
  svg: { width: '100%', height: 'auto', display: 'block' },
  caption: { color: tokens.colorNeutralForeground2, marginBottom: tokens.spacingVerticalS },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    listStyleType: 'none',
    padding: 0,
  },
  swatch: {
    display: 'inline-block',
    width: '24px',
    marginRight: tokens.spacingHorizontalXS,
    verticalAlign: 'middle',
  },
});

const COLOURS = [
  tokens.colorPaletteBlueForeground2,
  tokens.colorPaletteRedForeground2,
  tokens.colorPaletteGreenForeground2,
  tokens.colorPaletteDarkOrangeForeground2,
  tokens.colorPalettePurpleForeground2,
];
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2'];

export interface ChartSeries {
  label: string;
  values: number[];
}

export function TrendChart(props: {
  caption: string;
  buckets: string[];
  bucketLabel: (b: string) => string;
  series: ChartSeries[];
}) {
  const styles = useStyles();
  const width = 720;
  const height = 240;
  const pad = { left: 36, right: 12, top: 12, bottom: 28 };
  const max = Math.max(1, ...props.series.flatMap((s) => s.values));
  const n = Math.max(1, props.buckets.length - 1);
  const x = (i: number) => pad.left + ((width - pad.left - pad.right) * i) / n;
  const y = (v: number) => height - pad.bottom - ((height - pad.top - pad.bottom) * v) / max;
  const step = Math.max(1, Math.ceil(props.buckets.length / 8));
  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>{props.caption}</figcaption>
      <svg className={styles.svg} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
        <line x1={pad.left} x2={width - pad.right} y1={y(0)} y2={y(0)} stroke={tokens.colorNeutralStroke1} />
        <line x1={pad.left} x2={pad.left} y1={pad.top} y2={y(0)} stroke={tokens.colorNeutralStroke1} />
        <text
          x={pad.left - 6}
          y={y(max) + 4}
          textAnchor="end"
          fontSize="11"
          fill={tokens.colorNeutralForeground2}
        >
          {max}
        </text>
        <text x={pad.left - 6} y={y(0)} textAnchor="end" fontSize="11" fill={tokens.colorNeutralForeground2}>
          0
        </text>
        {props.buckets.map((b, i) =>
          i % step === 0 ? (
            <text
              key={b}
              x={x(i)}
              y={height - 8}
              textAnchor="middle"
              fontSize="11"
              fill={tokens.colorNeutralForeground2}
            >
              {props.bucketLabel(b)}
            </text>
          ) : null,
        )}
        {props.series.map((s, index) => (
          <polyline
            key={s.label}
            fill="none"
            stroke={COLOURS[index % COLOURS.length]}
            strokeWidth="2"
            strokeDasharray={DASHES[index % DASHES.length]}
            points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')}
          />
        ))}
      </svg>
      <ul className={styles.legend} aria-hidden="true">
        {props.series.map((s, index) => (
          <li key={s.label}>
            <svg className={styles.swatch} viewBox="0 0 24 8" aria-hidden="true" focusable="false">
              <line
                x1="0"
                x2="24"
                y1="4"
                y2="4"
                stroke={COLOURS[index % COLOURS.length]}
                strokeWidth="2"
                strokeDasharray={DASHES[index % DASHES.length]}
              />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
