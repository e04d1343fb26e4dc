import { conceptExpansions, QUERY_WORD_LIMIT, queryTokens, searchTokens } from './search';

describe('searchTokens', () => {
  it('follows each marked word with its marked spelling, and leaves plain words alone', () => {
    expect(searchTokens('chè xanh')).toBe('che chef xanh');
    expect(searchTokens('che xanh')).toBe('che xanh');
    // Old and new tone placement are one word.
    expect(searchTokens('thuỷ sản')).toBe(searchTokens('thủy sản'));
  });
});

describe('queryTokens', () => {
  it('sends a short query like indexed text', () => {
    expect(queryTokens('máy bay không người lái')).toBe(searchTokens('máy bay không người lái'));
  });
  it('never drops a typed word to make room for marked spellings', () => {
    const query = 'xử lý nước thải chế biến thủy sản đông';
    const tokens = queryTokens(query).split(' ');
    expect(tokens).toHaveLength(QUERY_WORD_LIMIT);
    expect(tokens.slice(0, 9)).toEqual(['xu', 'ly', 'nuoc', 'thai', 'che', 'bien', 'thuy', 'san', 'dong']);
    expect(tokens[9]).toBe('xuwr');
  });
});

describe('conceptExpansions', () => {
  it('adds the other phrases of a concept, English included, but never places', () => {
    const tokens = conceptExpansions(['Dây chuyền chế biến chè Thái Nguyên']).join(' ');
    expect(tokens).toContain('tea processing');
    expect(tokens).not.toContain('bac kan');
  });
});
