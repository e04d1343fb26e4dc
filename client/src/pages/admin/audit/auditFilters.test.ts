import { describe, expect, it } from '@jest/globals';
import type { AdminAuditEntryDto } from '../../../api/admin';
import { ApiError } from '../../../api/errors';
import {
  checkFilters,
  draftFrom,
  emptyDraft,
  filtersFrom,
  narrowedDraft,
  nextAuditCursor,
  paramsWithFilters,
  serverFilterErrors,
} from './auditFilters';
import { actionOptions, detailRows, detailText, targetHref } from './auditPresentation';

const id = 'a'.repeat(24);

function entry(patch: Partial<AdminAuditEntryDto> = {}): AdminAuditEntryDto {
  return {
    id: 'e1',
    action: 'user.suspended',
    actor: { id, name: 'Admin' },
    organization: null,
    at: '2026-01-05T08:00:00.000Z',
    ip: null,
    version: null,
    details: {},
    targetType: 'user',
    targetId: 'b'.repeat(24),
    dealId: null,
    ...patch,
  };
}

describe('audit filters in the URL', () => {
  it('reads the filters, ignoring blanks and other parameters', () => {
    const params = new URLSearchParams(`tab=audit&action=user.suspended&actor=%20${id}%20&target=&from=2026-01-01`);
    expect(filtersFrom(params)).toEqual({ action: 'user.suspended', actor: id, from: '2026-01-01' });
  });

  it('writes the filters in force and keeps the tab', () => {
    const prev = new URLSearchParams('tab=audit&target=old&to=2026-02-01');
    const next = paramsWithFilters(prev, { action: 'user.suspended' });
    expect(Object.fromEntries(next)).toEqual({ tab: 'audit', action: 'user.suspended' });
    expect(prev.get('target')).toBe('old');
  });

  it('narrows the filters in force to one actor or target', () => {
    expect(narrowedDraft({ action: 'x', actor: id }, 'target', 'c'.repeat(24))).toEqual({
      ...emptyDraft,
      action: 'x',
      actor: id,
      target: 'c'.repeat(24),
    });
    expect(draftFrom({})).toEqual(emptyDraft);
  });
});

describe('checkFilters', () => {
  it('accepts valid filters, trimmed, blanks left out', () => {
    expect(checkFilters({ ...emptyDraft, action: ' deal.opened ', actor: id, from: '2026-01-01' })).toEqual({
      ok: true,
      filters: { action: 'deal.opened', actor: id, from: '2026-01-01' },
    });
  });

  it('rejects a malformed id with the schema’s message key, by field name', () => {
    expect(checkFilters({ ...emptyDraft, actor: 'nope', target: id })).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { 'audit-actor': 'object_id' },
    });
  });

  it('rejects a reversed period on the "to" field', () => {
    expect(checkFilters({ ...emptyDraft, from: '2026-03-01', to: '2026-02-01' })).toEqual({
      ok: false,
      reason: 'range',
      field: 'audit-to',
    });
    expect(checkFilters({ ...emptyDraft, from: '2026-02-01', to: '2026-02-01' }).ok).toBe(true);
  });
});

describe('server errors and paging', () => {
  it('puts the server’s messages for filter fields next to those fields', () => {
    const error = new ApiError({
      status: 400,
      code: 'validation',
      message: 'bad',
      fields: { actor: 'Mã không hợp lệ', before: 'x' },
    });
    expect(serverFilterErrors(error)).toEqual({ 'audit-actor': 'Mã không hợp lệ' });
    expect(serverFilterErrors(new ApiError({ status: 500, code: 'x', message: 'x' }))).toBeNull();
    expect(serverFilterErrors(new Error('x'))).toBeNull();
  });

  it('asks for the entries before the last one shown, and stops after a short page', () => {
    const page = (n: number) => ({
      data: Array.from({ length: n }, (_, i) => entry({ id: `e${i}`, at: `2026-01-0${(i % 9) + 1}T00:00:00Z` })),
    });
    expect(nextAuditCursor(page(3), 3)).toEqual({ at: '2026-01-03T00:00:00Z', id: 'e2' });
    expect(nextAuditCursor(page(2), 3)).toBeUndefined();
    expect(nextAuditCursor(page(0), 3)).toBeUndefined();
  });
});

describe('presentation', () => {
  it('links the targets that have a public page', () => {
    expect(targetHref('offer', 'x')).toBe('/offers/x');
    expect(targetHref('demand', 'x')).toBe('/demands/x');
    expect(targetHref('organization', 'x')).toBe('/organizations/x');
    expect(targetHref('user', 'x')).toBeNull();
  });

  it('writes detail values on one line', () => {
    expect(detailText(null)).toBe('–');
    expect(detailText(undefined)).toBe('–');
    expect(detailText(false)).toBe('false');
    expect(detailText(3)).toBe('3');
    expect(detailText({ from: 'a', to: ['b'] })).toBe('{"from":"a","to":["b"]}');
  });

  it('lists the details with their labels, then the IP and NDA version', () => {
    const rows = detailRows(entry({ details: { reason: 'Spam', odd: 1 }, ip: '10.0.0.1', version: 'v2' }), {
      reason: 'Lý do',
      ip: 'IP',
      version: 'Phiên bản',
    });
    expect(rows.map((r) => [r.label, r.value, r.breakable])).toEqual([
      ['Lý do', 'Spam', true],
      ['odd', '1', true],
      ['IP', '10.0.0.1', false],
      ['Phiên bản', 'v2', false],
    ]);
    expect(detailRows(entry(), {})).toEqual([]);
  });

  it('sorts the action options by label after "all", and keeps an unknown chosen action', () => {
    const known = { 'b.x': 'Bé', 'a.y': 'Ánh', 'c.z': 'Cá' };
    expect(actionOptions(known, '', 'Tất cả', 'vi').map((o) => o.label)).toEqual(['Tất cả', 'Ánh', 'Bé', 'Cá']);
    expect(actionOptions(known, 'zzz', 'Tất cả', 'vi').at(-1)).toEqual({ value: 'zzz', label: 'zzz' });
    expect(actionOptions(known, 'a.y', 'Tất cả', 'vi')).toHaveLength(4);
  });
});
