import type { DemandDto, MatchDto, MessageDto, NotificationDto, OfferDto } from '@techbridge/shared';

const organization = { id: 'org1', name: 'Viện Thủy sản', type: 'research_institute', province: 'CTO', verified: true };

/** A published offer as the API returns it. */
export function offerDto(patch: Partial<OfferDto> = {}): OfferDto {
  return {
    id: 'o1',
    type: 'offer',
    status: 'published',
    lang: 'vi',
    translation: {},
    title: 'Quy trình nuôi tôm tuần hoàn',
    summary: 'Nuôi tôm tuần hoàn RAS giảm 70% lượng nước thay, lọc sinh học.',
    description: 'Mô tả chi tiết',
    sectors: ['aquaculture'],
    keywords: ['tôm', 'RAS'],
    province: 'CTO',
    transferModes: ['license_non_exclusive'],
    trl: 7,
    ip: { type: 'patent', status: 'granted', number: '1-0012345' },
    price: { min: 1_200_000_000, max: 2_000_000_000, currency: 'VND', negotiable: true },
    applications: ['Trang trại tôm', 'Hợp tác xã'],
    confidential: { details: 'Công thức men vi sinh' },
    organization,
    authorId: 'u1',
    attachments: [],
    images: [],
    views: 12,
    rejectionReason: null,
    createdAt: '2026-01-05T08:00:00.000Z',
    updatedAt: '2026-01-06T08:00:00.000Z',
    publishedAt: '2026-01-06T08:00:00.000Z',
    ...patch,
  };
}

export function demandDto(patch: Partial<DemandDto> = {}): DemandDto {
  return {
    id: 'd1',
    type: 'demand',
    status: 'published',
    lang: 'vi',
    translation: {},
    title: 'Cần công nghệ xử lý nước thải ao tôm',
    problem: 'Trang trại cần quy trình xử lý nước thải ao nuôi đạt chuẩn xả thải.',
    requirements: 'Chi phí vận hành thấp',
    sectors: ['aquaculture'],
    keywords: [],
    province: 'CTO',
    transferModes: ['assignment'],
    trlMin: 6,
    budget: { max: 500_000_000, currency: 'VND' },
    deadline: '2026-12-31',
    organization,
    authorId: 'u2',
    attachments: [],
    images: [],
    views: 3,
    rejectionReason: null,
    createdAt: '2026-01-05T08:00:00.000Z',
    updatedAt: '2026-01-05T08:00:00.000Z',
    publishedAt: '2026-01-05T08:00:00.000Z',
    ...patch,
  };
}

export function messageDto(seq: number, patch: Partial<MessageDto> = {}): MessageDto {
  return {
    id: `m${seq}`,
    dealId: 'deal1',
    seq,
    clientId: `c${seq}`,
    body: `Tin nhắn ${seq}`,
    sender: { id: 'u1', name: 'Tâm' },
    organization: { id: 'org1', name: 'Viện Thủy sản' },
    attachment: null,
    createdAt: `2026-01-05T08:${String(seq % 60).padStart(2, '0')}:00.000Z`,
    ...patch,
  };
}

export function notificationDto(patch: Partial<NotificationDto> = {}): NotificationDto {
  return {
    id: 'n1',
    type: 'match.new',
    data: {},
    read: false,
    createdAt: '2026-01-05T08:00:00.000Z',
    ...patch,
  };
}

/** A match seen from the demand's side (organisation "org2"), with the reasons the scorer gives. */
export function matchDto(patch: Partial<MatchDto> = {}): MatchDto {
  return {
    id: 'm1',
    score: 78,
    reasons: [
      { kind: 'terms', terms: ['nuôi tôm', 'tuần hoàn'], english: ['shrimp farming', null], weight: 38 },
      { kind: 'sectors', sectors: ['aquaculture'], relation: 'shared', weight: 22 },
      { kind: 'trl', offerTrl: 7, trlMin: 6, fit: 'meets', weight: 10 },
      { kind: 'location', relation: 'same_province', offerProvince: 'CTO', demandProvince: 'CTO', weight: 6 },
      { kind: 'budget', fit: 'unknown', priceMin: null, budgetMax: null, weight: 2 },
      { kind: 'transferModes', modes: [], weight: 0 },
    ],
    offer: {
      id: 'o1',
      title: 'Quy trình nuôi tôm tuần hoàn',
      organization: { id: 'org1', name: 'Viện Thủy sản' },
    },
    demand: {
      id: 'd1',
      title: 'Cần công nghệ xử lý nước thải ao tôm',
      organization: { id: 'org2', name: 'Công ty Thủy sản Mekong' },
    },
    state: 'new',
    feedback: null,
    createdAt: '2026-01-06T08:00:00.000Z',
    updatedAt: '2026-01-06T08:00:00.000Z',
    ...patch,
  };
}
