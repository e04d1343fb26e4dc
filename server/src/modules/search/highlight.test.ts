import { crop, highlight, queryTerms } from './highlight';

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
  it('crops at a word boundary', () => {
    expect(crop('một hai ba bốn năm sáu', 12)).toBe('một hai ba…');
  });
});
