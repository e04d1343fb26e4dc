import '../../test/dialogShim';
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { UseQueryResult } from '@tanstack/react-query';
import type { MatchDto } from '@techbridge/shared';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { dismissMatch, markMatchSeen } from '../../api/matches';
import { matchDto } from '../../test/fixtures';
import { renderWithProviders, signedIn } from '../../test/render';
import { MatchList } from './MatchList';

jest.mock('../../api/matches', () => ({
  dismissMatch: jest.fn(),
  markMatchSeen: jest.fn(),
}));
jest.mock('../../api/deals', () => ({ openDeal: jest.fn() }));

const dismiss = dismissMatch as jest.MockedFunction<typeof dismissMatch>;
const seen = markMatchSeen as jest.MockedFunction<typeof markMatchSeen>;

/** The demand's organisation looks at its match with the offer. */
const demandSide = signedIn({ id: 'org2' });

function listOf(matches: MatchDto[]) {
  return {
    data: { data: matches },
    error: null,
    isPending: false,
    isError: false,
    refetch: jest.fn(),
  } as unknown as UseQueryResult<{ data: MatchDto[] }>;
}

function renderList(matches: MatchDto[] = [matchDto()]) {
  return renderWithProviders(<MatchList query={listOf(matches)} empty={<p>Trống</p>} />, { auth: demandSide });
}

const dialog = () => document.querySelector('dialog') as HTMLDialogElement;
const openDialog = () => fireEvent.click(screen.getByRole('button', { name: /^Không phù hợp:/ }));

