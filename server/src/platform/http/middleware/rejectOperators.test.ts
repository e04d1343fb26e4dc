import { findOperatorKey } from './rejectOperators';

describe('findOperatorKey', () => {
  it('finds an operator at any depth and names its path', () => {
    expect(findOperatorKey({ email: { $gt: '' } })).toBe('email.$gt');
    expect(findOperatorKey({ a: [{ b: { $where: 'x' } }] })).toBe('a.0.b.$where');
  });
  it('lets plain data through, including dollar signs inside values', () => {
    expect(findOperatorKey({ title: 'Giá $100', tags: ['$'], n: 1, nested: { ok: true } })).toBeNull();
    expect(findOperatorKey(null)).toBeNull();
  });
});
