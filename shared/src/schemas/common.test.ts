import { text, visibleLength, webUrl } from './common';
import { offerCreateSchema } from './listings';
import { verificationRequestSchema } from './operations';

const issues = (schema: { safeParse(v: unknown): { error?: { issues: { message: string }[] } } }, value: unknown) =>
  schema.safeParse(value).error?.issues.map((i) => i.message) ?? [];

describe('text fields', () => {
  it('count visible characters: six zero-width spaces are not a five-character title', () => {
    expect(visibleLength('\u200B'.repeat(6))).toBe(0);
    expect(issues(text(5, 200), '\u200B'.repeat(6))).toContain('too_short');
    expect(issues(text(5, 200), 'Máy\u200B sấy')).toEqual([]);
    // Vietnamese letters count once each, however they were typed (NFD input).
    expect(visibleLength('chè'.normalize('NFC'))).toBe(3);
  });
  it('refuse bidi overrides and isolates', () => {
    for (const control of ['\u202E', '\u202D', '\u2066', '\u2069'])
      expect(issues(text(1, 200), `hoadon${control}fdp.exe`)).toContain('bidi_control');
  });
  it('apply to listing fields', () => {
    const offer = offerCreateSchema.safeParse({
      title: '\u200B\u200B\u200B\u200B\u200B\u200B',
      summary: `Tóm tắt đủ dài cho một công nghệ \u202Etxt.exe`,
      sectors: ['crops'],
      trl: 5,
      province: 'HN',
      transferModes: ['licensing'],
      ip: { type: 'patent', status: 'granted' },
    });
    const byPath = Object.fromEntries((offer.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
    expect(byPath.title).toBe('too_short');
    expect(byPath.summary).toBe('bidi_control');
  });
});

describe('web addresses', () => {
  it('accept only http(s)', () => {
    expect(issues(webUrl(), 'https://vien.example.vn')).toEqual([]);
    expect(issues(webUrl(), 'javascript:alert(1)')).not.toEqual([]);
    expect(issues(webUrl(), 'data:text/html,<b>x</b>')).not.toEqual([]);
    const request = verificationRequestSchema.safeParse({
      registrationNumber: '0101234567',
      address: '18 Hoàng Quốc Việt, Hà Nội',
      website: 'javascript:alert(document.cookie)',
    });
    expect(request.error?.issues[0].path).toEqual(['website']);
  });
});
