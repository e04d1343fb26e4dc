import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import '../../i18n';
import { ToastProvider } from './ToastProvider';
import { useToast } from './useToast';

let show: ReturnType<typeof useToast>['show'] = () => {};
function Grab() {
  show = useToast().show;
  return null;
}

describe('the toast stack', () => {
  it('keeps at most three, newest on top, each dismissable and all at once', () => {
    render(
      <ToastProvider>
        <Grab />
      </ToastProvider>,
    );
    act(() => {
      for (const n of [1, 2, 3, 4]) show({ title: `Thông báo ${n}` });
    });
    const region = screen.getByRole('region', { name: /Thông báo/ });
    const titles = within(region)
      .getAllByRole('listitem')
      .map((item) => item.querySelector('.toast__title')?.textContent);
    expect(titles).toEqual(['Thông báo 4', 'Thông báo 3', 'Thông báo 2']);
    fireEvent.click(within(region).getByRole('button', { name: /Thông báo 3/ }));
    expect(within(region).getAllByRole('listitem')).toHaveLength(2);
    fireEvent.click(within(region).getByRole('button', { name: 'Đóng tất cả (2)' }));
    expect(within(region).queryAllByRole('listitem')).toHaveLength(0);
  });
});
