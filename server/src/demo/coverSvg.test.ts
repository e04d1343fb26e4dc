import sharp from 'sharp';
import { COVER_HEIGHT, COVER_WIDTH, coverFamily, coverSvg, wrapTitle } from './coverSvg';

describe('demo cover SVG', () => {
  const input = {
    title: 'Công nghệ nuôi tôm thẻ chân trắng tuần hoàn khép kín tiết kiệm nước cho hộ nuôi quy mô nhỏ',
    organizationName: 'Viện Nghiên cứu <Nuôi trồng> Thủy sản & Đối tác',
    sectors: ['aquaculture'],
  };

  it('wraps a title in at most three lines, ending with an ellipsis when it is cut', () => {
    const lines = wrapTitle(input.title);
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(24);
    expect(lines[2].endsWith('…')).toBe(true);
    expect(wrapTitle('Máy sấy nông sản')).toEqual(['Máy sấy nông sản']);
    expect(wrapTitle('Hệ thống giám sát chất lượng nước ao nuôi')).toEqual([
      'Hệ thống giám sát chất',
      'lượng nước ao nuôi',
    ]);
    expect(wrapTitle('x'.repeat(60))[0]).toHaveLength(24);
  });

  it('picks the colours and pictogram of the first known sector family', () => {
    expect(coverFamily(['unknown', 'software'])).toBe('digital');
    expect(coverFamily(['crops'])).toBe('agri');
    expect(coverFamily([])).toBe('service');
    expect(coverSvg({ ...input, sectors: ['software'] })).not.toBe(coverSvg(input));
  });

  it('is deterministic, escapes text, and renders to a 1200 × 800 picture', async () => {
    const svg = coverSvg(input);
    expect(coverSvg(input)).toBe(svg);
    expect(svg).toContain('&lt;Nuôi trồng&gt; Thủy sản &amp; Đối tác');
    expect(svg).not.toContain('<Nuôi');
    expect(svg).toContain('Công nghệ nuôi tôm thẻ');
    const meta = await sharp(Buffer.from(svg)).metadata();
    expect(meta).toMatchObject({ format: 'svg', width: COVER_WIDTH, height: COVER_HEIGHT });
    const { info } = await sharp(Buffer.from(svg)).webp().toBuffer({ resolveWithObject: true });
    expect(info).toMatchObject({ width: 1200, height: 800 });
  });
});
