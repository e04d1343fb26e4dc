/**
 * The platform's standard non-disclosure agreement. Acceptances record the
 * version; a new text gets a new version and must be accepted again.
 */
export const NDA = {
  version: '2026-01',
  vi: [
    'THỎA THUẬN BẢO MẬT THÔNG TIN (NDA) — TechBridge, phiên bản 2026-01',
    '1. Bên nhận cam kết chỉ sử dụng thông tin bảo mật do bên công bố cung cấp qua TechBridge cho mục đích đánh giá, đàm phán giao dịch chuyển giao công nghệ giữa hai bên.',
    '2. Bên nhận không tiết lộ thông tin bảo mật cho bất kỳ bên thứ ba nào, trừ nhân sự, tư vấn cần biết và chịu nghĩa vụ bảo mật tương đương.',
    '3. Nghĩa vụ bảo mật không áp dụng với thông tin đã công khai, đã thuộc sở hữu hợp pháp của bên nhận trước khi được công bố, hoặc phải cung cấp theo yêu cầu của cơ quan nhà nước có thẩm quyền.',
    '4. Thỏa thuận có hiệu lực 05 năm kể từ ngày chấp thuận. Khi kết thúc đàm phán, bên nhận hoàn trả hoặc hủy tài liệu bảo mật theo yêu cầu của bên công bố.',
    '5. Thỏa thuận được điều chỉnh bởi pháp luật Việt Nam, bao gồm Luật Sở hữu trí tuệ và Luật Chuyển giao công nghệ 2017.',
  ].join('\n'),
  en: [
    'NON-DISCLOSURE AGREEMENT — TechBridge, version 2026-01',
    '1. The receiving party shall use confidential information disclosed through TechBridge solely to evaluate and negotiate a technology transfer between the parties.',
    '2. The receiving party shall not disclose it to any third party except staff and advisers who need to know and are bound by equivalent confidentiality.',
    '3. These obligations do not cover information that is public, was lawfully held by the receiving party before disclosure, or must be provided to a competent authority.',
    '4. This agreement is in force for five years from acceptance. When negotiations end, the receiving party returns or destroys confidential material on request.',
    '5. This agreement is governed by the laws of Vietnam, including the Law on Intellectual Property and the Law on Technology Transfer 2017.',
  ].join('\n'),
} as const;
