import { foldVietnamese, hasMarks, markedWord, normalizeEmail, normalizeVietnamese, wordsOf } from './normalize';

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

describe('normalizeVietnamese', () => {
  it('puts the tone of open oa/oe/uy syllables on the first vowel, whichever way it was typed', () => {
    expect(normalizeVietnamese('hoà thuỷ khoẻ toà')).toBe('hòa thủy khỏe tòa');
    expect(normalizeVietnamese('Hòa THUỶ Khoẻ')).toBe('Hòa THỦY Khỏe');
    // A closed syllable, "qu" + y, and words without the pair keep their marks where they are.
    expect(normalizeVietnamese('hoàn thuyền quý ngoài chè')).toBe('hoàn thuyền quý ngoài chè');
  });
  it('composes decomposed input (NFC) and single-spaces it', () => {
    expect(normalizeVietnamese('che\u0300   xanh')).toBe('chè xanh');
  });
});

describe('markedWord', () => {
  it('spells the marks in ASCII, so words that fold alike stay apart', () => {
    const pairs = [
      ['chè', 'chế'],
      ['sắn', 'sản'],
      ['lụa', 'lúa'],
      ['cà', 'cá'],
      ['bò', 'bộ'],
    ];
    for (const [a, b] of pairs) {
      expect(foldVietnamese(a)).toBe(foldVietnamese(b));
      expect(markedWord(a)).not.toBe(markedWord(b));
    }
    expect(['chè', 'chế', 'Thái', 'Nguyên', 'đường', 'nước'].map(markedWord)).toEqual([
      'chef',
      'chees',
      'thais',
      'nguyeen',
      'dduwowngf',
      'nuwowcs',
    ]);
  });
  it('is the same however the tone was placed', () => {
    expect(markedWord('thuỷ')).toBe(markedWord('thủy'));
    expect(markedWord('hoà')).toBe(markedWord('hòa'));
  });
  it('leaves words without marks as they are, lower-cased', () => {
    expect(markedWord('UAV')).toBe('uav');
    expect(hasMarks('drone')).toBe(false);
    expect(hasMarks('ủ')).toBe(true);
  });
});

describe('wordsOf', () => {
  it('splits on anything but letters and digits', () => {
    expect(wordsOf('KH&CN: thuỷ sản, 2026!')).toEqual(['KH', 'CN', 'thủy', 'sản', '2026']);
  });
});

describe('normalizeEmail', () => {
  it('lower-cases and trims', () => {
    expect(normalizeEmail('  Vien@Demo.VN ')).toBe('vien@demo.vn');
  });
});
