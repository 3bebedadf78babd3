import { describe, expect, it } from '@jest/globals';
import { auditExportPath, auditQueryString } from './audit-endpoints.js';

describe('auditQueryString', () => {
  it('leaves empty filters out and encodes the rest', () => {
    expect(auditQueryString({ action: 'network-role.grant', objectId: '', result: undefined })).toBe(
      '?action=network-role.grant',
    );
    expect(auditQueryString({ from: '2026-11-22T23:00:00.000Z' })).toBe('?from=2026-11-22T23%3A00%3A00.000Z');
  });

  it('adds the paging after the filters, and is empty without either', () => {
    expect(auditQueryString({ result: 'denied' }, { beforeSeq: 41, limit: 100 })).toBe(
      '?result=denied&beforeSeq=41&limit=100',
    );
    expect(auditQueryString({})).toBe('');
  });
});

describe('auditExportPath', () => {
  it('exports with the same filters as the list, without paging', () => {
    expect(auditExportPath({ action: 'access.denied' })).toBe('/audit-events/export?action=access.denied');
    expect(auditExportPath({})).toBe('/audit-events/export');
    expect(auditExportPath({ result: 'denied' }, 'en')).toBe('/audit-events/export?result=denied&lang=en');
    expect(auditExportPath({ result: 'denied' }, 'nl')).toBe('/audit-events/export?result=denied');
  });
});
