import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';
import '../../i18n';
import { useState } from 'react';
import { ProvincePicker } from './ProvincePicker';

function Harness({ onChange, emptyLabel }: { onChange?: (code: string) => void; emptyLabel?: string }) {
  const [value, setValue] = useState('');
  return (
    <form onSubmit={() => onChange?.('SUBMITTED')}>
      <label htmlFor="p">Tỉnh/thành phố</label>
      <ProvincePicker
        id="p"
        value={value}
        emptyLabel={emptyLabel}
        onChange={(code) => {
          setValue(code);
          onChange?.(code);
        }}
      />
      <span data-testid="value">{value}</span>
    </form>
  );
}

const box = () => screen.getByRole('combobox', { name: 'Tỉnh/thành phố' }) as HTMLInputElement;

describe('ProvincePicker', () => {
  it('offers Bắc Ninh for the pre-2025 name Bắc Giang and says where it belongs now', () => {
    render(<Harness />);
    fireEvent.change(box(), { target: { value: 'Bắc Giang' } });
    const option = screen.getByRole('option', { name: /Bắc Ninh/ });
    expect(option.textContent).toContain('gồm Bắc Giang cũ');
    fireEvent.mouseDown(option);
    expect(screen.getByTestId('value').textContent).toBe('BNH');
    expect(box().value).toBe('Bắc Ninh');
    expect(screen.getByRole('status').textContent).toBe('Bắc Giang nay thuộc tỉnh Bắc Ninh.');
    expect(box().getAttribute('aria-describedby')).toBeTruthy();
  });

  it('accepts a whole legacy name typed without diacritics, and Enter chooses without sending the form', () => {
    const onChange = jest.fn();
    render(<Harness onChange={onChange} />);
    fireEvent.change(box(), { target: { value: 'ba ria vung tau' } });
    expect(fireEvent.keyDown(box(), { key: 'Enter' })).toBe(false);
    expect(onChange).toHaveBeenCalledWith('HCM');
    expect(onChange).not.toHaveBeenCalledWith('SUBMITTED');
    expect(screen.getByRole('status').textContent).toBe('Bà Rịa - Vũng Tàu nay thuộc thành phố Hồ Chí Minh.');
  });

  it('chooses with the arrow keys and goes back to the choice when the text matches nothing', () => {
    render(<Harness />);
    fireEvent.change(box(), { target: { value: 'cần' } });
    fireEvent.keyDown(box(), { key: 'ArrowDown' });
    expect(screen.getAllByRole('option').length).toBeGreaterThan(0);
    fireEvent.change(box(), { target: { value: 'Cần Thơ' } });
    fireEvent.keyDown(box(), { key: 'Enter' });
    expect(screen.getByTestId('value').textContent).toBe('CTO');
    expect(screen.getByRole('status').textContent).toBe('');
    fireEvent.change(box(), { target: { value: 'Atlantis' } });
    expect(screen.getByText('Không có tỉnh/thành nào khớp')).toBeTruthy();
    fireEvent.blur(box());
    expect(box().value).toBe('Cần Thơ');
    expect(screen.getByTestId('value').textContent).toBe('CTO');
  });

  it('in a filter, an empty box means any province', () => {
    render(<Harness emptyLabel="Mọi tỉnh/thành" />);
    fireEvent.change(box(), { target: { value: 'Huế' } });
    fireEvent.keyDown(box(), { key: 'Enter' });
    expect(screen.getByTestId('value').textContent).toBe('HUE');
    fireEvent.click(box());
    fireEvent.mouseDown(screen.getByRole('option', { name: 'Mọi tỉnh/thành' }));
    expect(screen.getByTestId('value').textContent).toBe('');
    expect(box().value).toBe('');
  });
});
