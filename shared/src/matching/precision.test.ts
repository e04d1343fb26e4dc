import { combineTunings, FEEDBACK_REPEAT, tuningFrom } from './feedback';
import {
  type DemandForMatch,
  demandTerms,
  MATCH_STRONG,
  MATCH_THRESHOLD,
  type MatchReason,
  type OfferForMatch,
  scoreMatch,
} from './score';
import { sectorRelation } from './sectors';

const offer = (patch: Partial<OfferForMatch>): OfferForMatch => ({
  title: '',
  summary: '',
  keywords: [],
  sectors: ['food_processing'],
  trl: 7,
  province: 'TNG',
  transferModes: ['turnkey'],
  price: { min: 500_000_000 },
  ...patch,
});
const demand = (patch: Partial<DemandForMatch>): DemandForMatch => ({
  title: '',
  problem: '',
  keywords: [],
  sectors: ['food_processing'],
  trlMin: 6,
  province: 'TNG',
  transferModes: ['turnkey'],
  budget: { max: 1_000_000_000 },
  ...patch,
});
const terms = (reasons: MatchReason[]) => (reasons.find((r) => r.kind === 'terms') as { terms: string[] }).terms;

describe('matching precision', () => {
  const teaDryer = offer({
    title: 'Dây chuyền chế biến chè xanh',
    summary: 'Máy vò và máy sấy chè búp cho hợp tác xã.',
    keywords: ['chè xanh'],
  });

  it('does not take a word for another that differs only by its marks (chè / chế)', () => {
    const seafood = offer({
      title: 'Dây chuyền chế biến cá tra phi lê',
      summary: 'Chế biến thủy sản đông lạnh xuất khẩu.',
      sectors: ['food_processing', 'aquaculture'],
    });
    const teaDemand = demand({
      title: 'Cần công nghệ sao chè Thái Nguyên',
      problem: 'Hợp tác xã chè cần máy sao chè.',
    });
    expect(scoreMatch(teaDryer, teaDemand).eligible).toBe(true);
    expect(scoreMatch(seafood, teaDemand).score).toBeLessThan(MATCH_THRESHOLD);
  });

  it('needs a shared concept or compound, never a lone syllable', () => {
    // "máy" and "sấy"-less: a peeling machine for a dryer demand shares only generic words.
    const peeler = offer({ title: 'Máy bóc vỏ hạt điều tự động', summary: 'Bóc vỏ hạt điều 500 kg mỗi giờ.' });
    const dryer = demand({ title: 'Cần máy sấy nông sản', problem: 'Sấy xoài và chuối cho hộ gia đình.' });
    const result = scoreMatch(peeler, dryer);
    expect(result.eligible).toBe(false);
    expect(result.score).toBeLessThan(MATCH_THRESHOLD);
    expect(terms(result.reasons)).toEqual([]);
  });

  it('keeps compounds apart: fly ash bricks are not drones', () => {
    const brick = offer({
      title: 'Gạch không nung từ tro bay',
      summary: 'Tận dụng tro bay nhiệt điện làm gạch.',
      sectors: ['materials'],
    });
    const drone = offer({
      title: 'Thiết bị bay UAV phun thuốc',
      summary: 'Drone phun thuốc bảo vệ thực vật.',
      sectors: ['automation', 'crops'],
    });
    const need = demand({
      title: 'Cần máy bay không người lái phun thuốc lúa',
      problem: 'Hợp tác xã cần máy bay không người lái.',
      sectors: ['crops'],
    });
    expect(scoreMatch(brick, need).score).toBeLessThan(MATCH_THRESHOLD);
    const fit = scoreMatch(drone, need);
    expect(fit.score).toBeGreaterThanOrEqual(MATCH_STRONG);
    expect(terms(fit.reasons)[0]).toBe('máy bay không người lái');
  });

  it('matches an English offer with a Vietnamese demand and names the concept both ways', () => {
    const english = offer({
      title: 'Tea processing line with heat-pump dryer',
      summary: 'Withering, rolling and drying of green tea for cooperatives.',
      keywords: ['tea processing'],
    });
    const need = demand({ title: 'Cần dây chuyền chế biến chè', problem: 'Sấy chè bằng bơm nhiệt.' });
    const result = scoreMatch(english, need);
    expect(result.score).toBeGreaterThanOrEqual(MATCH_STRONG);
    const reason = result.reasons.find((r) => r.kind === 'terms') as { terms: string[]; english: (string | null)[] };
    expect(reason.terms).toEqual(expect.arrayContaining(['chế biến chè', 'bơm nhiệt']));
    expect(reason.english[reason.terms.indexOf('bơm nhiệt')]).toBe('heat pump');
  });

  it('reads an offer’s translation too', () => {
    const translated = offer({
      title: 'Máy sao chè',
      summary: 'Sao chè bằng nhiệt.',
      translation: { title: 'Tea roaster', summary: 'Roasting tea leaves with heat pumps.' },
    });
    const need = demand({ title: 'Need a heat pump for tea', problem: 'heat pump roasting', keywords: [] });
    expect(terms(scoreMatch(translated, need).reasons)).toContain('heat pump');
  });

  it('names shared phrases once, as written in the demand, merged where adjacent', () => {
    const sludge = offer({
      title: 'Xử lý nước thải bằng bùn hạt hiếu khí',
      summary: 'Công nghệ bùn hạt hiếu khí cho nước thải.',
      keywords: ['bùn hạt hiếu khí'],
      sectors: ['environment'],
    });
    const need = demand({
      title: 'Cần công nghệ bùn hạt hiếu khí',
      problem: 'Nhà máy cần xử lý nước thải; ưu tiên bùn hạt hiếu khí.',
      keywords: ['Bùn hạt hiếu khí'],
      sectors: ['environment'],
    });
    const shared = terms(scoreMatch(sludge, need).reasons);
    expect(shared).toContain('bùn hạt hiếu khí');
    expect(new Set(shared.map((t) => t.toLowerCase())).size).toBe(shared.length);
    expect(shared.every((t) => !/^[a-z ]+$/.test(t) || t === t.normalize('NFC'))).toBe(true);
  });

  it('leaves province names to the location reason', () => {
    const keys = [...demandTerms(demand({ title: 'Cần máy sao chè Thái Nguyên' })).values()].map((t) => t.surface);
    expect(keys.join(' ')).not.toMatch(/Nguyên/);
  });

  it('needs compatible sectors', () => {
    expect(sectorRelation(['health', 'ai_data'], ['textiles'])).toBe('related'); // AI serves every field
    expect(sectorRelation(['health'], ['textiles'])).toBe('none');
    expect(sectorRelation(['mechanical'], ['food_processing'])).toBe('related');
    const xray = offer({ title: 'Máy sấy X-quang', summary: 'Máy sấy phim X-quang', sectors: ['health'] });
    const fabric = demand({ title: 'Cần máy sấy vải', problem: 'Máy sấy vải sau nhuộm', sectors: ['textiles'] });
    expect(scoreMatch(xray, fabric).eligible).toBe(false);
  });
});

