import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { describe, expect, it } from '@jest/globals';
import { fluentTheme, themeFromQuery, themeFromTeams } from './theme.js';

describe('themeFromTeams', () => {
  it('maps Teams themes to ours, treating unknown newer ones as light', () => {
    expect(themeFromTeams('default')).toBe('light');
    expect(themeFromTeams('dark')).toBe('dark');
    expect(themeFromTeams('contrast')).toBe('contrast');
    expect(themeFromTeams('glass')).toBe('light');
    expect(themeFromTeams(undefined)).toBe('light');
  });
});

describe('themeFromQuery', () => {
  it('accepts only the three known names', () => {
    expect(themeFromQuery('?theme=dark')).toBe('dark');
    expect(themeFromQuery('?inTeams=1&theme=contrast')).toBe('contrast');
    expect(themeFromQuery('?theme=purple')).toBeNull();
    expect(themeFromQuery('')).toBeNull();
  });
});

describe('fluentTheme', () => {
  it('uses the Teams themes inside Teams and the web themes in a browser', () => {
    expect(fluentTheme('light', true)).toBe(teamsLightTheme);
    expect(fluentTheme('dark', true)).toBe(teamsDarkTheme);
    expect(fluentTheme('contrast', true)).toBe(teamsHighContrastTheme);
    expect(fluentTheme('light', false)).toBe(webLightTheme);
    expect(fluentTheme('dark', false)).toBe(webDarkTheme);
    // Fluent has no web high-contrast theme; the Teams one is the accessible choice everywhere.
    expect(fluentTheme('contrast', false)).toBe(teamsHighContrastTheme);
  });
});
