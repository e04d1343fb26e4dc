import { loginSchema, registerSchema } from './auth';

const valid = {
  email: 'Lan.Nguyen@Vien.VN ',
  password: 'MatKhau2026',
  name: 'Nguyễn Thị Lan',
  organization: { name: 'Viện Thủy sản', type: 'research_institute', province: 'CTO' },
};

/** The message key zod reports for one field of an otherwise valid input. */
function messageFor(input: unknown, field: string): string | undefined {
  const result = registerSchema.safeParse(input);
  if (result.success) return undefined;
  return result.error.issues.find((i) => i.path.join('.') === field)?.message;
}

describe('registerSchema', () => {
  it('accepts a valid registration and normalises the email', () => {
    const parsed = registerSchema.parse(valid);
    expect(parsed.email).toBe('lan.nguyen@vien.vn');
  });
  it.each([
    ['email', { ...valid, email: 'lan@' }, 'email'],
    ['email', { ...valid, email: undefined }, 'required'],
    ['password', { ...valid, password: 'Ngan1' }, 'password_short'],
    ['password', { ...valid, password: 'chikhongcoso' }, 'password_weak'],
    ['password', { ...valid, password: `A1${'x'.repeat(200)}` }, 'password_long'],
    ['name', { ...valid, name: ' ' }, 'name_required'],
    ['organization.name', { ...valid, organization: { ...valid.organization, name: 'X' } }, 'org_name_required'],
    ['organization.type', { ...valid, organization: { ...valid.organization, type: 'bank' } }, 'org_type'],
    ['organization.province', { ...valid, organization: { ...valid.organization, province: 'Hà Tây' } }, 'province'],
  ])('rejects a bad %s with its own message', (field, input, key) => {
    expect(messageFor(input, field)).toBe(key);
  });
  it('rejects unknown fields', () => {
    const result = registerSchema.safeParse({ ...valid, role: 'admin' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].code).toBe('unrecognized_keys');
  });
});

describe('loginSchema', () => {
  it('rejects a non-string email (operator objects included)', () => {
    const result = loginSchema.safeParse({ email: { $gt: '' }, password: 'x' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(['email']);
  });
});
