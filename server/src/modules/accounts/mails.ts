import type { MailContent } from '../../platform/mail/render';

type Lang = 'vi' | 'en';
const footer = (lang: Lang) =>
  lang === 'en'
    ? ['TechBridge, the technology supply–demand marketplace.', 'You receive this mail because of your account.']
    : ['TechBridge — Cầu nối công nghệ.', 'Bạn nhận thư này vì tài khoản của bạn tại TechBridge.'];

/** Address verification after a registration (or a resend). */
export function verifyEmailMail(lang: Lang, name: string, link: string): MailContent {
  const en = lang === 'en';
  return {
    lang,
    subject: en ? 'Confirm your email address' : 'Xác nhận địa chỉ email của bạn',
    preheader: en
      ? 'One click and you can publish and contact partners.'
      : 'Một lần bấm để bắt đầu đăng tin và kết nối.',
    heading: en ? `Welcome, ${name}` : `Chào mừng ${name}`,
    blocks: [
      {
        p: en
          ? 'Please confirm that this address is yours. Until then you can browse and prepare drafts, but not publish listings or contact other organisations.'
          : 'Vui lòng xác nhận đây là địa chỉ email của bạn. Trước khi xác nhận, bạn có thể xem và soạn bản nháp nhưng chưa thể đăng tin hay liên hệ với tổ chức khác.',
      },
      { button: { label: en ? 'Confirm my address' : 'Xác nhận email', url: link } },
      {
        note: en
          ? 'The link works for 3 days, once. If you did not create an account, ignore this mail.'
          : 'Liên kết dùng được một lần trong 3 ngày. Nếu bạn không đăng ký tài khoản, hãy bỏ qua thư này.',
      },
    ],
    footer: footer(lang),
  };
}

/** To the owner of an address someone tried to register (or to switch an account to) again. */
export function addressInUseMail(lang: Lang, links: { login: string; forgot: string }): MailContent {
  const en = lang === 'en';
  return {
    lang,
    subject: en ? 'Someone tried to use your email address' : 'Có người vừa dùng địa chỉ email của bạn',
    heading: en ? 'Your address already has an account' : 'Địa chỉ này đã có tài khoản',
    blocks: [
      {
        p: en
          ? 'Someone just tried to create a TechBridge account (or move an account) to this address. Your account is unchanged and nothing else is needed.'
          : 'Vừa có người dùng địa chỉ này để tạo (hoặc chuyển sang) một tài khoản TechBridge. Tài khoản của bạn không thay đổi và bạn không cần làm gì thêm.',
      },
      {
        p: en
          ? 'If it was you, sign in with your existing account; if you forgot your password, reset it.'
          : 'Nếu đó là bạn, hãy đăng nhập bằng tài khoản hiện có; nếu quên mật khẩu, bạn có thể đặt lại.',
      },
      { button: { label: en ? 'Sign in' : 'Đăng nhập', url: links.login } },
      { items: [{ title: en ? 'Forgot your password?' : 'Quên mật khẩu?', url: links.forgot }] },
    ],
    footer: footer(lang),
  };
}

export function resetPasswordMail(lang: Lang, name: string, link: string): MailContent {
  const en = lang === 'en';
  return {
    lang,
    subject: en ? 'Reset your password' : 'Đặt lại mật khẩu',
    heading: en ? `Hello ${name}` : `Xin chào ${name}`,
    blocks: [
      {
        p: en
          ? 'We received a request to reset the password of your TechBridge account. Choose a new one here:'
          : 'Chúng tôi nhận được yêu cầu đặt lại mật khẩu tài khoản TechBridge của bạn. Hãy chọn mật khẩu mới tại đây:',
      },
      { button: { label: en ? 'Choose a new password' : 'Đặt mật khẩu mới', url: link } },
      {
        note: en
          ? 'The link works once, for one hour. If you did not ask for it, ignore this mail: your password stays as it is.'
          : 'Liên kết chỉ dùng được một lần trong vòng một giờ. Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu của bạn vẫn giữ nguyên.',
      },
    ],
    footer: footer(lang),
  };
}

export function passwordChangedMail(lang: Lang, name: string, forgotLink: string): MailContent {
  const en = lang === 'en';
  return {
    lang,
    subject: en ? 'Your password was changed' : 'Mật khẩu của bạn đã được thay đổi',
    heading: en ? `Hello ${name}` : `Xin chào ${name}`,
    blocks: [
      {
        p: en
          ? 'The password of your TechBridge account was just changed, and every session signed in with the old one was ended.'
          : 'Mật khẩu tài khoản TechBridge của bạn vừa được thay đổi, và mọi phiên đăng nhập bằng mật khẩu cũ đã kết thúc.',
      },
      {
        p: en
          ? 'If this was not you, reset your password at once and tell us.'
          : 'Nếu không phải bạn thực hiện, hãy đặt lại mật khẩu ngay và báo cho chúng tôi.',
      },
      { button: { label: en ? 'Reset my password' : 'Đặt lại mật khẩu', url: forgotLink } },
    ],
    footer: footer(lang),
  };
}

export function changeEmailMail(lang: Lang, name: string, link: string): MailContent {
  const en = lang === 'en';
  return {
    lang,
    subject: en ? 'Confirm your new email address' : 'Xác nhận địa chỉ email mới',
    heading: en ? `Hello ${name}` : `Xin chào ${name}`,
    blocks: [
      {
        p: en
          ? 'You asked to sign in to TechBridge with this address from now on. Your current address stays until you confirm.'
          : 'Bạn vừa yêu cầu dùng địa chỉ này để đăng nhập TechBridge. Địa chỉ hiện tại vẫn được giữ cho đến khi bạn xác nhận.',
      },
      { button: { label: en ? 'Confirm the new address' : 'Xác nhận địa chỉ mới', url: link } },
      {
        note: en ? 'The link works once, for 24 hours.' : 'Liên kết chỉ dùng được một lần trong 24 giờ.',
      },
    ],
    footer: footer(lang),
  };
}

/** To the old address, once a new one is confirmed. */
export function emailChangedMail(lang: Lang, name: string, newEmail: string): MailContent {
  const en = lang === 'en';
  return {
    lang,
    subject: en ? 'Your sign-in address was changed' : 'Địa chỉ email đăng nhập đã thay đổi',
    heading: en ? `Hello ${name}` : `Xin chào ${name}`,
    blocks: [
      {
        p: en
          ? `Your TechBridge account now signs in with ${newEmail}. Mail will no longer come to this address.`
          : `Tài khoản TechBridge của bạn từ nay đăng nhập bằng ${newEmail}. Thư sẽ không gửi tới địa chỉ này nữa.`,
      },
      {
        p: en
          ? 'If this was not you, contact us at once.'
          : 'Nếu không phải bạn thực hiện, hãy liên hệ với chúng tôi ngay.',
      },
    ],
    footer: footer(lang),
  };
}
