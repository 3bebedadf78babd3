import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../../tab/api/client.js';
import { saveFile } from '../../../tab/api/save-file.js';
import { localeFromTag } from '../../../tab/i18n/locale.js';
import { useT } from '../../../tab/i18n/use-t.js';

/**
 * A privacy PDF (inzage, register) in the tab's language, as the call-out timeline's download works: a plain
 * link with the session cookie (local run), through fetch and a Blob with a Teams bearer token. `path` is
 * below /api/v1 without the language; the server audits the download.
 */
export function PdfDownload(props: { api: ApiClient; path: string; fileName: string; label: string }) {
  const { api, path, fileName, label } = props;
  const t = useT();
  const intl = useIntl();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const withLanguage = `${path}?lang=${localeFromTag(intl.locale)}`;
  if (api.signedWith === 'cookie') {
    return (
      <Button as="a" href={api.url(withLanguage)} download={fileName}>
        {label}
      </Button>
    );
  }
  const download = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const file = await api.download(withLanguage, fileName);
      saveFile(file.blob, fileName);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button disabledFocusable={busy} onClick={download}>
        {label}
      </Button>
      {failed && (
        <MessageBar intent="error">
          <MessageBarBody>{t('privacy.pdf.failed')}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
