import type { z } from 'zod';
import {
  demandCreateSchema,
  demandUpdateSchema,
  offerCreateSchema,
  offerUpdateSchema,
  rejectSchema,
  searchQuerySchema,
} from './listings';

const offer = {
  title: 'Quy trình nuôi tôm tuần hoàn',
  summary: 'Công nghệ RAS giảm 70% lượng nước thay cho ao nuôi tôm thẻ.',
  sectors: ['aquaculture'],
  trl: 7,
  province: 'CTO',
  transferModes: ['license_non_exclusive'],
  ip: { type: 'patent', status: 'granted' },
};
const demand = {
  title: 'Cần xử lý nước thải',
  problem: 'Nhà máy cần hệ thống xử lý nước thải 500 m3/ngày đạt chuẩn.',
  sectors: ['environment'],
  province: 'AGG',
  transferModes: ['turnkey'],
};

/** The message key reported for `field` when parsing `input`. */
function messageFor(schema: z.ZodType, input: unknown, field: string): string | undefined {
  const result = schema.safeParse(input);
  if (result.success) return undefined;
  return result.error.issues.find((i) => i.path.join('.') === field)?.message;
}

describe('offerCreateSchema', () => {
  it('accepts a minimal valid offer and fills defaults', () => {
    const parsed = offerCreateSchema.parse(offer);
    expect(parsed.price).toEqual({ currency: 'VND', negotiable: true });
    expect(parsed.keywords).toEqual([]);
    expect(parsed.confidential).toEqual({});
  });
  it.each([
    ['title', { title: 'abc' }, 'too_short'],
    ['title', { title: 'x'.repeat(201) }, 'too_long'],
    ['summary', { summary: undefined }, 'required'],
    ['summary', { summary: 'ngắn quá' }, 'too_short'],
    ['description', { description: 'x'.repeat(20_001) }, 'too_long'],
    ['sectors', { sectors: [] }, 'at_least_one'],
    ['sectors.0', { sectors: ['astrology'] }, 'sector'],
    ['sectors', { sectors: ['crops', 'forestry', 'water', 'energy', 'biotech', 'livestock'] }, 'too_many'],
    ['keywords.0', { keywords: ['   '] }, 'keyword'],
    ['trl', { trl: 0 }, 'trl'],
    ['trl', { trl: 7.5 }, 'trl'],
    ['trl', { trl: '7' }, 'trl'],
    ['province', { province: 'Hà Tây' }, 'province'],
    ['transferModes', { transferModes: [] }, 'at_least_one'],
    ['transferModes.0', { transferModes: ['gift'] }, 'transfer_mode'],
    ['ip.type', { ip: { type: 'poem', status: 'granted' } }, 'ip_type'],
    ['ip.status', { ip: { type: 'patent', status: 'maybe' } }, 'ip_status'],
    ['price.min', { price: { min: 10, max: 5 } }, 'price_range'],
    ['price.min', { price: { min: -1 } }, 'positive'],
    ['price.currency', { price: { currency: 'BTC' } }, 'currency'],
    ['applications.0', { applications: ['x'] }, 'too_short'],
    ['confidential.details', { confidential: { details: 'x'.repeat(20_001) } }, 'too_long'],
  ])('rejects a bad %s with its own message', (field, patch, key) => {
    expect(messageFor(offerCreateSchema, { ...offer, ...patch }, field)).toBe(key);
  });
  it('rejects unknown fields such as a status the client tries to set', () => {
    const result = offerCreateSchema.safeParse({ ...offer, status: 'published' });
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['status'] });
  });
});

describe('offerUpdateSchema', () => {
  it('accepts a partial change without re-applying defaults', () => {
    expect(offerUpdateSchema.parse({ title: 'Tên mới cho công nghệ' })).toEqual({ title: 'Tên mới cho công nghệ' });
  });
  it('still validates the fields it is given', () => {
    expect(messageFor(offerUpdateSchema, { trl: 10 }, 'trl')).toBe('trl');
  });
});

describe('demandCreateSchema', () => {
  it('accepts a minimal valid demand', () => {
    expect(demandCreateSchema.parse(demand).budget).toEqual({ currency: 'VND' });
  });
  it.each([
    ['title', { title: '' }, 'too_short'],
    ['problem', { problem: 'ngắn' }, 'too_short'],
    ['requirements', { requirements: 'x'.repeat(5001) }, 'too_long'],
    ['sectors.0', { sectors: ['magic'] }, 'sector'],
    ['province', { province: 'ZZ' }, 'province'],
    ['trlMin', { trlMin: 10 }, 'trl'],
    ['budget.max', { budget: { max: -5 } }, 'positive'],
    ['deadline', { deadline: '31/12/2027' }, 'date'],
    ['transferModes', { transferModes: [] }, 'at_least_one'],
  ])('rejects a bad %s with its own message', (field, patch, key) => {
    expect(messageFor(demandCreateSchema, { ...demand, ...patch }, field)).toBe(key);
  });
  it('validates partial updates', () => {
    expect(messageFor(demandUpdateSchema, { deadline: 'soon' }, 'deadline')).toBe('date');
  });
});

describe('searchQuerySchema', () => {
  it('parses comma-separated lists and numbers from the query string', () => {
    const q = searchQuerySchema.parse({ q: ' nuoi tom ', sector: 'aquaculture,crops', trlMin: '5', page: '2' });
    expect(q).toMatchObject({
      q: 'nuoi tom',
      sector: ['aquaculture', 'crops'],
      trlMin: 5,
      page: 2,
      limit: 20,
      sort: 'relevance',
    });
  });
  it.each([
    ['sector.0', { sector: 'magic' }, 'sector'],
    ['trlMin', { trlMin: '0' }, 'trl'],
    ['type', { type: 'service' }, 'invalid_type'],
    ['limit', { limit: '1000' }, 'too_long'],
    ['page', { page: '0' }, 'number'],
    ['org', { org: 'nope' }, 'object_id'],
    ['q', { q: 'x'.repeat(201) }, 'too_long'],
  ])('rejects a bad %s with its own message', (field, input, key) => {
    expect(messageFor(searchQuerySchema, input, field)).toBe(key);
  });
});

describe('rejectSchema', () => {
  it('requires a reason of a few words', () => {
    expect(messageFor(rejectSchema, {}, 'reason')).toBe('required');
    expect(messageFor(rejectSchema, { reason: 'no' }, 'reason')).toBe('too_short');
    expect(rejectSchema.parse({ reason: 'Thiếu thông tin' }).reason).toBe('Thiếu thông tin');
  });
});
