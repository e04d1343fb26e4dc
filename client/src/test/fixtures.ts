import type { DemandDto, MessageDto, NotificationDto, OfferDto } from '@techbridge/shared';

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
