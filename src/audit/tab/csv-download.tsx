import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '../../tab/api/client.js';
import { saveFile } from '../../tab/api/save-file.js';
import { useT } from '../../tab/i18n/use-t.js';
import { type AuditFilter, auditExportPath, downloadAuditExport } from './audit-endpoints.js';

/**
 * "Download CSV" of the trail with the applied filters. With the session cookie (local run) it is a plain link the
 * browser downloads itself; with a Teams bearer token only fetch can sign the call, so the file goes through a Blob.
 */
export function CsvDownload(props: {
  api: ApiClient;
  filter: AuditFilter;
  /** The tab's language: the file's column names and labels follow it. */
  locale: 'nl' | 'en';
  /** True while the filter is not usable (e.g. the API refused it), so there is nothing to export. */
  disabled?: boolean;
  onFailure: (title: string, error: unknown) => void;
}) {
  const { api, filter, locale, disabled = false, onFailure } = props;
  const t = useT();
  const [busy, setBusy] = useState(false);

  if (api.signedWith === 'cookie' && !disabled) {
    return (
      <Button as="a" href={api.url(auditExportPath(filter, locale))} download>
        {t('audit.download')}
      </Button>
    );
  }
  const download = async () => {
    setBusy(true);
    try {
      const file = await downloadAuditExport(api, filter, locale);
      saveFile(file.blob, file.fileName);
    } catch (error) {
      onFailure(t('audit.downloadFailed'), error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button disabledFocusable={busy || disabled} onClick={download}>
      {t('audit.download')}
    </Button>
  );
}
