// The bench's blank tab: the least a Fluent v9 Teams tab loads and renders (FluentProvider with the Teams
// theme, teams-js imported, one heading, one card). bench/lib/blank-tab.ts builds it with the project's own
// Vite configuration into a directory of its own; it is never part of the production bundle.
import { Card, FluentProvider, Text, teamsLightTheme } from '@fluentui/react-components';
import { app } from '@microsoft/teams-js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function BlankTab() {
  return (
    <FluentProvider theme={teamsLightTheme}>
      <main>
        {/* bench/lib/blank-tab.ts waits for this heading. */}
        <h1>Leeg tabblad</h1>
        <Card>
          <Text>{app.isInitialized() ? 'In Teams' : 'Buiten Teams'}</Text>
        </Card>
      </main>
    </FluentProvider>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <BlankTab />
  </StrictMode>,
);
