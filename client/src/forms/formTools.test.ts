import { describe, expect, it } from '@jest/globals';
import { registerSchema } from '@techbridge/shared';
import { amountText, changedKeys, listItem, parseAmount, requireFilled, toFieldErrors } from './formTools';
import { validate } from './validate';

describe('toFieldErrors', () => {
  const fields = ['title', 'sectors', 'ip.type', 'ip.status', 'price.min'];

  it('maps list item paths to the list and aliases to their field', () => {
    expect(toFieldErrors({ 'sectors.2': 'sector', price: 'price_range' }, fields, { price: 'price.min' })).toEqual({
      sectors: 'sector',
      'price.min': 'price_range',
    });
  });

  it('sends an object path to its first field, and unknown paths to "_form"', () => {
    expect(toFieldErrors({ ip: 'required', other: 'x' }, fields)).toEqual({ 'ip.type': 'required', _form: 'x' });
  });

  it('keeps the first message per field', () => {
    expect(toFieldErrors({ 'sectors.0': 'first', 'sectors.1': 'second' }, fields)).toEqual({ sectors: 'first' });
  });
});

describe('amounts', () => {
  it.each([
    ['1.200.000', 1_200_000],
    ['1 200 000', 1_200_000],
    ['1,200,000', 1_200_000],
    [' 500 ', 500],
  ])('reads %p as %p', (text, value) => {
    expect(parseAmount(text)).toBe(value);
  });

  it('is undefined when blank and NaN when not a whole number', () => {
    expect(parseAmount('   ')).toBeUndefined();
    expect(parseAmount('12abc')).toBeNaN();
    expect(parseAmount('-5')).toBeNaN();
  });

  it('writes amounts with Vietnamese thousands separators, blank for none', () => {
    expect(amountText(1_200_000_000)).toBe('1.200.000.000');
    expect(amountText(0)).toBe('0');
    expect(amountText(undefined)).toBe('');
  });
});

describe('changedKeys', () => {
  it('keeps the top-level keys whose value differs, comparing deeply', () => {
    const before = { title: 'A', price: { min: 1, max: 2 }, sectors: ['crops'] };
    const after = { title: 'A', price: { min: 1, max: 3 }, sectors: ['crops'] };
    expect(changedKeys(after, before)).toEqual({ price: { min: 1, max: 3 } });
    expect(changedKeys(before, { ...before })).toEqual({});
  });
});

describe('requireFilled', () => {
  it('turns errors of blank fields into "required" and leaves others', () => {
    expect(
      requireFilled(
        { title: 'too_short', summary: 'too_short', trl: 'trl' },
        { title: '  ', summary: 'abc', trl: '' },
        ['title', 'summary'],
      ),
    ).toEqual({ title: 'required', summary: 'too_short', trl: 'trl' });
  });
});

describe('listItem', () => {
  it('gives each item a new id', () => {
    const a = listItem('x');
    const b = listItem();
    expect(a.text).toBe('x');
    expect(b.text).toBe('');
    expect(b.id).toBeGreaterThan(a.id);
  });
});

describe('validate', () => {
  it('returns the parsed data when valid', () => {
    const result = validate(registerSchema, {
      name: 'Lê Thu Hà',
      email: 'HA@Example.vn',
      password: 'MatKhau2026',
      organization: { name: 'Trường Đại học Kỹ thuật', type: 'university', province: 'HCM' },
    });
    expect(result.ok).toBe(true);
  });

  it('flattens issues by dotted path, first issue per path, messages as keys', () => {
    const result = validate(registerSchema, {
      name: '',
      email: 'not-an-email',
      password: 'x',
      organization: { name: 'T', type: 'club', province: 'XX' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual([
      'email',
      'name',
      'organization.name',
      'organization.province',
      'organization.type',
      'password',
    ]);
    for (const key of Object.values(result.errors)) expect(key).toMatch(/^[a-z_]+$/);
  });
});
