import { useEffect, useState } from 'react';
import { deepLinkHref } from '../routing/deep-link.js';
import { connectToTeamsOnce, mayBeInTeams, type TeamsBridge } from './teams-bridge.js';
import { type ThemeName, themeFromMedia, themeFromQuery, themeFromTeams, watchMediaTheme } from './theme.js';

/** Where the tab runs and how it should look: the Teams host (with its bridge) or a plain browser. */
export type HostState =
  | { status: 'connecting'; theme: ThemeName }
  | { status: 'ready'; teams: TeamsBridge | null; theme: ThemeName };

function browserTheme(): ThemeName {
  return themeFromQuery(window.location.search) ?? themeFromMedia();
}

/** Detects the host once, then follows its theme: Teams' theme events, or the browser's colour scheme. */
export function useHost(): HostState {
  const [state, setState] = useState<HostState>(() =>
    mayBeInTeams()
      ? { status: 'connecting', theme: browserTheme() }
      : { status: 'ready', teams: null, theme: browserTheme() },
  );

  useEffect(() => {
    if (state.status !== 'connecting') return;
    let cancelled = false;
    void connectToTeamsOnce().then((teams) => {
      if (cancelled) return;
      // A deep link (the call-out e-mail's answer link) opens the tab at its start page: go to the page it names.
      const href = deepLinkHref(teams?.subPageId, window.location.search);
      if (href) window.history.replaceState(null, '', href);
      setState({ status: 'ready', teams, theme: teams ? themeFromTeams(teams.theme) : browserTheme() });
      teams?.onThemeChange((teamsTheme) =>
        setState({ status: 'ready', teams, theme: themeFromTeams(teamsTheme) }),
      );
    });
    return () => {
      cancelled = true;
    };
  }, [state.status]);

  const inBrowser = state.status === 'ready' && state.teams === null;
  useEffect(() => {
    // An explicit ?theme= wins over the system setting, so only follow the media queries without one.
    if (!inBrowser || themeFromQuery(window.location.search)) return;
    return watchMediaTheme((theme) => setState((current) => ({ ...current, theme })));
  }, [inBrowser]);

  return state;
}
