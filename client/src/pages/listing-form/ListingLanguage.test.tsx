import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { ListingPolicies } from '@techbridge/shared';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { ApiError } from '../../api/errors';
import { createListing, type ListingResponse, updateListing } from '../../api/listings';
import { demandDto, offerDto } from '../../test/fixtures';
import { renderWithProviders, signedIn } from '../../test/render';
import { DemandForm } from './DemandForm';
import { OfferForm } from './OfferForm';

jest.mock('../../api/listings', () => ({
  ...jest.requireActual<typeof import('../../api/listings')>('../../api/listings'),
  createListing: jest.fn(),
  updateListing: jest.fn(),
  publishListing: jest.fn(),
}));

const update = updateListing as jest.MockedFunction<typeof updateListing>;
const create = createListing as jest.MockedFunction<typeof createListing>;

const policies: ListingPolicies = {
  update: true,
  delete: true,
  publish: false,
  archive: true,
  moderate: false,
  seeConfidential: true,
};
const owner = signedIn({ id: 'org1', province: 'CTO' });

const field = (name: RegExp | string) => screen.getByLabelText(name) as HTMLInputElement;
const type = (name: RegExp | string, value: string) => fireEvent.change(field(name), { target: { value } });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));

describe('listing language and translation in the form', () => {
  beforeEach(() => {
    window.localStorage.clear(); // no unsaved input carried from one test to the next
    update.mockReset();
    create.mockReset();
  });

  it('keeps the translation collapsed until asked, then names the other language', () => {
    renderWithProviders(<OfferForm listing={offerDto()} policies={policies} />, { auth: owner });
    expect(field('Ngôn ngữ của tin').value).toBe('vi');
    const toggle = screen.getByRole('button', { name: /Bản dịch tiếng Anh/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByLabelText(/Tiêu đề tiếng Anh/)).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(field(/Tiêu đề tiếng Anh/).getAttribute('lang')).toBe('en');
    // An English listing is translated into Vietnamese.
    fireEvent.change(field('Ngôn ngữ của tin'), { target: { value: 'en' } });
    expect(screen.getByRole('button', { name: /Bản dịch tiếng Việt/ })).toBeTruthy();
    expect(field(/Tiêu đề tiếng Việt/).getAttribute('lang')).toBe('vi');
  });

  it('opens with the stored translation', () => {
    renderWithProviders(
      <OfferForm listing={offerDto({ translation: { title: 'Recirculating shrimp farming' } })} policies={policies} />,
      { auth: owner },
    );
    expect(field(/Tiêu đề tiếng Anh/).value).toBe('Recirculating shrimp farming');
  });

  it('sends the language and the translation with the changes', async () => {
    update.mockResolvedValue({ data: offerDto(), policies } as ListingResponse);
    renderWithProviders(<OfferForm listing={offerDto()} policies={policies} />, { auth: owner });
    fireEvent.change(field('Ngôn ngữ của tin'), { target: { value: 'en' } });
    fireEvent.click(screen.getByRole('button', { name: /Bản dịch tiếng Việt/ }));
    type(/Tiêu đề tiếng Việt/, 'Quy trình nuôi tôm tuần hoàn');
    type(/Tóm tắt tiếng Việt/, '  Nuôi tôm tuần hoàn RAS giảm 70% lượng nước thay.  ');
    save();
    await waitFor(() => expect(update).toHaveBeenCalledTimes(1));
    expect(update).toHaveBeenCalledWith('offer', 'o1', {
      lang: 'en',
      translation: {
        title: 'Quy trình nuôi tôm tuần hoàn',
        summary: 'Nuôi tôm tuần hoàn RAS giảm 70% lượng nước thay.',
      },
    });
  });

  it('sends them when a demand is created', async () => {
    create.mockResolvedValue({ data: demandDto({ id: 'd9', status: 'draft' }), policies } as ListingResponse);
    const blank = demandDto();
    renderWithProviders(<DemandForm />, { auth: owner });
    type(/Tiêu đề nhu cầu/, blank.title);
    type(/Vấn đề cần giải quyết/, blank.problem);
    fireEvent.click(screen.getByRole('checkbox', { name: /Thủy sản/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Chuyển nhượng/ }));
    fireEvent.click(screen.getByRole('button', { name: /Bản dịch tiếng Anh/ }));
    type(/Tiêu đề tiếng Anh/, 'Shrimp pond wastewater treatment');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu nháp' }));
    await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(create.mock.calls[0]?.[1]).toMatchObject({
      lang: 'vi',
      translation: { title: 'Shrimp pond wastewater treatment' },
    });
  });

  it('shows a too-short translation by its input before sending', async () => {
    renderWithProviders(<OfferForm listing={offerDto()} policies={policies} />, { auth: owner });
    fireEvent.click(screen.getByRole('button', { name: /Bản dịch tiếng Anh/ }));
    type(/Tiêu đề tiếng Anh/, 'RAS');
    save();
    const input = field(/Tiêu đề tiếng Anh/);
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    expect(update).not.toHaveBeenCalled();
    const errorId = input.getAttribute('aria-describedby')?.split(' ')[0] ?? '';
    expect(document.getElementById(errorId)?.textContent).toContain('Nội dung quá ngắn');
    expect(document.activeElement).toBe(input);
  });

  it("shows the server's translation.title error next to that input", async () => {
    update.mockRejectedValue(
      new ApiError({
        status: 400,
        code: 'validation',
        message: 'Dữ liệu không hợp lệ',
        fields: { 'translation.title': 'Tiêu đề bản dịch đã được dùng' },
      }),
    );
    renderWithProviders(<OfferForm listing={offerDto()} policies={policies} />, { auth: owner });
    fireEvent.click(screen.getByRole('button', { name: /Bản dịch tiếng Anh/ }));
    type(/Tiêu đề tiếng Anh/, 'Recirculating shrimp farming');
    save();
    const message = await screen.findByText('Tiêu đề bản dịch đã được dùng');
    const input = field(/Tiêu đề tiếng Anh/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')?.split(' ')).toContain(message.closest('p')?.id);
    expect(field(/Tóm tắt tiếng Anh/).getAttribute('aria-invalid')).toBeNull();
    expect(document.activeElement).toBe(input);
  });

  it('opens the collapsed translation to show an error the server gives for it', async () => {
    update.mockRejectedValue(
      new ApiError({
        status: 400,
        code: 'validation',
        message: 'Dữ liệu không hợp lệ',
        fields: { translation: 'Giá trị không hợp lệ' },
      }),
    );
    renderWithProviders(<OfferForm listing={offerDto()} policies={policies} />, { auth: owner });
    type(/Tên công nghệ/, 'Quy trình nuôi tôm tuần hoàn thế hệ 2');
    save();
    await screen.findByText('Giá trị không hợp lệ');
    expect(screen.getByRole('button', { name: /Bản dịch tiếng Anh/ }).getAttribute('aria-expanded')).toBe('true');
    expect(field(/Tiêu đề tiếng Anh/).getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(field(/Tiêu đề tiếng Anh/)));
  });
});
