import type { MailKind, NotificationType } from '@techbridge/shared';
import type { MailBlock, MailContent } from '../../platform/mail/render';
import { dealStageLabels } from '../deals/stageLabels';

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
  'deal.proposal': 'dealUpdates',
  'deal.proposal_shortlisted': 'dealUpdates',
  'deal.proposal_declined': 'dealUpdates',
  'deal.confirm': 'dealUpdates',
  'deal.introduction': 'dealUpdates',
  'mandate.requested': 'dealUpdates',
  'mandate.accepted': 'dealUpdates',
  'mandate.ended': 'dealUpdates',
  'event.meeting_request': 'events',
  'event.meeting_answer': 'events',
  'event.meeting_cancelled': 'events',
  'event.schedule': 'events',
  'listing.approved': 'decisions',
  'listing.rejected': 'decisions',
  'organization.verified': 'decisions',
  'organization.rejected': 'decisions',
};

const stages = dealStageLabels;
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
  if (type === 'mandate.requested') return '/deals#mandates';
  if (type.startsWith('mandate.')) return '/broker';
  if (type === 'event.meeting_request' || type === 'event.meeting_answer') return `/events/${str(d.eventId)}`;
  if (type.startsWith('event.')) return `/events/${str(d.eventId)}/agenda`;
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
    case 'deal.proposal':
      return {
        title: en ? `A new solution proposal for “${str(d.title)}”` : `Có đề xuất giải pháp mới cho “${str(d.title)}”`,
        detail: str(d.from),
      };
    case 'deal.proposal_shortlisted':
      return {
        title: en
          ? `Your proposal for “${str(d.title)}” was shortlisted`
          : `Đề xuất của bạn cho “${str(d.title)}” đã vào danh sách rút gọn`,
        detail: '',
      };
    case 'deal.proposal_declined':
      return {
        title: en
          ? `Thank you for your proposal for “${str(d.title)}”`
          : `Cảm ơn bạn đã gửi đề xuất cho “${str(d.title)}”`,
        detail: en
          ? `This time the party with the need chose otherwise: ${str(d.declineReason) || '—'}. We hope to work together another time.`
          : `Lần này bên có nhu cầu chưa chọn đề xuất của bạn: ${str(d.declineReason) || '—'}. Mong được hợp tác trong dịp khác.`,
      };
    case 'deal.confirm':
      return {
        title: en
          ? `${str(d.by)} proposes to move “${str(d.title)}” to “${stages.en[str(d.proposed)] ?? str(d.proposed)}”`
          : `${str(d.by)} đề xuất chuyển “${str(d.title)}” sang “${stages.vi[str(d.proposed)] ?? str(d.proposed)}”`,
        detail: en ? 'Your confirmation is needed.' : 'Cần bạn xác nhận.',
      };
    case 'deal.introduction':
      return {
        title: en
          ? `${str(d.from)} introduced you to a partner: “${str(d.title)}”`
          : `${str(d.from)} giới thiệu bạn với một đối tác: “${str(d.title)}”`,
        detail: '',
      };
    case 'mandate.requested':
      return {
        title: en
          ? `${str(d.broker)} asks to broker for your organisation`
          : `${str(d.broker)} đề nghị được làm môi giới cho tổ chức của bạn`,
        detail: '',
      };
    case 'mandate.accepted':
      return {
        title: en ? `${str(d.client)} gave you a brokerage mandate` : `${str(d.client)} đã đồng ý ủy quyền môi giới`,
        detail: '',
      };
    case 'mandate.ended':
      return {
        title: en
          ? `The mandate between ${str(d.broker)} and ${str(d.client)} has ended`
          : `Ủy quyền giữa ${str(d.broker)} và ${str(d.client)} đã kết thúc`,
        detail: '',
      };
    case 'event.meeting_request':
      return {
        title: en
          ? `${str(d.from)} asks to meet you at “${str(d.eventTitle)}”`
          : `${str(d.from)} đề nghị gặp bạn tại “${str(d.eventTitle)}”`,
        detail: '',
      };
    case 'event.meeting_answer': {
      const accepted = d.answer === 'accepted';
      return {
        title: en
          ? `${str(d.by)} ${accepted ? 'accepted' : 'declined'} your meeting at “${str(d.eventTitle)}”`
          : `${str(d.by)} đã ${accepted ? 'nhận lời' : 'từ chối'} cuộc gặp tại “${str(d.eventTitle)}”`,
        detail: '',
      };
    }
    case 'event.meeting_cancelled':
      return {
        title: en
          ? `A meeting at “${str(d.eventTitle)}” was cancelled`
          : `Cuộc gặp tại “${str(d.eventTitle)}” đã bị hủy`,
        detail: en ? `${str(d.by)} withdrew from the event.` : `${str(d.by)} đã rút khỏi sự kiện.`,
      };
    case 'event.schedule': {
      const count = Number(d.count) || 1;
      return {
        title: en
          ? `Your agenda for “${str(d.eventTitle)}” was updated`
          : `Lịch gặp của bạn tại “${str(d.eventTitle)}” đã được cập nhật`,
        detail: en ? `${count} meeting${count > 1 ? 's' : ''} changed.` : `${count} cuộc gặp thay đổi.`,
      };
    }
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
    events: 'sự kiện kết nối',
    digest: 'bản tin hằng ngày',
  },
  en: {
    matches: 'new matches',
    dealMessages: 'deal messages',
    dealUpdates: 'deal and NDA updates',
    savedSearches: 'saved-search alerts',
    decisions: 'moderation and verification decisions',
    events: 'brokerage events',
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

export const digestTitles: Record<Lang, Record<MailKind | 'openDeals' | 'weakMatches', string>> = {
  vi: {
    matches: 'Kết nối phù hợp nổi bật',
    savedSearches: 'Tin mới theo tìm kiếm đã lưu',
    dealUpdates: 'Cập nhật giao dịch',
    dealMessages: 'Tin nhắn mới',
    decisions: 'Kết quả kiểm duyệt và xác minh',
    events: 'Sự kiện kết nối',
    weakMatches: 'Các gợi ý khác có thể phù hợp',
    openDeals: 'Giao dịch đang mở',
  },
  en: {
    matches: 'Strong new matches',
    savedSearches: 'Saved-search alerts',
    dealUpdates: 'Deal updates',
    dealMessages: 'New messages',
    decisions: 'Moderation and verification',
    events: 'Events',
    weakMatches: 'Other possible matches',
    openDeals: 'Open deals',
  },
};

export const stageName = (lang: Lang, stage: string) => stages[lang][stage] ?? stage;
