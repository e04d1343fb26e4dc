import type { AuditEntryDto, DealStage } from '@techbridge/shared';
import type { TFunction } from 'i18next';

const stage = (t: TFunction, s: unknown) => (typeof s === 'string' ? t(`deals.stages.${s as DealStage}`) : '');

/** What a journal entry changed, in a few words after its action ("Quan tâm → Đã liên hệ"; a reason). */
export function journalDetail(entry: AuditEntryDto, t: TFunction): string {
  const d = entry.details ?? {};
  if (d.from && d.to) return `: ${stage(t, d.from)} → ${stage(t, d.to)}`;
  if (d.to) return `: ${stage(t, d.to)}`;
  if (typeof d.reason === 'string') return `: ${d.reason}`;
  if (typeof d.organization === 'string') return `: ${d.organization}`;
  if (typeof d.name === 'string') return `: ${d.name}`;
  return '';
}
