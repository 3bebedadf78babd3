import {
  Body1,
  Button,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { type ChangeEvent, useRef, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { isWorkbook, readBase64File, readTextFile } from '../../../tab/components/read-text-file.js';
import { ScrollRegion } from '../../../tab/components/scroll-region.js';
import type { MessageId } from '../../../tab/i18n/messages.nl.js';
import { useT } from '../../../tab/i18n/use-t.js';
import {
  importWijken,
  type ManagedArea,
  previewWijkImport,
  type WijkImportPreview,
  type WijkImportSource,
} from '../api/setup-endpoints.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '900px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  picker: { minWidth: '240px' },
  textarea: { fontFamily: tokens.fontFamilyMonospace },
  muted: { color: tokens.colorNeutralForeground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

type Outcome =
  | { kind: 'preview'; preview: WijkImportPreview }
  | { kind: 'imported'; created: number; districts: number }
  | { kind: 'failed'; error: unknown; title: MessageId }
  | null;

/** The preview, row by row: what happens to each wijk, and every cell error. */
function PreviewTable({ preview }: { preview: WijkImportPreview }) {
  const t = useT();
  const styles = useStyles();
  return (
    <ScrollRegion label={t('setup.import.rowsLabel')}>
      <Table size="small" aria-label={t('setup.import.rowsLabel')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('setup.import.line')}</TableHeaderCell>
            <TableHeaderCell>{t('setup.import.name')}</TableHeaderCell>
            <TableHeaderCell>{t('setup.import.code')}</TableHeaderCell>
            <TableHeaderCell>{t('setup.import.district')}</TableHeaderCell>
            <TableHeaderCell>{t('setup.import.action')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {preview.rows.map((row) => (
            <TableRow key={row.line}>
              <TableCell>{row.line}</TableCell>
              <TableCell>{row.name}</TableCell>
              <TableCell>{row.cbsCode ?? ''}</TableCell>
              <TableCell>{row.district ?? ''}</TableCell>
              <TableCell>
                {row.errors.length > 0 ? (
                  <span className={styles.error}>
                    {row.errors.map((error) => `${error.column}: ${error.message}`).join('; ')}
                  </span>
                ) : (
                  t(`setup.import.action.${row.action}` as MessageId)
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}

/** Imports wijken from a CSV or Excel list (e.g. the CBS Wijk- en Buurtkaart): check first, then all or nothing. */
export function WijkImport(props: {
  api: ApiClient;
  municipalityId: string;
  districts: ManagedArea[];
  onImported: () => Promise<void>;
}) {
  const { api, municipalityId, districts, onImported } = props;
  const t = useT();
  const styles = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const [csv, setCsv] = useState('');
  const [workbook, setWorkbook] = useState<string | null>(null);
  const [districtId, setDistrictId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const active = districts.filter((district) => !district.archived);
  const source: WijkImportSource = workbook === null ? { csv, districtId } : { xlsx: workbook, districtId };

  const pickFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setOutcome(null);
    try {
      if (isWorkbook(file)) {
        setWorkbook(await readBase64File(file));
        setCsv(`(${file.name})`);
      } else {
        setWorkbook(null);
        setCsv(await readTextFile(file));
      }
    } catch (error) {
      setOutcome({ kind: 'failed', error, title: 'setup.import.readFailed' });
    }
  };
  const run = async (kind: 'preview' | 'import') => {
    setBusy(true);
    try {
      if (kind === 'preview') {
        setOutcome({ kind: 'preview', preview: await previewWijkImport(api, municipalityId, source) });
      } else {
        const result = await importWijken(api, municipalityId, source);
        setOutcome({ kind: 'imported', created: result.created, districts: result.districtsCreated });
        setCsv('');
        setWorkbook(null);
        await onImported();
      }
    } catch (error) {
      setOutcome({ kind: 'failed', error, title: 'setup.import.failed' });
    } finally {
      setBusy(false);
    }
  };
  const preview = outcome?.kind === 'preview' ? outcome.preview : null;

  return (
    <div className={styles.root}>
      <Body1>{t('setup.import.intro')}</Body1>
      <input
        ref={fileInput}
        type="file"
        accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        hidden
        data-testid="wijk-import-file"
        onChange={pickFile}
      />
      <div>
        <Button onClick={() => fileInput.current?.click()}>{t('setup.import.file')}</Button>
      </div>
      <Field label={t('setup.import.paste')}>
        <Textarea
          className={styles.textarea}
          resize="vertical"
          rows={6}
          value={csv}
          onChange={(_e, data) => {
            setWorkbook(null);
            setCsv(data.value);
            setOutcome(null);
          }}
        />
      </Field>
      <div className={styles.row}>
        <Field className={styles.picker} label={t('setup.import.defaultDistrict')}>
          <Dropdown
            value={active.find((district) => district.id === districtId)?.name ?? t('setup.import.noDefault')}
            selectedOptions={[districtId ?? '']}
            onOptionSelect={(_e, data) => {
              setDistrictId(data.optionValue ? data.optionValue : null);
              setOutcome(null);
            }}
          >
            <Option value="">{t('setup.import.noDefault')}</Option>
            {active.map((district) => (
              <Option key={district.id} value={district.id}>
                {district.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Button disabledFocusable={busy || csv.trim() === ''} onClick={() => run('preview')}>
          {t('setup.import.check')}
        </Button>
        <Button
          appearance="primary"
          disabledFocusable={busy || preview === null || preview.invalid > 0 || preview.toCreate === 0}
          onClick={() => run('import')}
        >
          {t('setup.import.run')}
        </Button>
      </div>
      <Body1 className={styles.muted}>{t('setup.import.allOrNothing')}</Body1>
      {preview && (
        <>
          <MessageBar intent={preview.invalid > 0 ? 'warning' : 'info'}>
            <MessageBarBody>
              {t('setup.import.summary', {
                toCreate: preview.toCreate,
                skipped: preview.skipped,
                invalid: preview.invalid,
                districts:
                  preview.newDistricts.length > 0
                    ? preview.newDistricts.join(', ')
                    : t('setup.import.noNewDistricts'),
              })}
            </MessageBarBody>
          </MessageBar>
          <PreviewTable preview={preview} />
        </>
      )}
      {outcome?.kind === 'imported' && (
        <MessageBar intent="success">
          <MessageBarBody>
            {t('setup.import.done', { created: outcome.created, districts: outcome.districts })}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'failed' && <ErrorState title={t(outcome.title)} error={outcome.error} />}
    </div>
  );
}
