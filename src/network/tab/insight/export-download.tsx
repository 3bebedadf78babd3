import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { saveFile } from '../../../tab/api/save-file.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { downloadExport, exportPath } from '../api/insight-endpoints.js';

/**
 * "Exporteren (CSV)" of everyone in the network. With the session cookie (local run) a plain link the browser
 * downloads itself; with a Teams bearer token only fetch can sign the call, so the file goes through a Blob.
 */
export function ExportDownload(props: {
  api: ApiClient;
  networkId: string;
  onFailure: (title: string, error: unknown) => void;
}) {
  const { api, networkId, onFailure } = props;
  const t = useT();
  const [busy, setBusy] = useState(false);
  if (api.signedWith === 'cookie') {
    return (
      <Button as="a" href={api.url(exportPath(networkId))} download>
        {t('import.export.download')}
      </Button>
    );
  }
  const download = async () => {
    setBusy(true);
    try {
      const file = await downloadExport(api, networkId);
      saveFile(file.blob, file.fileName);
    } catch (error) {
      onFailure(t('import.export.failed'), error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button disabledFocusable={busy} onClick={download}>
      {t('import.export.download')}
    </Button>
  );
}
