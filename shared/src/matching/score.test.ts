import { describeReason } from './describe';
import { type DemandForMatch, MATCH_THRESHOLD, type MatchReason, type OfferForMatch, scoreMatch } from './score';

const offer: OfferForMatch = {
  title: 'Hệ thống XLNT chế biến thủy sản bằng bùn hạt hiếu khí',
  summary: 'Công nghệ xử lý nước thải nhà máy chế biến cá tra đạt QCVN, giảm 40% diện tích bể.',
  keywords: ['nước thải', 'bùn hạt'],
  sectors: ['environment', 'aquaculture'],
  trl: 7,
  province: 'CTO',
  transferModes: ['turnkey', 'license_non_exclusive'],
  price: { min: 1_500_000_000, negotiable: false },
};
const demand: DemandForMatch = {
  title: 'Cần công nghệ xử lý nước thải chế biến thủy sản',
  problem: 'Nhà máy chế biến tôm cần hệ thống xử lý nước thải 500 m3/ngày.',
  keywords: ['xử lý nước thải'],
  sectors: ['environment'],
  trlMin: 6,
  province: 'AGG',
  transferModes: ['turnkey'],
  budget: { max: 2_000_000_000 },
};
const reason = <K extends MatchReason['kind']>(reasons: MatchReason[], kind: K) =>
  reasons.find((r) => r.kind === kind) as Extract<MatchReason, { kind: K }>;

describe('scoreMatch', () => {
  it('scores a genuine fit high and explains it', () => {
    const { score, reasons } = scoreMatch(offer, demand);
    expect(score).toBeGreaterThanOrEqual(80);
    expect(score).toBeLessThanOrEqual(100);
    // The shared concepts as the demand writes them, marks and all, each once.
    expect(reason(reasons, 'terms').terms).toEqual(['xử lý nước thải', 'chế biến thủy sản']);
    expect(reason(reasons, 'sectors').sectors).toEqual(['environment']);
    expect(reason(reasons, 'trl')).toMatchObject({ fit: 'meets', offerTrl: 7, trlMin: 6 });
    expect(reason(reasons, 'location').relation).toBe('same_region');
    expect(reason(reasons, 'budget').fit).toBe('within');
    expect(reason(reasons, 'transferModes').modes).toEqual(['turnkey']);
    // The weights of the reasons add up to the score.
    const sum = reasons.reduce((a, r) => a + r.weight, 0);
    expect(Math.abs(sum - score)).toBeLessThanOrEqual(1);
  });

  it('lets an abbreviation meet its expansion (XLNT ↔ xử lý nước thải)', () => {
    const abbreviated = { ...offer, title: 'Giải pháp XLNT', summary: 'Mô-đun XLNT dạng container.', keywords: [] };
    const { reasons } = scoreMatch(abbreviated, demand);
    expect(reason(reasons, 'terms').terms).toEqual(['xử lý nước thải']);
    expect(scoreMatch(abbreviated, demand).eligible).toBe(true);
  });

  it('falls below the threshold for an unrelated technology', () => {
    const unrelated: OfferForMatch = {
      ...offer,
      title: 'Phần mềm chấm công nhận diện khuôn mặt',
      summary: 'Ứng dụng camera AI chấm công cho văn phòng.',
      keywords: ['chấm công'],
      sectors: ['ict'],
      transferModes: ['license_non_exclusive'],
    };
    expect(scoreMatch(unrelated, demand).score).toBeLessThan(MATCH_THRESHOLD);
  });

  it('rates TRL, distance and budget by how far apart they are', () => {
    expect(reason(scoreMatch({ ...offer, trl: 5 }, demand).reasons, 'trl').fit).toBe('close');
    expect(reason(scoreMatch({ ...offer, trl: 3 }, demand).reasons, 'trl').fit).toBe('below');
    expect(scoreMatch({ ...offer, trl: 3 }, demand).score).toBeLessThan(scoreMatch(offer, demand).score);
    expect(reason(scoreMatch({ ...offer, province: 'AGG' }, demand).reasons, 'location').relation).toBe(
      'same_province',
    );
    expect(reason(scoreMatch({ ...offer, province: 'HN' }, demand).reasons, 'location').relation).toBe('other');
    expect(reason(scoreMatch({ ...offer, price: { min: 2_500_000_000 } }, demand).reasons, 'budget').fit).toBe('close');
    expect(reason(scoreMatch({ ...offer, price: { min: 9_000_000_000 } }, demand).reasons, 'budget').fit).toBe('over');
    expect(reason(scoreMatch({ ...offer, price: {} }, demand).reasons, 'budget').fit).toBe('unknown');
  });
});

describe('describeReason', () => {
  it('renders each reason as a sentence in Vietnamese and English', () => {
    const { reasons } = scoreMatch(offer, demand);
    expect(describeReason(reason(reasons, 'terms'), 'vi')).toBe(
      'Cả hai cùng đề cập đến “xử lý nước thải” và “chế biến thủy sản”.',
    );
    expect(describeReason(reason(reasons, 'terms'), 'en')).toBe(
      'Both listings mention wastewater treatment (“xử lý nước thải”) and seafood processing (“chế biến thủy sản”).',
    );
    expect(describeReason(reason(reasons, 'sectors'), 'vi')).toBe('Cùng lĩnh vực Môi trường & xử lý chất thải.');
    expect(describeReason(reason(reasons, 'sectors'), 'en')).toBe('Both are in Environment & waste treatment.');
    expect(describeReason(reason(reasons, 'trl'), 'vi')).toBe('TRL 7 đáp ứng yêu cầu tối thiểu 6.');
    expect(describeReason(reason(reasons, 'location'), 'en')).toBe('Same region: Cần Thơ and An Giang.');
    expect(describeReason(reason(reasons, 'budget'), 'vi')).toMatch(/^Giá từ 1\.500\.000\.000 ₫ nằm trong ngân sách/);
  });
});
