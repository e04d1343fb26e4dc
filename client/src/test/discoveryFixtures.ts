import type { OrganizationProfileDto, SearchHit } from '@techbridge/shared';

/** A search hit as /api/search and the similar-listings routes return it. */
export function searchHitDto(patch: Partial<SearchHit> = {}): SearchHit {
  const title = patch.title ?? 'Quy trình nuôi tôm tuần hoàn';
  return {
    id: 'o1',
    type: 'offer',
    lang: 'vi',
    title,
    summary: 'Nuôi tôm tuần hoàn RAS giảm 70% lượng nước thay.',
    organization: { id: 'org1', name: 'Viện Thủy sản' },
    image: null,
    sectors: ['aquaculture'],
    province: 'CTO',
    trl: 7,
    ipStatus: 'granted',
    transferModes: [],
    publishedAt: '2026-01-06T08:00:00.000Z',
    highlight: { title, summary: 'Nuôi tôm tuần hoàn RAS.' },
    ...patch,
  };
}

/** An organisation's public profile as GET /api/organizations/:id returns it (to a member: with completeness). */
export function profileDto(patch: Partial<OrganizationProfileDto> = {}): OrganizationProfileDto {
  return {
    id: 'org1',
    name: 'Viện Nghiên cứu Nuôi trồng Thủy sản II',
    type: 'research_institute',
    province: 'CTO',
    verified: true,
    createdAt: '2025-03-01T00:00:00.000Z',
    description: 'Viện nghiên cứu giống, dinh dưỡng và công nghệ nuôi thủy sản vùng Đồng bằng sông Cửu Long.',
    foundedYear: 1976,
    size: '201-1000',
    sectors: ['aquaculture', 'biotech'],
    expertise: ['Nuôi tôm tuần hoàn', 'Di truyền chọn giống'],
    logoUrl: '/api/organizations/org1/logo',
    website: 'https://ria2.example.vn',
    contact: {
      name: 'Trần Thị Mai',
      title: 'Trưởng phòng Chuyển giao',
      email: 'mai@ria2.example.vn',
      phone: '0292 3821 234',
    },
    stats: { offers: 12, demands: 3, completedDeals: 4 },
    ...patch,
  };
}
