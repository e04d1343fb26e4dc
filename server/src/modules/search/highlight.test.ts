import { type TextWord, wordOf } from '@techbridge/shared';
import offers from '../../demo/world/offers.json';
import { crop, highlight, highlighter, queryTerms } from './highlight';

/** The judgement word by word, as highlighter promises it (its pattern only skips words that cannot match). */
function wordByWord(text: string, terms: TextWord[]): string {
  const escaped = (s: string) =>
    s.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
  const asked = (word: TextWord, t: TextWord, prefix: boolean) => {
    const [a, b] = t.marks ? [word.marked, t.marked] : [word.folded, t.folded];
    return prefix ? b.length >= 2 && a.startsWith(b) : a === b;
  };
  return text
    .split(/([\p{L}\p{N}]+)/u)
    .map((part, i) => {
      const word = i % 2 ? wordOf(part) : null;
      const hit =
        !!word && terms.some((t, k) => asked(word, t, false) || (k === terms.length - 1 && asked(word, t, true)));
      return hit ? `<mark>${escaped(part)}</mark>` : escaped(part);
    })
    .join('');
}

describe('highlight', () => {
  it('marks words whose unaccented form matches the query', () => {
    expect(highlight('Quy trình nuôi tôm thẻ', queryTerms('nuoi tom'))).toBe(
      'Quy trình <mark>nuôi</mark> <mark>tôm</mark> thẻ',
    );
  });
  it('matches the last term as a prefix', () => {
    expect(highlight('Cải tạo đất đồi', queryTerms('dat do'))).toBe('Cải tạo <mark>đất</mark> <mark>đồi</mark>');
  });
  it('marks only the words with the marks the query typed, all of them when it typed none', () => {
    expect(highlight('Chè xanh, chế biến chè', queryTerms('chè'))).toBe(
      '<mark>Chè</mark> xanh, chế biến <mark>chè</mark>',
    );
    expect(highlight('Chè xanh, chế biến', queryTerms('che'))).toBe('<mark>Chè</mark> xanh, <mark>chế</mark> biến');
    expect(highlight('Thuỷ sản', queryTerms('thủy'))).toBe('<mark>Thuỷ</mark> sản');
  });
  it('escapes markup in the text', () => {
    expect(highlight('<script>tôm</script>', queryTerms('tom'))).toBe('&lt;script&gt;<mark>tôm</mark>&lt;/script&gt;');
  });
  it('escapes quotes and ampersands, and leaves text between words as it was', () => {
    expect(highlight(`Tôm & cá "sạch" (l'eau)  2025`, queryTerms('tom 2025'))).toBe(
      '<mark>Tôm</mark> &amp; cá &quot;sạch&quot; (l&#39;eau)  <mark>2025</mark>',
    );
  });
  it('judges the texts of a page of hits alike with one highlighter', () => {
    const mark = highlighter(queryTerms('chè'));
    expect(mark('Chè Thái Nguyên')).toBe('<mark>Chè</mark> Thái Nguyên');
    expect(mark('Chế biến chè')).toBe('Chế biến <mark>chè</mark>');
    expect(highlighter([])('<b>chè</b>')).toBe('&lt;b&gt;chè&lt;/b&gt;');
  });
  it('marks exactly the words a word-by-word judgement marks, over the demo listings and many queries', () => {
    const texts = (offers as { input: { title: string; summary: string } }[]).flatMap((o) => [
      o.input.title,
      o.input.summary,
    ]);
    const words = [...new Set(texts.join(' ').match(/[\p{L}\p{N}]+/gu))];
    // Each demo word as typed, without its marks, in capitals, cut short (a prefix), and with a neighbour.
    const queries = words
      .filter((_, i) => i % 97 === 0)
      .flatMap((w, i) => [
        w,
        w.normalize('NFD').replace(/[\u0300-\u036f]/g, ''),
        w.toUpperCase(),
        w.slice(0, 3),
        `${words[i]} ${w}`,
      ]);
    expect(queries.length).toBeGreaterThan(50);
    let marked = 0;
    for (const q of queries) {
      const mark = highlighter(queryTerms(q));
      for (const text of texts) {
        const expected = wordByWord(text, queryTerms(q));
        expect(mark(text)).toBe(expected);
        if (expected.includes('<mark>')) marked++;
      }
    }
    expect(marked).toBeGreaterThan(100);
  });
  it('crops at a word boundary', () => {
    expect(crop('một hai ba bốn năm sáu', 12)).toBe('một hai ba…');
  });
});
