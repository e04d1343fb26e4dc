import { hash } from '@node-rs/argon2';
import { hashPassword, options, verifyPassword } from './passwords';

describe('passwords', () => {
  it('hash with argon2id at 7 MiB and 5 passes, and verify only the right password', async () => {
    const stored = await hashPassword('TechBridge@2026');
    expect(stored.startsWith('$argon2id$v=19$m=7168,t=5,p=1$')).toBe(true);
    await expect(verifyPassword(stored, 'TechBridge@2026')).resolves.toBe(true);
    await expect(verifyPassword(stored, 'TechBridge@2027')).resolves.toBe(false);
  });

  it('verify hashes stored with the earlier settings (19 MiB, 2 passes)', async () => {
    const older = await hash('MậtKhẩu cũ 2025', { ...options, memoryCost: 19_456, timeCost: 2 });
    expect(older.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
    await expect(verifyPassword(older, 'MậtKhẩu cũ 2025')).resolves.toBe(true);
    await expect(verifyPassword(older, 'MatKhau cu 2025')).resolves.toBe(false);
  });

  it('answer false for a stored value that is not a hash', async () => {
    await expect(verifyPassword('not-a-hash', 'x')).resolves.toBe(false);
  });
});
