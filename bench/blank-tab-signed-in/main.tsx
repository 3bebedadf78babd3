// The bench's signed-in blank tab: the blank tab (bench/blank-tab/main.tsx: FluentProvider with the Teams theme,
// teams-js imported, one heading, one card) that first reads `GET /api/v1/me` with the session cookie and shows its
// heading only with the answer, as every first page shows its h1 only with its data. It is the floor of any page
// that needs one signed-in read: index.html preloads `/me` while the HTML is parsed, sooner than the tab can ask
// its data (the tab's start-up chunk runs only once its script is there). bench/lib/blank-tab.ts builds it; it is
// never part of the production bundle.
import { Card, FluentProvider, Text, teamsLightTheme } from '@fluentui/react-components';
import { app } from '@microsoft/teams-js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/** The part of `/me`'s answer shown (src/identity/schemas.ts). */
interface Me {
  user: { displayName: string };
}

function SignedInBlankTab({ me }: { me: Me }) {
  return (
    <FluentProvider theme={teamsLightTheme}>
      <main>
        {/* bench/lib/page-timing.ts waits for this heading. */}
        <h1>Leeg tabblad, aangemeld</h1>
        <Card>
          <Text>
            {me.user.displayName} · {app.isInitialized() ? 'In Teams' : 'Buiten Teams'}
          </Text>
        </Card>
      </main>
    </FluentProvider>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
// The same request as the preload (URL, mode, credentials, no extra header), so the browser hands over its answer.
void fetch('/api/v1/me').then(async (response) => {
  if (!response.ok) throw new Error(`GET /api/v1/me answered ${response.status}`);
  const me = (await response.json()) as Me;
  createRoot(container).render(
    <StrictMode>
      <SignedInBlankTab me={me} />
    </StrictMode>,
  );
});
