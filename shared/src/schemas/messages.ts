/**
 * Validation messages are stable keys in the schemas; each side renders them in
 * the reader's language. The server answers in the request's language
 * (Accept-Language), the client in the UI language.
 */
export const validationMessages = {
  required: { vi: 'Trường này là bắt buộc', en: 'This field is required' },
  invalid_type: { vi: 'Giá trị không hợp lệ', en: 'Invalid value' },
  email: { vi: 'Email không hợp lệ', en: 'Invalid email address' },
  password_short: { vi: 'Mật khẩu cần ít nhất 8 ký tự', en: 'Password must be at least 8 characters' },
  password_long: { vi: 'Mật khẩu tối đa 128 ký tự', en: 'Password must be at most 128 characters' },
  password_weak: {
    vi: 'Mật khẩu cần có cả chữ và số',
    en: 'Password must contain letters and digits',
  },
  name_required: { vi: 'Vui lòng nhập họ tên', en: 'Please enter your name' },
  too_long: { vi: 'Nội dung quá dài', en: 'Too long' },
  too_short: { vi: 'Nội dung quá ngắn', en: 'Too short' },
  org_name_required: { vi: 'Vui lòng nhập tên tổ chức', en: 'Please enter the organisation name' },
  org_type: { vi: 'Loại tổ chức không hợp lệ', en: 'Unknown organisation type' },
  province: { vi: 'Tỉnh/thành không hợp lệ', en: 'Unknown province' },
  sector: { vi: 'Lĩnh vực không hợp lệ', en: 'Unknown sector' },
  transfer_mode: { vi: 'Phương thức chuyển giao không hợp lệ', en: 'Unknown transfer mode' },
  ip_type: { vi: 'Loại sở hữu trí tuệ không hợp lệ', en: 'Unknown IP type' },
  ip_status: { vi: 'Tình trạng bảo hộ không hợp lệ', en: 'Unknown IP status' },
  trl: { vi: 'TRL phải là số nguyên từ 1 đến 9', en: 'TRL must be a whole number from 1 to 9' },
  object_id: { vi: 'Mã không hợp lệ', en: 'Invalid id' },
  unknown_field: { vi: 'Trường không được hỗ trợ', en: 'Unsupported field' },
  operator: {
    vi: 'Không được dùng toán tử truy vấn ($...) trong dữ liệu',
    en: 'Query operators ($...) are not allowed in input',
  },
  number: { vi: 'Phải là một số', en: 'Must be a number' },
  positive: { vi: 'Phải là số không âm', en: 'Must not be negative' },
  price_range: { vi: 'Giá tối thiểu lớn hơn giá tối đa', en: 'Minimum price exceeds maximum' },
  date: { vi: 'Ngày không hợp lệ', en: 'Invalid date' },
  currency: { vi: 'Đơn vị tiền tệ không hợp lệ', en: 'Unknown currency' },
  at_least_one: { vi: 'Chọn ít nhất một mục', en: 'Choose at least one' },
  too_many: { vi: 'Quá nhiều mục', en: 'Too many items' },
  email_taken: { vi: 'Email này đã được đăng ký', en: 'This email is already registered' },
  keyword: { vi: 'Từ khóa không hợp lệ', en: 'Invalid keyword' },
  bidi_control: {
    vi: 'Không được dùng ký tự điều khiển hướng chữ (đảo chiều văn bản)',
    en: 'Text-direction control characters are not allowed',
  },
  url_scheme: {
    vi: 'Địa chỉ web phải bắt đầu bằng http:// hoặc https://',
    en: 'The address must start with http:// or https://',
  },
  feedback_reason: { vi: 'Lý do không hợp lệ', en: 'Unknown reason' },
  after_start: { vi: 'Phải sau thời điểm bắt đầu', en: 'Must be after the start' },
  before_end: { vi: 'Phải trước khi sự kiện kết thúc', en: 'Must be before the event ends' },
  outside_event: { vi: 'Nằm ngoài thời gian sự kiện', en: 'Outside the event’s hours' },
  location_or_online: { vi: 'Nhập địa điểm hoặc chọn trực tuyến', en: 'Give a venue or make it online' },
  slot_minutes: { vi: 'Mỗi lượt gặp từ 10 đến 60 phút', en: 'A meeting slot lasts 10 to 60 minutes' },
  tables: { vi: 'Số bàn từ 1 đến 200', en: 'From 1 to 200 tables' },
  timezone: { vi: 'Múi giờ phải là Asia/Ho_Chi_Minh', en: 'The time zone must be Asia/Ho_Chi_Minh' },
  url: { vi: 'Địa chỉ web không hợp lệ', en: 'Invalid web address' },
  not_own_listing: {
    vi: 'Chỉ chọn được tin đã đăng của tổ chức mình',
    en: 'Only your organisation’s published listings',
  },
  not_in_booth: { vi: 'Tin này không có ở gian của hai bên', en: 'Not a listing of either booth' },
  token_invalid: {
    vi: 'Liên kết không hợp lệ, đã được dùng hoặc đã hết hạn',
    en: 'This link is invalid, already used or expired',
  },
  password_wrong: { vi: 'Mật khẩu không đúng', en: 'Wrong password' },
  email_same: { vi: 'Đây đã là email của bạn', en: 'This is already your email' },
  org_role: { vi: 'Vai trò không hợp lệ', en: 'Unknown role' },
  mail_mode: { vi: 'Tùy chọn không hợp lệ', en: 'Unknown option' },
  already_member: { vi: 'Người này đã là thành viên của tổ chức', en: 'Already a member of your organisation' },
} as const;

export type ValidationMessageKey = keyof typeof validationMessages;
export type Lang = 'vi' | 'en';

export function isValidationMessageKey(key: string): key is ValidationMessageKey {
  return Object.hasOwn(validationMessages, key);
}

/** Renders a schema message key; unknown keys (e.g. zod's own) fall back to a generic message. */
export function renderValidationMessage(key: string, lang: Lang): string {
  return isValidationMessageKey(key) ? validationMessages[key][lang] : validationMessages.invalid_type[lang];
}
