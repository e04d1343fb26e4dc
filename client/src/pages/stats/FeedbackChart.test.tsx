import { describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import i18n from '../../i18n';
import { renderWithProviders } from '../../test/render';
import { FeedbackChart } from './FeedbackChart';

/** Each bar's label and value as drawn in the SVG, top to bottom. */
function bars(svg: Element) {
  return [...svg.querySelectorAll('g')].map((g) => ({
    label: g.querySelector('.chart__label')?.textContent,
    value: g.querySelector('.chart__value')?.textContent,
    width: Number(g.querySelector('.chart__bar')?.getAttribute('width')),
  }));
}

describe('stats: why matches were dismissed', () => {
  it('draws one bar per reason, most frequent first, widths by count', () => {
    renderWithProviders(<FeedbackChart feedback={{ price: 6, location: 3, wrong_technology: 1 }} />);
    const chart = screen.getByRole('img', { name: 'Lý do “Không phù hợp”' });
    const drawn = bars(chart);
    expect(drawn.map((b) => [b.label, b.value])).toEqual([
      ['Giá', '6'],
      ['Địa điểm', '3'],
      ['Sai công nghệ', '1'],
      ['Sai lĩnh vực', '0'],
      ['TRL quá thấp', '0'],
      ['Lý do khác', '0'],
    ]);
    const [price, location, technology, sector] = drawn;
    expect(price?.width).toBeGreaterThan(0);
    expect(location?.width).toBeCloseTo((price?.width ?? 0) / 2);
    expect(technology?.width).toBeCloseTo((price?.width ?? 0) / 6);
    expect(sector?.width).toBe(0);
    expect(chart.querySelector('desc')?.textContent).toBe('10 lần đánh dấu không phù hợp có lý do, nhiều nhất: Giá.');
    // The same numbers as a table for screen readers.
    const table = screen.getByRole('table', { name: 'Lý do “Không phù hợp”' });
    expect(within(table).getByRole('rowheader', { name: 'Giá' }).nextElementSibling?.textContent).toBe('6');
  });

  it('shows an empty state, not an empty chart, when no reason was given', () => {
    renderWithProviders(<FeedbackChart feedback={{}} />);
    expect(screen.getByText('Lý do “Không phù hợp”')).toBeTruthy();
    expect(screen.getByText('Chưa có gợi ý nào bị đánh dấu không phù hợp kèm lý do trong phạm vi này.')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('copes with statistics from a server that has no feedback counts yet', () => {
    renderWithProviders(<FeedbackChart feedback={undefined} />);
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('speaks English too', async () => {
    await i18n.changeLanguage('en');
    try {
      renderWithProviders(<FeedbackChart feedback={{ trl_too_low: 1 }} />);
      const chart = screen.getByRole('img', { name: 'Why matches were dismissed' });
      expect(bars(chart)[0]?.label).toBe('TRL too low');
      expect(chart.querySelector('desc')?.textContent).toBe('1 match dismissed with a reason: TRL too low.');
    } finally {
      await i18n.changeLanguage('vi');
    }
  });
});
