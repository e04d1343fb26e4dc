import { describe, expect, it } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';
import { act, useState } from 'react';
import i18n from '../../i18n';
import { DateField, formatDateInput, parseDateInput } from './DateField';

function Harness({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <label htmlFor="d">Hạn chót</label>
      <DateField id="d" value={value} onChange={setValue} />
      <span data-testid="iso">{value}</span>
    </>
  );
}

describe('DateField', () => {
  it('formats and parses dd/mm/yyyy in Vietnamese and in English', () => {
    expect(formatDateInput('2026-03-09', 'vi')).toBe('09/03/2026');
    expect(formatDateInput('2026-03-09', 'en')).toBe('09/03/2026');
    expect(parseDateInput('9/3/2026', 'vi')).toBe('2026-03-09');
    expect(parseDateInput('09.03.2026', 'vi')).toBe('2026-03-09');
    expect(parseDateInput('09032026', 'vi')).toBe('2026-03-09');
    expect(parseDateInput('31/02/2026', 'vi')).toBeNull();
    expect(parseDateInput('03/31/2026', 'vi')).toBeNull(); // not month-first
  });

  it('shows the stored ISO date as dd/mm/yyyy and stores what is typed as ISO', () => {
    render(<Harness initial="2026-12-31" />);
    const box = screen.getByLabelText('Hạn chót') as HTMLInputElement;
    expect(box.value).toBe('31/12/2026');
    expect(box.placeholder).toBe('dd/mm/yyyy');
    fireEvent.change(box, { target: { value: '1/7/2027' } });
    fireEvent.blur(box);
    expect(screen.getByTestId('iso').textContent).toBe('2027-07-01');
    expect(box.value).toBe('01/07/2027');
  });

  it('refuses a date that does not exist and keeps the last good value', () => {
    render(<Harness initial="2026-12-31" />);
    const box = screen.getByLabelText('Hạn chót') as HTMLInputElement;
    fireEvent.change(box, { target: { value: '30/02/2027' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(screen.getByRole('alert').textContent).toContain('dd/mm/yyyy');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('iso').textContent).toBe('2026-12-31');
  });

  it('follows the interface language', async () => {
    render(<Harness initial="2026-03-09" />);
    await act(async () => {
      await i18n.changeLanguage('en');
    });
    expect((screen.getByLabelText('Hạn chót') as HTMLInputElement).value).toBe('09/03/2026');
    await act(async () => {
      await i18n.changeLanguage('vi');
    });
  });
});
