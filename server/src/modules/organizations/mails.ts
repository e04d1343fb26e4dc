import type { MailContent } from '../../platform/mail/render';

const roleName = {
  vi: { admin: 'quản trị viên', member: 'thành viên' },
  en: { admin: 'an admin', member: 'a member' },
};

/** An invitation to join an organisation's team. */
export function invitationMail(
  lang: 'vi' | 'en',
  input: { organization: string; inviter: string; role: 'admin' | 'member'; link: string },
): MailContent {
  const en = lang === 'en';
  const role = roleName[lang][input.role];
  return {
    lang,
    subject: en ? `Join ${input.organization} on TechBridge` : `Lời mời tham gia ${input.organization} trên TechBridge`,
    preheader: en ? `${input.inviter} invited you` : `${input.inviter} đã mời bạn`,
    heading: en
      ? `${input.inviter} invited you to ${input.organization}`
      : `${input.inviter} mời bạn tham gia ${input.organization}`,
    blocks: [
      {
        p: en
          ? `You are invited as ${role} of the organisation's team on TechBridge: you will work with its listings, matches and deals.`
          : `Bạn được mời làm ${role} trong nhóm của tổ chức trên TechBridge: cùng quản lý tin đăng, kết nối phù hợp và giao dịch của tổ chức.`,
      },
      { button: { label: en ? 'Accept the invitation' : 'Chấp nhận lời mời', url: input.link } },
      {
        note: en
          ? 'The link works for 7 days. With an account at this address, sign in to accept; without one, you create it on the way.'
          : 'Liên kết dùng được trong 7 ngày. Nếu địa chỉ này đã có tài khoản, hãy đăng nhập để chấp nhận; nếu chưa, bạn sẽ tạo tài khoản ngay trong bước này.',
      },
    ],
    footer: en
      ? [
          'TechBridge, the technology supply–demand marketplace.',
          'If you did not expect this invitation, ignore this mail.',
        ]
      : ['TechBridge — Cầu nối công nghệ.', 'Nếu bạn không mong đợi lời mời này, hãy bỏ qua thư.'],
  };
}
