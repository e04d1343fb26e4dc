import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import { renderWithProviders } from '../../test/render';
import { type Column, cellLabel, DataTable } from './DataTable';

interface Deal {
  id: string;
  title: string;
  stage: string;
  unread: number;
}

const deals: Deal[] = [
  { id: 'd1', title: 'Nuôi tôm tuần hoàn', stage: 'Đàm phán', unread: 2 },
  { id: 'd2', title: 'Sấy lạnh nông sản', stage: 'Ký kết', unread: 0 },
];

const columns: Column<Deal>[] = [
  { key: 'title', header: 'Tin đăng', rowHeader: true, className: 'data-table__title', cell: (d) => d.title },
  { key: 'stage', header: 'Giai đoạn', cell: (d) => d.stage },
  { key: 'unread', header: 'Chưa đọc', align: 'end', cell: (d) => String(d.unread) },
  { key: 'actions', header: 'Thao tác', headerHidden: true, cell: (d) => <button type="button">Mở {d.title}</button> },
];

describe('DataTable', () => {
  it('renders a named table with a column header per column and a row per item', () => {
    renderWithProviders(<DataTable label="Giao dịch" columns={columns} rows={deals} rowKey={(d) => d.id} />);
    const table = screen.getByRole('table', { name: 'Giao dịch' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Tin đăng', 'Giai đoạn', 'Chưa đọc', 'Thao tác']);
    // Header row + one row per item.
    expect(within(table).getAllByRole('row')).toHaveLength(3);
  });

  it('makes the row-header column a <th scope="row"> and labels the other cells for phones', () => {
    renderWithProviders(<DataTable label="Giao dịch" columns={columns} rows={deals} rowKey={(d) => d.id} />);
    const rowHeader = screen.getByRole('rowheader', { name: 'Nuôi tôm tuần hoàn' });
    expect(rowHeader.getAttribute('scope')).toBe('row');
    expect(rowHeader.className).toBe('data-table__title');
    const cells = within(rowHeader.closest('tr') as HTMLElement).getAllByRole('cell');
    expect(cells.map((td) => td.getAttribute('data-label'))).toEqual(['Giai đoạn', 'Chưa đọc', null]);
    expect(cells[1].className).toBe('data-table__cell--end');
  });

  it('keeps a hidden header for screen readers only', () => {
    renderWithProviders(<DataTable label="Giao dịch" columns={columns} rows={deals} rowKey={(d) => d.id} />);
    const header = screen.getByRole('columnheader', { name: 'Thao tác' });
    expect(header.querySelector('.visually-hidden')?.textContent).toBe('Thao tác');
  });

  it('names the table by its caption when given one', () => {
    renderWithProviders(
      <DataTable caption="3 lỗi" className="import-problems" columns={columns} rows={deals} rowKey={(d) => d.id} />,
    );
    const table = screen.getByRole('table', { name: '3 lỗi' });
    expect(table.className).toBe('data-table import-problems');
    expect(table.querySelector('caption')?.className).toBe('data-table__caption');
    expect(table.hasAttribute('aria-label')).toBe(false);
  });

  it('applies per-row classes and keeps rows in order', () => {
    renderWithProviders(
      <DataTable
        label="Giao dịch"
        columns={columns}
        rows={deals}
        rowKey={(d) => d.id}
        rowClassName={(d) => (d.unread > 0 ? 'is-unread' : undefined)}
      />,
    );
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((tr) => tr.className)).toEqual(['is-unread', '']);
    expect(rows.map((tr) => within(tr).getByRole('rowheader').textContent)).toEqual([
      'Nuôi tôm tuần hoàn',
      'Sấy lạnh nông sản',
    ]);
  });

  it('shows the empty message instead of a table when there are no rows', () => {
    renderWithProviders(
      <DataTable label="Giao dịch" columns={columns} rows={[]} rowKey={(d) => d.id} empty={<p>Chưa có giao dịch</p>} />,
    );
    expect(screen.getByText('Chưa có giao dịch')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('sits in a scroll wrapper that is not a tab stop while the table fits', () => {
    const { container } = renderWithProviders(
      <DataTable label="Giao dịch" columns={columns} rows={deals} rowKey={(d) => d.id} />,
    );
    const wrapper = container.querySelector('.data-table-scroll');
    expect(wrapper?.firstElementChild?.tagName).toBe('TABLE');
    // jsdom lays nothing out, so nothing overflows: no extra tab stop, no region.
    expect(wrapper?.hasAttribute('tabindex')).toBe(false);
    expect(wrapper?.getAttribute('role')).toBeNull();
  });

  describe('when the table is wider than its wrapper', () => {
    const width = (wide: number) => ({
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('data-table-scroll') ? wide : 0;
      },
    });
    beforeEach(() => {
      Object.defineProperty(HTMLElement.prototype, 'scrollWidth', width(900));
      Object.defineProperty(HTMLElement.prototype, 'clientWidth', width(300));
    });
    afterEach(() => {
      delete (HTMLElement.prototype as { scrollWidth?: number }).scrollWidth;
      delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
    });

    it('makes the wrapper a named, focusable region so keyboard users can scroll it', () => {
      renderWithProviders(<DataTable label="Giao dịch" columns={columns} rows={deals} rowKey={(d) => d.id} />);
      const region = screen.getByRole('region', { name: 'Giao dịch' });
      expect(region.className).toBe('data-table-scroll');
      expect(region.getAttribute('tabindex')).toBe('0');
    });

    it('names the region by the caption when there is one', () => {
      renderWithProviders(<DataTable caption="Lỗi nhập" columns={columns} rows={deals} rowKey={(d) => d.id} />);
      expect(screen.getByRole('region', { name: 'Lỗi nhập' }).getAttribute('aria-labelledby')).toBe(
        screen.getByRole('table').querySelector('caption')?.id,
      );
    });
  });
});

describe('cellLabel', () => {
  const base = { key: 'k', cell: () => null };
  it('uses the header text by default', () => {
    expect(cellLabel({ ...base, header: 'Trạng thái' })).toBe('Trạng thái');
  });
  it('has none for row headers, hidden headers, non-text headers or when turned off', () => {
    expect(cellLabel({ ...base, header: 'Tên', rowHeader: true })).toBeUndefined();
    expect(cellLabel({ ...base, header: 'Thao tác', headerHidden: true })).toBeUndefined();
    expect(cellLabel({ ...base, header: <b>Tên</b> })).toBeUndefined();
    expect(cellLabel({ ...base, header: 'Cột', label: false })).toBeUndefined();
  });
  it('prefers an explicit label', () => {
    expect(cellLabel({ ...base, header: <b>Tên</b>, label: 'Tên' })).toBe('Tên');
  });
});
