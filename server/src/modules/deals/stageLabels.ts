import type { Lang } from '@techbridge/shared';

/** A deal stage's name as the server writes it (mails, digests, exports), in each language. */
export const dealStageLabels: Record<Lang, Record<string, string>> = {
  vi: {
    interest: 'Quan tâm',
    contacted: 'Đã liên hệ',
    nda: 'Bảo mật (NDA)',
    negotiation: 'Đàm phán',
    agreement: 'Thỏa thuận',
    won: 'Thành công',
    lost: 'Không thành',
  },
  en: {
    interest: 'Interest',
    contacted: 'Contacted',
    nda: 'NDA',
    negotiation: 'Negotiation',
    agreement: 'Agreement',
    won: 'Won',
    lost: 'Lost',
  },
};