describe('"Không phù hợp" on a match', () => {
  beforeEach(() => {
    dismiss.mockReset();
    seen.mockReset();
    dismiss.mockResolvedValue({ data: null });
  });

  it('opens a labelled dialog with the six reasons, a note and the hint, focus inside', () => {
    renderList();
    expect(dialog().open).toBe(false);
    openDialog();
    const box = screen.getByRole('dialog', { name: 'Vì sao gợi ý này không phù hợp?' });
    expect(box).toBe(dialog());
    expect(dialog().open).toBe(true);
    expect(box.contains(document.activeElement)).toBe(true);
    expect(
      within(box)
        .getAllByRole('radio')
        .map((r) => (r.closest('label') as HTMLElement).textContent),
    ).toEqual(['Sai công nghệ', 'Sai lĩnh vực', 'TRL quá thấp', 'Giá', 'Địa điểm', 'Lý do khác']);
    expect(within(box).getByRole('textbox', { name: /Ghi chú/ })).toBeTruthy();
    expect(within(box).getByText('Phản hồi lặp lại sẽ điều chỉnh các gợi ý sau này.')).toBeTruthy();
    // The match it is about: the counterpart's title (the offer, seen from the demand's side).
    expect(within(box).getByText('Quy trình nuôi tôm tuần hoàn')).toBeTruthy();
  });

  it('sends the chosen reason and the note, then closes and confirms', async () => {
    renderList();
    openDialog();
    const box = screen.getByRole('dialog');
    fireEvent.click(within(box).getByRole('radio', { name: 'Giá' }));
    fireEvent.change(within(box).getByRole('textbox', { name: /Ghi chú/ }), {
      target: { value: '  Vượt ngân sách năm nay  ' },
    });
    fireEvent.click(within(box).getByRole('button', { name: 'Gửi' }));
    await waitFor(() => expect(dismiss).toHaveBeenCalledTimes(1));
    expect(dismiss).toHaveBeenCalledWith('m1', { reason: 'price', note: 'Vượt ngân sách năm nay' });
    await waitFor(() => expect(dialog().open).toBe(false));
    const done = await screen.findByRole('status');
    expect(done.textContent).toContain('Đã đánh dấu “Quy trình nuôi tôm tuần hoàn” không phù hợp: Giá.');
  });

  it('sends no note when none was written', async () => {
    renderList();
    openDialog();
    fireEvent.click(screen.getByRole('radio', { name: 'Sai lĩnh vực' }));
    fireEvent.click(screen.getByRole('button', { name: 'Gửi' }));
    await waitFor(() => expect(dismiss).toHaveBeenCalledWith('m1', { reason: 'wrong_sector' }));
  });

  it('asks for a reason instead of sending without one', () => {
    renderList();
    openDialog();
    fireEvent.click(screen.getByRole('button', { name: 'Gửi' }));
    expect(dismiss).not.toHaveBeenCalled();
    expect(screen.getByText('Hãy chọn một lý do.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Sai công nghệ' }));
    expect(dialog().open).toBe(true);
  });

  it('closes on Escape and sends nothing', () => {
    renderList();
    openDialog();
    fireEvent.click(screen.getByRole('radio', { name: 'Địa điểm' }));
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    expect(dialog().open).toBe(false);
    expect(dismiss).not.toHaveBeenCalled();
  });

  it('closes on "Hủy" and sends nothing', () => {
    renderList();
    openDialog();
    fireEvent.click(screen.getByRole('radio', { name: 'Giá' }));
    fireEvent.click(screen.getByRole('button', { name: 'Hủy' }));
    expect(dialog().open).toBe(false);
    expect(dismiss).not.toHaveBeenCalled();
    expect(seen).not.toHaveBeenCalled();
  });

  it('keeps the dialog open with the error when sending fails', async () => {
    const { ApiError } = jest.requireActual<typeof import('../../api/errors')>('../../api/errors');
    dismiss.mockRejectedValue(new ApiError({ status: 409, code: 'conflict', message: 'Gợi ý này đã có giao dịch' }));
    renderList();
    openDialog();
    fireEvent.click(screen.getByRole('radio', { name: 'Giá' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Gửi' }));
    });
    expect(await within(dialog()).findByRole('alert')).toBeTruthy();
    expect(dialog().open).toBe(true);
  });

  it('shows why a dismissed match was dismissed, and offers to change the reason', () => {
    renderList([
      matchDto({ state: 'dismissed', feedback: { reason: 'price', note: 'Quá đắt', at: '2026-01-07T08:00:00.000Z' } }),
    ]);
    expect(screen.getByText('Đã đánh dấu không phù hợp: Giá')).toBeTruthy();
    expect(screen.getByText('Ghi chú: Quá đắt')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^Đổi lý do/ }));
    expect((screen.getByRole('radio', { name: 'Giá' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('textbox', { name: /Ghi chú/ }) as HTMLTextAreaElement).value).toBe('Quá đắt');
  });

  it('renders the adjustments earlier feedback made as a sentence', () => {
    renderList([
      matchDto({
        reasons: [...matchDto().reasons, { kind: 'feedback', adjustments: ['price', 'location'], weight: -10 }],
      }),
    ]);
    const reasons = screen.getByRole('list', { name: 'Lý do phù hợp' });
    expect(reasons.textContent).toContain(
      'Xếp hạng theo phản hồi “Không phù hợp” trước đây: giá vượt ngân sách bị trừ điểm và đối tác ở vùng khác bị trừ điểm.',
    );
    expect(reasons.textContent).toContain('Cả hai cùng đề cập đến “nuôi tôm” và “tuần hoàn”.');
  });
});

describe('the actions of a match', () => {
  it('are named with the words they show and what they are about (a contacted match opens its deal)', () => {
    renderList([matchDto(), matchDto({ id: 'm2', state: 'contacted' })]);
    const names = screen
      .getAllByRole('button', { name: /Quy trình nuôi tôm tuần hoàn$/ })
      .map((b) => [b.textContent, b.getAttribute('aria-label')]);
    expect(names).toContainEqual(['Liên hệ', 'Liên hệ về: Quy trình nuôi tôm tuần hoàn']);
    expect(names).toContainEqual(['Mở giao dịch', 'Mở giao dịch: Quy trình nuôi tôm tuần hoàn']);
    // The accessible name of each contains the words it shows (WCAG 2.5.3, label in name, as axe checks it).
    for (const [shown, label] of names) expect(label?.toLowerCase()).toContain(shown?.toLowerCase());
  });
});
