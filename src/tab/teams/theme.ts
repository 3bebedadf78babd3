import {
  type Theme,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';

/** The three looks the tab supports, named after what Teams reports. */
export type ThemeName = 'light' | 'dark' | 'contrast';

const THEME_NAMES: readonly ThemeName[] = ['light', 'dark', 'contrast'];

/** Maps Teams' theme (`default`, `dark`, `contrast`, or newer ones such as `glass`) to ours; unknown ones are light. */
export function themeFromTeams(teamsTheme: string | undefined): ThemeName {
  if (teamsTheme === 'dark') return 'dark';
  if (teamsTheme === 'contrast') return 'contrast';
  return 'light';
}

/** The `?theme=light|dark|contrast` override of a plain browser (useful for tests and demos), if any. */
export function themeFromQuery(search: string): ThemeName | null {
  const value = new URLSearchParams(search).get('theme');
  return THEME_NAMES.find((name) => name === value) ?? null;
}

/** The theme a plain browser asks for: forced colours mean high contrast, else the colour scheme. */
export function themeFromMedia(): ThemeName {
  if (window.matchMedia('(forced-colors: active)').matches) return 'contrast';
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Calls `onChange` when the browser's colour scheme or forced-colours mode changes; returns the unsubscriber. */
export function watchMediaTheme(onChange: (theme: ThemeName) => void): () => void {
  const queries = ['(forced-colors: active)', '(prefers-color-scheme: dark)'].map((q) =>
    window.matchMedia(q),
  );
  const listener = () => onChange(themeFromMedia());
  for (const query of queries) query.addEventListener('change', listener);
  return () => {
    for (const query of queries) query.removeEventListener('change', listener);
  };
}

/** The Fluent theme: the Teams variants inside Teams so the tab blends in, the web ones in a browser. */
export function fluentTheme(name: ThemeName, inTeams: boolean): Theme {
  if (name === 'contrast') return teamsHighContrastTheme;
  if (name === 'dark') return inTeams ? teamsDarkTheme : webDarkTheme;
  return inTeams ? teamsLightTheme : webLightTheme;
}
