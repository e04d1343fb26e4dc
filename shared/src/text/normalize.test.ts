import { foldVietnamese, hasMarks, markedWord, normalizeEmail, normalizeVietnamese, wordsOf } from './normalize';
import { vietnameseSyllables } from './syllables';

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
  it('gives what a pass over every word gives, for syllables toned on either vowel, in any case and spacing', () => {
    // The word-by-word pass (placeTone on every word), as it ran before the pre-check that skips most text.
    const placed = (word: string) => {
      const nfd = word.normalize('NFD');
      const tone = nfd.match(/[\u0300\u0301\u0303\u0309\u0323]/)?.[0];
      const bare = nfd.replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '');
      const m = tone && /(o|O)(a|A|e|E)$|(u|U)(y|Y)$/.exec(bare);
      if (!m || (m[3] && /q$/i.test(bare.slice(0, m.index)))) return word;
      return `${bare.slice(0, m.index + 1)}${tone}${bare.slice(m.index + 1)}`.normalize('NFC');
    };
    const everyWord = (input: string) =>
      input
        .normalize('NFC')
        .replace(/[\p{L}\p{N}]+/gu, placed)
        .replace(/\s+/g, ' ')
        .trim();
    // Every syllable with each tone on its last vowel and on the one before, lower-case and in capitals.
    const words = [...vietnameseSyllables].flatMap((s) =>
      ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'].flatMap((tone) =>
        [s.search(/[aeiouy][^aeiouy]*$/), s.search(/[aeiouy][aeiouy][^aeiouy]*$/)]
          .filter((at) => at >= 0)
          .map((at) => `${s.slice(0, at + 1)}${tone}${s.slice(at + 1)}`.normalize('NFC'))
          .flatMap((w) => [w, w.toUpperCase()]),
      ),
    );
    expect(words.filter((w) => w !== normalizeVietnamese(w)).length).toBeGreaterThan(100);
    for (let i = 0; i < words.length; i += 7) {
      const text = words.slice(i, i + 7).join(i % 2 ? ' ' : ' \t ');
      expect(normalizeVietnamese(text)).toBe(everyWord(text));
      expect(normalizeVietnamese(` ${text}\n`)).toBe(everyWord(text));
    }
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
