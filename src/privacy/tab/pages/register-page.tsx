import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../../tab/api/client.js';
import { saveFile } from '../../../tab/api/save-file.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { ScrollRegion } from '../../../tab/components/scroll-region.js';
import { Section } from '../../../tab/components/section.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { RETENTION_KINDS, type RetentionKind, registerTextKey } from '../../constants.js';
import { getProcessingRegister, type ProcessingRegister } from '../api/privacy-endpoints.js';
import { PdfDownload } from '../components/pdf-download.js';
import { clockLabel, holderLabel, kindLabel } from '../components/privacy-labels.js';

const useStyles = makeStyles({
  top: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '800px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, maxWidth: '800px' },
  item: { marginBottom: tokens.spacingVerticalXS },
  count: { textAlign: 'end' },
});

/**
 * A bulleted list of the register's fixed texts in the user's language, by their stable key; a text this build
 * has no key for (a newer server) stays as the API states it, in English, marked so for screen readers.
 */
function RegisterList({ items }: { items: readonly string[] }) {
  const styles = useStyles();
  const t = useT();
  return (
    <ul className={styles.list}>
      {items.map((item) => {
        const key = registerTextKey(item);
        return (
          <li key={item} className={styles.item} {...(key ? {} : { lang: 'en' })}>
            <Body1>{key ? t(`privacy.registerText.${key}`) : item}</Body1>
          </li>
        );
      })}
    </ul>
  );
}

function RetentionTable({ register }: { register: ProcessingRegister }) {
  const t = useT();
  const styles = useStyles();
  return (
    <ScrollRegion label={t('privacy.register.retentionLabel')} wide>
      <Table aria-label={t('privacy.register.retentionLabel')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('privacy.preview.kind')}</TableHeaderCell>
            <TableHeaderCell>{t('privacy.preview.term')}</TableHeaderCell>
            <TableHeaderCell>{t('privacy.retention.clock')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {register.retention.map((rule) => (
            <TableRow key={rule.kind}>
              <TableCell>{t(kindLabel(rule.kind))}</TableCell>
              <TableCell className={styles.count}>
                {t('privacy.preview.daysValue', { days: rule.days })}
                {rule.days !== rule.defaultDays &&
                  ` (${t('privacy.register.defaultDays', { days: rule.defaultDays })})`}
              </TableCell>
              <TableCell>{t(clockLabel(rule.kind))}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}

function HoldersTable({ register }: { register: ProcessingRegister }) {
  const t = useT();
  const yesNo = (value: boolean) => t(value ? 'privacy.register.yes' : 'privacy.register.no');
  return (
    <ScrollRegion label={t('privacy.register.holdersLabel')} wide>
      <Table aria-label={t('privacy.register.holdersLabel')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('privacy.register.holder')}</TableHeaderCell>
            <TableHeaderCell>{t('privacy.register.release')}</TableHeaderCell>
            <TableHeaderCell>{t('privacy.register.erase')}</TableHeaderCell>
            <TableHeaderCell>{t('privacy.register.kinds')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {register.holders.map((holder) => (
            <TableRow key={holder.name}>
              <TableCell>{holderLabel(holder.name, t)}</TableCell>
              <TableCell>{yesNo(holder.release)}</TableCell>
              <TableCell>{yesNo(holder.erase)}</TableCell>
              <TableCell>
                {holder.retentionKinds
                  .map((kind) => (isRetentionKind(kind) ? t(kindLabel(kind)) : kind))
                  .join(', ') || '–'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}

/** A kind the tab has words for (every kind of this version; a newer server's kind keeps its code). */
const isRetentionKind = (kind: string): kind is RetentionKind =>
  (RETENTION_KINDS as readonly string[]).includes(kind);

/** The register as it was read, saved as a JSON file named by its day. */
function downloadRegister(register: ProcessingRegister): void {
  const day = register.generatedAt.slice(0, 10);
  const blob = new Blob([JSON.stringify(register, null, 2)], { type: 'application/json' });
  saveFile(blob, `verwerkingsregister-${day}.json`);
}

/** Beheer → Privacy → Verwerkingsregister: the register (AVG art. 30) readable, and as a download. */
export function RegisterPage({ api }: { api: ApiClient }) {
  const t = useT();
  const intl = useIntl();
  const styles = useStyles();
  const load = useAsync(useCallback(() => getProcessingRegister(api), [api]));
  const [downloaded, setDownloaded] = useState(false);
  const register = load.state.status === 'done' ? load.state.value : null;

  return (
    <>
      <Section title={t('privacy.register.title')}>
        <div className={styles.top}>
          <Body1>{t('privacy.register.intro')}</Body1>
        </div>
        {load.state.status === 'loading' && <LoadingState />}
        {load.state.status === 'failed' && (
          <ErrorState
            title={t('privacy.register.loadFailed')}
            error={load.state.error}
            onRetry={load.retry}
          />
        )}
        {register && (
          <>
            <Text className={styles.muted}>
              {t('privacy.register.generatedAt', {
                at: intl.formatDate(register.generatedAt, {
                  dateStyle: 'long',
                  timeStyle: 'short',
                  timeZone: 'Europe/Amsterdam',
                }),
              })}
            </Text>
            <div className={styles.actions}>
              <Button
                onClick={() => {
                  downloadRegister(register);
                  setDownloaded(true);
                }}
              >
                {t('privacy.register.download')}
              </Button>
              <PdfDownload
                api={api}
                path="/privacy/register.pdf"
                fileName={`verwerkingsregister-${register.generatedAt.slice(0, 10)}.pdf`}
                label={t('privacy.register.downloadPdf')}
              />
            </div>
            {downloaded && (
              <MessageBar intent="success">
                <MessageBarBody>{t('privacy.register.downloaded')}</MessageBarBody>
              </MessageBar>
            )}
          </>
        )}
      </Section>
      {register && (
        <>
          <Section title={t('privacy.register.purposes')}>
            <RegisterList items={register.purposes} />
          </Section>
          <Section title={t('privacy.register.people')}>
            <RegisterList items={register.categoriesOfPeople} />
          </Section>
          <Section title={t('privacy.register.data')}>
            <RegisterList items={register.categoriesOfData} />
          </Section>
          <Section title={t('privacy.register.legalBases')}>
            <RegisterList items={register.legalBases} />
          </Section>
          <Section title={t('privacy.register.retention')}>
            <RetentionTable register={register} />
          </Section>
          <Section title={t('privacy.register.holders')}>
            <HoldersTable register={register} />
          </Section>
          <Section title={t('privacy.register.recipients')}>
            <Text as="h3" weight="semibold">
              {t('privacy.register.tenants')}
            </Text>
            {register.recipients.tenants.length === 0 ? (
              <Body1 className={styles.muted}>{t('privacy.register.noTenants')}</Body1>
            ) : (
              <ul className={styles.list}>
                {register.recipients.tenants.map((tenant) => (
                  <li key={tenant}>
                    <Body1>{tenant}</Body1>
                  </li>
                ))}
              </ul>
            )}
            <Text as="h3" weight="semibold">
              {t('privacy.register.processors')}
            </Text>
            <RegisterList items={register.recipients.processors} />
          </Section>
          <Section title={t('privacy.register.security')}>
            <RegisterList items={register.securityMeasures} />
          </Section>
        </>
      )}
    </>
  );
}
