import { foldVietnamese, normalizeEmail } from './text';

describe('foldVietnamese', () => {
  it('removes tone and vowel marks so unaccented typing matches', () => {
    expect(foldVietnamese('Nuôi tôm thẻ chân trắng')).toBe('nuoi tom the chan trang');
  });
  it('maps đ and Đ to d', () => {
    expect(foldVietnamese('Đất đồi')).toBe('dat doi');
  });
  it('collapses whitespace', () => {
    expect(foldVietnamese('  Hà   Nội ')).toBe('ha noi');
  });
});

describe('normalizeEmail', () => {
  it('lower-cases and trims', () => {
    expect(normalizeEmail('  Vien@Demo.VN ')).toBe('vien@demo.vn');
  });
});
