import {
  Body1,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { type ChangeEvent, useRef, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { useFeedback } from '../../../tab/components/feedback.js';
import { isWorkbook, readBase64File, readTextFile } from '../../../tab/components/read-text-file.js';
import { type Translate, useT } from '../../../tab/i18n/use-t.js';
import {
  type ImportPreview,
  type ImportResult,
  type ImportSource,
  importPeople,
  type NetworkWarning,
  previewImport,
} from '../api/insight-endpoints.js';
import { ExportDownload } from './export-download.js';
import { ImportPreviewTable } from './import-preview-table.js';
import { InsightHeader } from './insight-header.js';
import { useNetwork } from './use-network.js';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    marginTop: tokens.spacingVerticalXXL,
  },
  heading: { margin: 0 },
  file: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  textarea: { fontFamily: tokens.fontFamilyMonospace },
  buttons: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** A network warning (e.g. above the soft limit) in the reader's words. */
function warningText(warning: NetworkWarning, t: Translate): string {
  if (warning.code === 'over-soft-limit' || warning.code === 'over-hard-limit') {
    return t(`warning.${warning.code}`, { limit: warning.limit ?? 0 });
  }
  return t('warning.other', { code: warning.code });
}

function Warnings({ warnings }: { warnings: readonly NetworkWarning[] }) {
  const t = useT();
  if (warnings.length === 0) return null;
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        {warnings.map((warning) => (
          <div key={warning.code}>{warningText(warning, t)}</div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}

/** Importeren: check a CSV file (preview with errors per line and column), import it all or nothing; and export. */
export function ImportPage({ api, networkId }: { api: ApiClient; networkId: string }) {
  const t = useT();
  const styles = useStyles();
  const network = useNetwork(api, networkId);
  const feedback = useFeedback();
  const fileInput = useRef<HTMLInputElement>(null);
  const [csv, setCsv] = useState('');
  // A picked Excel workbook replaces the text until the text is edited again.
  const [workbook, setWorkbook] = useState<string | null>(null);
  const [fileNote, setFileNote] = useState<string | null>(null);
  // The preview belongs to the file it was made for: any change to the file asks for a new preview.
  const [preview, setPreview] = useState<{ source: string; value: ImportPreview } | null>(null);
  const [failure, setFailure] = useState<{ title: string; error: unknown } | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const sourceKey = workbook === null ? `csv:${csv}` : `xlsx:${workbook}`;
  const source: ImportSource = workbook === null ? { csv } : { xlsx: workbook };
  const hasFile = workbook !== null || csv.trim() !== '';
  const current = preview && preview.source === sourceKey ? preview.value : null;
  const canImport = current !== null && current.invalid === 0 && current.rows.length > 0 && !busy;

  const changeText = (text: string) => {
    setCsv(text);
    setWorkbook(null);
    setResult(null);
  };
  const pickFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared, so that choosing the same file again (after fixing it on disk) reads it again.
    event.target.value = '';
    if (!file) return;
    try {
      if (isWorkbook(file)) {
        const base64 = await readBase64File(file);
        changeText('');
        setWorkbook(base64);
        setFileNote(t('import.workbookRead', { name: file.name }));
      } else {
        const text = await readTextFile(file);
        changeText(text);
        setFileNote(
          t('import.fileRead', { name: file.name, lines: text.split(/\r?\n/).filter(Boolean).length }),
        );
      }
      setFailure(null);
    } catch (error) {
      setFailure({ title: t('import.fileFailed'), error });
    }
  };
  const run = async (step: 'preview' | 'import') => {
    setBusy(true);
    setFailure(null);
    try {
      if (step === 'preview') {
        setPreview({ source: sourceKey, value: await previewImport(api, networkId, source) });
        setResult(null);
      } else {
        const imported = await importPeople(api, networkId, source);
        setResult(imported);
        setPreview(null);
        // Stored: the file is done with, so that importing it twice is not one click away.
        setCsv('');
        setWorkbook(null);
        setFileNote(null);
      }
    } catch (error) {
      setFailure({ title: t(step === 'preview' ? 'import.previewFailed' : 'import.importFailed'), error });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <InsightHeader
        networkId={networkId}
        networkName={network.name}
        title="import.title"
        intro={t('import.intro')}
      />
      <section className={styles.section} aria-labelledby="import-heading">
        <Text as="h2" size={500} weight="semibold" id="import-heading" className={styles.heading}>
          {t('import.import')}
        </Text>
        <div className={styles.file}>
          {/* The browser's own file button speaks the browser's language, not the tab's: a Fluent button opens it. */}
          <input
            ref={fileInput}
            type="file"
            accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            hidden
            data-testid="import-file"
            onChange={pickFile}
          />
          <div>
            <Button onClick={() => fileInput.current?.click()}>{t('import.file')}</Button>
          </div>
          {fileNote && <Body1 className={styles.muted}>{fileNote}</Body1>}
        </div>
        <Field label={t('import.paste')}>
          <Textarea
            className={styles.textarea}
            resize="vertical"
            rows={8}
            value={csv}
            onChange={(_event, data) => changeText(data.value)}
          />
        </Field>
        <div className={styles.buttons}>
          <Button disabledFocusable={busy || !hasFile} onClick={() => run('preview')}>
            {t('import.preview')}
          </Button>
          <Button appearance="primary" disabledFocusable={!canImport} onClick={() => run('import')}>
            {t('import.import')}
          </Button>
          {!canImport && hasFile && <Body1 className={styles.muted}>{t('import.importHelp')}</Body1>}
        </div>
        <div aria-live="polite">
          {failure && <ErrorState title={failure.title} error={failure.error} />}
          {result && (
            <MessageBar intent="success">
              <MessageBarBody>
                <MessageBarTitle>{t('import.imported', { count: result.imported })}</MessageBarTitle>
              </MessageBarBody>
            </MessageBar>
          )}
          {current && (
            <MessageBar intent={current.invalid > 0 ? 'error' : 'success'}>
              <MessageBarBody>
                {t('import.summary', {
                  rows: current.rows.length,
                  valid: current.valid,
                  invalid: current.invalid,
                })}
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
        {result && <Warnings warnings={result.warnings} />}
        {current && (
          <>
            {current.columns.unknown.length > 0 && (
              <Body1 className={styles.muted}>
                {t('import.unknownColumns', { columns: current.columns.unknown.join(', ') })}
              </Body1>
            )}
            <Warnings warnings={current.warnings} />
            <ImportPreviewTable preview={current} />
          </>
        )}
      </section>
      <section className={styles.section} aria-labelledby="export-heading">
        <Text as="h2" size={500} weight="semibold" id="export-heading" className={styles.heading}>
          {t('import.export.title')}
        </Text>
        <Body1 className={styles.muted}>{t('import.export.intro')}</Body1>
        <div className={styles.buttons}>
          <ExportDownload api={api} networkId={networkId} onFailure={feedback.fail} />
        </div>
      </section>
      {feedback.toaster}
    </>
  );
}