describe('feedback tuning', () => {
  const base = offer({
    title: 'Máy sấy nông sản bằng bơm nhiệt',
    summary: 'Máy sấy xoài, chuối.',
    sectors: ['mechanical'],
    trl: 6,
    province: 'HN',
    price: { min: 1_200_000_000 },
  });
  const need = demand({
    title: 'Cần máy sấy xoài',
    problem: 'Sấy xoài xuất khẩu.',
    sectors: ['food_processing'],
    trlMin: 6,
    province: 'CTO',
    budget: { max: 1_000_000_000 },
  });
  const tuned = (reason: Parameters<typeof tuningFrom>[0]) => scoreMatch(base, need, tuningFrom(reason));

  it('changes nothing before a reason is repeated', () => {
    expect(tuningFrom({ wrong_sector: FEEDBACK_REPEAT - 1 }).adjustments).toEqual([]);
    expect(tuned({ wrong_sector: FEEDBACK_REPEAT - 1 })).toEqual(scoreMatch(base, need));
  });
  it('wrong_sector: neighbouring sectors no longer qualify', () => {
    expect(scoreMatch(base, need).eligible).toBe(true);
    const result = tuned({ wrong_sector: FEEDBACK_REPEAT });
    expect(result.eligible).toBe(false);
    expect(result.reasons.at(-1)).toMatchObject({ kind: 'feedback', adjustments: ['wrong_sector'] });
  });
  it('wrong_technology: one shared term is not enough', () => {
    const single = demand({ title: 'Cần máy sấy', problem: 'Cho hộ gia đình.', sectors: ['food_processing'] });
    expect(scoreMatch(base, single).eligible).toBe(true);
    const result = scoreMatch(base, single, tuningFrom({ wrong_technology: FEEDBACK_REPEAT }));
    expect(result.eligible).toBe(false);
    expect(result.reasons.at(-1)).toMatchObject({ kind: 'feedback', adjustments: ['wrong_technology'] });
  });
  it('trl_too_low, price and location lower the score', () => {
    const plain = scoreMatch(base, need).score;
    for (const reason of ['trl_too_low', 'price', 'location'] as const)
      expect([reason, tuned({ [reason]: FEEDBACK_REPEAT }).score < plain]).toEqual([reason, true]);
    expect(tuned({ other: 10 }).score).toBe(plain);
  });
  it('applies the rules of both organisations', () => {
    expect(combineTunings(tuningFrom({ price: 3 }), tuningFrom({ location: 5 })).adjustments).toEqual([
      'price',
      'location',
    ]);
  });
});
