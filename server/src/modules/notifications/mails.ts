import type { MailKind, NotificationType } from '@techbridge/shared';
import type { MailBlock, MailContent } from '../../platform/mail/render';

type Lang = 'vi' | 'en';
type Data = Record<string, unknown>;

/** Which preference decides a notification's mail. */
export const mailKindOf: Record<NotificationType, MailKind> = {
  'match.new': 'matches',
  'saved_search.hit': 'savedSearches',
  'sector.new_listing': 'savedSearches',
  'deal.message': 'dealMessages',
  'deal.opened': 'dealUpdates',
  'deal.stage': 'dealUpdates',
  'deal.nda': 'dealUpdates',
  'listing.approved': 'decisions',
  'listing.rejected': 'decisions',
  'organization.verified': 'decisions',
  'organization.rejected': 'decisions',
};

const stages: Record<Lang, Record<string, string>> = {
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
const ndaSteps: Record<Lang, Record<string, string>> = {
  vi: {
    'nda.accept': 'bên quan tâm đã chấp thuận NDA',
    'nda.approve': 'NDA đã được phê duyệt',
    'nda.grant': 'quyền xem thông tin bảo mật đã được cấp',
    'nda.revoke': 'quyền xem thông tin bảo mật đã bị thu hồi',
  },
  en: {
    'nda.accept': 'the interested party accepted the NDA',
    'nda.approve': 'the NDA was approved',
    'nda.grant': 'access to the confidential details was granted',
    'nda.revoke': 'access to the confidential details was withdrawn',
  },
};

const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const listingPath = (d: Data) => `/${d.listingType === 'demand' ? 'demands' : 'offers'}/${str(d.listingId)}`;

/** The path a notification links to in the app. */
export function notificationPath(type: NotificationType, d: Data): string {
  if (type === 'match.new') return '/matches';
  if (type.startsWith('deal.')) return `/deals/${str(d.dealId)}`;
  if (type.startsWith('organization.')) return '/app#verification';
  return listingPath(d);
}

/** One line per notification: a title and a detail (for a mail of its own, or a digest's list). */
export function describe(lang: Lang, type: NotificationType, d: Data): { title: string; detail: string } {
  const en = lang === 'en';
  switch (type) {
    case 'match.new':
      return {
        title: en ? `New match for “${str(d.listingTitle)}”` : `Kết nối mới cho “${str(d.listingTitle)}”`,
        detail: `${str(d.counterpartTitle)} · ${str(d.counterpartOrganization)} · ${en ? 'score' : 'điểm'} ${str(d.score)}${Number(d.count) > 1 ? (en ? ` (+${Number(d.count) - 1} more)` : ` (+${Number(d.count) - 1} kết nối khác)`) : ''}`,
      };
    case 'saved_search.hit':
      return {
        title: en
          ? `“${str(d.savedSearchName)}”: ${str(d.listingTitle)}`
          : `“${str(d.savedSearchName)}”: ${str(d.listingTitle)}`,
        detail: str(d.organization),
      };
    case 'sector.new_listing':
      return {
        title: str(d.listingTitle),
        detail: `${en ? 'In a sector you follow' : 'Thuộc lĩnh vực bạn theo dõi'} · ${str(d.organization)}`,
      };
    case 'deal.message':
      return {
        title: en ? `${str(d.from)} wrote in “${str(d.title)}”` : `${str(d.from)} nhắn trong “${str(d.title)}”`,
        detail: str(d.preview),
      };
    case 'deal.opened':
      return {
        title: en
          ? `${str(d.from)} is interested in “${str(d.title)}”`
          : `${str(d.from)} quan tâm tới “${str(d.title)}”`,
        detail: '',
      };
    case 'deal.stage':
      return {
        title: en
          ? `Deal “${str(d.title)}”: ${stages.en[str(d.stage)] ?? str(d.stage)}`
          : `Giao dịch “${str(d.title)}”: ${stages.vi[str(d.stage)] ?? str(d.stage)}`,
        detail: '',
      };
    case 'deal.nda':
      return {
        title: en ? `Deal “${str(d.title)}”` : `Giao dịch “${str(d.title)}”`,
        detail: ndaSteps[lang][str(d.reason)] ?? '',
      };
    case 'listing.approved':
      return {
        title: en ? `“${str(d.listingTitle)}” is published` : `“${str(d.listingTitle)}” đã được duyệt và đăng`,
        detail: '',
      };
    case 'listing.rejected':
      return {
        title: en ? `“${str(d.listingTitle)}” was not approved` : `“${str(d.listingTitle)}” chưa được duyệt`,
        detail: str(d.reason),
      };
    case 'organization.verified':
      return { title: en ? 'Your organisation is verified' : 'Tổ chức của bạn đã được xác minh', detail: '' };
    case 'organization.rejected':
      return {
        title: en ? 'Your verification request was declined' : 'Yêu cầu xác minh chưa được chấp thuận',
        detail: str(d.reason),
      };
  }
}

const footerLines = (lang: Lang, why: string) =>
  lang === 'en'
    ? ['TechBridge, the technology supply–demand marketplace.', why, 'Change which mails you get on your account page.']
    : ['TechBridge — Cầu nối công nghệ.', why, 'Bạn có thể chọn loại thư nhận được tại trang tài khoản.'];

const kindNames: Record<Lang, Record<MailKind | 'digest', string>> = {
  vi: {
    matches: 'kết nối phù hợp mới',
    dealMessages: 'tin nhắn giao dịch',
    dealUpdates: 'cập nhật giao dịch và NDA',
    savedSearches: 'tin mới theo tìm kiếm đã lưu',
    decisions: 'kết quả kiểm duyệt và xác minh',
    digest: 'bản tin hằng ngày',
  },
  en: {
    matches: 'new matches',
    dealMessages: 'deal messages',
    dealUpdates: 'deal and NDA updates',
    savedSearches: 'saved-search alerts',
    decisions: 'moderation and verification decisions',
    digest: 'the daily digest',
  },
};

/** A notification as a mail of its own ("immediately"). */
export function notificationMail(
  lang: Lang,
  type: NotificationType,
  data: Data,
  base: string,
  unsubscribe: { url: string; oneClickUrl: string },
): MailContent {
  const en = lang === 'en';
  const { title, detail } = describe(lang, type, data);
  const kind = mailKindOf[type];
  const blocks: MailBlock[] = [
    ...(detail ? [{ p: detail }] : []),
    {
      button: {
        label: en ? 'Open in TechBridge' : 'Xem trên TechBridge',
        url: `${base}${notificationPath(type, data)}`,
      },
    },
  ];
  return {
    lang,
    subject: title,
    heading: title,
    blocks,
    footer: footerLines(
      lang,
      en ? `You get a mail for ${kindNames.en[kind]}.` : `Bạn nhận thư về ${kindNames.vi[kind]}.`,
    ),
    unsubscribe: {
      ...unsubscribe,
      label: en ? `Stop mails about ${kindNames.en[kind]}` : `Ngừng nhận thư về ${kindNames.vi[kind]}`,
    },
  };
}

export interface DigestSection {
  title: string;
  items: { title: string; detail?: string; url?: string }[];
}

/** The daily digest: what happened since yesterday in the kinds set to "daily digest", and open deals. */
export function digestMail(
  lang: Lang,
  name: string,
  sections: DigestSection[],
  unsubscribe: { url: string; oneClickUrl: string },
): MailContent {
  const en = lang === 'en';
  const count = sections.reduce((n, s) => n + s.items.length, 0);
  return {
    lang,
    subject: en ? `Your TechBridge day: ${count} updates` : `Bản tin TechBridge: ${count} cập nhật`,
    preheader: sections.map((s) => s.title).join(' · '),
    heading: en ? `Hello ${name}, here is your day` : `Chào ${name}, đây là bản tin hôm nay`,
    blocks: sections.flatMap((s): MailBlock[] => [{ p: s.title }, { items: s.items }]),
    footer: footerLines(lang, en ? 'You get the daily digest.' : 'Bạn nhận bản tin hằng ngày.'),
    unsubscribe: { ...unsubscribe, label: en ? 'Stop the daily digest' : 'Ngừng nhận bản tin hằng ngày' },
  };
}

export const digestTitles: Record<
  Lang,
  Record<'matches' | 'savedSearches' | 'dealUpdates' | 'dealMessages' | 'decisions' | 'openDeals', string>
> = {
  vi: {
    matches: 'Kết nối phù hợp nổi bật',
    savedSearches: 'Tin mới theo tìm kiếm đã lưu',
    dealUpdates: 'Cập nhật giao dịch',
    dealMessages: 'Tin nhắn mới',
    decisions: 'Kết quả kiểm duyệt và xác minh',
    openDeals: 'Giao dịch đang mở',
  },
  en: {
    matches: 'Strong new matches',
    savedSearches: 'Saved-search alerts',
    dealUpdates: 'Deal updates',
    dealMessages: 'New messages',
    decisions: 'Moderation and verification',
    openDeals: 'Open deals',
  },
};

export const stageName = (lang: Lang, stage: string) => stages[lang][stage] ?? stage;
