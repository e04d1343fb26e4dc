import { describe, expect, it } from '@jest/globals';
import { emptyRegisterValues, setRegisterValue, validateRegister } from './registerForm';

const valid = {
  name: 'PGS. Lê Thu Hà',
  email: 'ha@example.vn',
  password: 'MatKhau2026',
  organization: { name: 'Trường Đại học Kỹ thuật', type: 'university', province: 'HCM' },
};

describe('register form', () => {
  it('sets nested organisation fields without touching the others', () => {
    let values = emptyRegisterValues('enterprise');
    values = setRegisterValue(values, 'organization.name', 'Viện Thủy sản');
    values = setRegisterValue(values, 'organization.province', 'CTO');
    values = setRegisterValue(values, 'email', 'a@b.vn');
    expect(values).toEqual({
      name: '',
      email: 'a@b.vn',
      password: '',
      organization: { name: 'Viện Thủy sản', type: 'enterprise', province: 'CTO' },
    });
  });

  it('accepts a complete registration', () => {
    expect(validateRegister(valid).ok).toBe(true);
  });

  it('reports a select left on its placeholder as "required", not as an unknown value', () => {
    const result = validateRegister({ ...valid, organization: { name: 'Trường ĐH', type: '', province: '' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors['organization.type']).toBe('required');
    expect(result.errors['organization.province']).toBe('required');
  });

  it('keeps the schema’s message for a value that is not in the list', () => {
    const result = validateRegister({ ...valid, organization: { ...valid.organization, type: 'club' } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors['organization.type']).not.toBe('required');
  });
});
