// Renders Adaptive Card JSON with the official `adaptivecards` library, as Teams does. Only the card preview
// component imports this file, through a dynamic import, so the library stays out of the tab's initial bundle.
import { tokens } from '@fluentui/react-components';
import { AdaptiveCard, GlobalSettings, HostConfig } from 'adaptivecards';

/** A text colour pair: normal and `isSubtle`. */
const colour = (normal: string, subtle: string = tokens.colorNeutralForeground3) => ({
  default: normal,
  subtle,
});

/**
 * Text colours from the Fluent theme's tokens. They are CSS variables (`var(--colorNeutralForeground1)`) that
 * the FluentProvider sets from the Teams theme, so one host config follows light, dark and high contrast
 * without being rebuilt: adaptivecards passes colour strings through to the element's style unchanged.
 */
const foregroundColors = {
  default: colour(tokens.colorNeutralForeground1),
  dark: colour(tokens.colorNeutralForeground1),
  light: colour(tokens.colorNeutralForeground2),
  accent: colour(tokens.colorBrandForeground1),
  good: colour(tokens.colorPaletteGreenForeground1),
  warning: colour(tokens.colorPaletteDarkOrangeForeground1),
  attention: colour(tokens.colorPaletteRedForeground1),
};

const containerStyle = (backgroundColor: string) => ({ backgroundColor, foregroundColors });

/**
 * The host config: the Teams client's sizes and spacing (Teams' own host config, 1.5), colours from the
 * theme, headings one level under the page section's h2.
 */
export const hostConfig = new HostConfig({
  fontFamily: tokens.fontFamilyBase,
  supportsInteractivity: true,
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: tokens.colorNeutralStroke2 },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 200, default: 400, bolder: 600 },
  containerStyles: {
    default: containerStyle(tokens.colorNeutralBackground1),
    emphasis: containerStyle(tokens.colorNeutralBackground3),
    accent: containerStyle(tokens.colorBrandBackground2),
    good: containerStyle(tokens.colorPaletteGreenBackground1),
    attention: containerStyle(tokens.colorPaletteRedBackground1),
    warning: containerStyle(tokens.colorPaletteYellowBackground1),
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
    showCard: { actionMode: 'inline', inlineTopMargin: 16 },
  },
  factSet: {
    title: { weight: 'bolder', wrap: true, maxWidth: 150 },
    value: { wrap: true },
    spacing: 12,
  },
  textBlock: { headingLevel: 3 },
});

// Our cards' texts are plain (user text goes in TextRuns); without a Markdown processor adaptivecards sets
// `innerText` instead of `innerHTML`, and this stops its console warning about the missing processor.
AdaptiveCard.onProcessMarkdown = (_text, result) => {
  result.didProcess = false;
};
// A focusable card root is a tab stop that says nothing; the preview's disabled controls need none either.
GlobalSettings.setTabIndexAtCardRoot = false;

/**
 * Renders `json` into `target`, replacing what was there, with every button and input disabled: the preview
 * shows the card, it does not act (a screen reader announces them as unavailable, not as working buttons).
 * Returns the parse problems adaptivecards reported, which the tests hold at none.
 */
export function renderCardPreview(json: unknown, target: HTMLElement): string[] {
  const card = new AdaptiveCard();
  card.hostConfig = hostConfig;
  card.onExecuteAction = () => undefined;
  const problems: string[] = [];
  card.parse(json, undefined);
  for (const event of card.validateProperties().validationEvents) problems.push(event.message);
  const rendered = card.render();
  // The page announces the preview itself (focus moves to its section); a live card would read it all twice.
  rendered?.removeAttribute('aria-live');
  target.replaceChildren(...(rendered ? [rendered] : []));
  for (const control of target.querySelectorAll<HTMLElement>(
    'button, input, textarea, select, [role="button"]',
  )) {
    if ('disabled' in control) (control as HTMLButtonElement).disabled = true;
    control.setAttribute('aria-disabled', 'true');
    control.tabIndex = -1;
  }
  return problems;
}
