import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { ListingPolicies } from '@techbridge/shared';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { ApiError } from '../../api/errors';
import { createListing, type ListingResponse, updateListing } from '../../api/listings';
import { draftKey } from '../../forms/formDraft';
import { offerDto } from '../../test/fixtures';
import { renderWithProviders, signedIn } from '../../test/render';
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
const newDraftKey = draftKey('u1', 'offer:new');
const editDraftKey = draftKey('u1', 'offer:o1');

describe('the listing form never loses what was typed', () => {
  beforeEach(() => {
    window.localStorage.clear();
    update.mockReset();
    create.mockReset();
  });

  it('Enter in an application row opens the next row and does not send the form', async () => {
    renderWithProviders(<OfferForm />, { auth: owner });
    const first = field('Ứng dụng 1');
    fireEvent.change(first, { target: { value: 'Nuôi tôm thẻ chân trắng' } });
    const enter = fireEvent.keyDown(first, { key: 'Enter', code: 'Enter' });
    expect(enter).toBe(false); // default prevented: no implicit submission
    expect(await screen.findByLabelText('Ứng dụng 2')).toBeTruthy();
    // Enter on an empty row does not add another one.
    fireEvent.keyDown(field('Ứng dụng 2'), { key: 'Enter', code: 'Enter' });
    expect(screen.queryByLabelText('Ứng dụng 3')).toBeNull();
    expect(create).not.toHaveBeenCalled();
  });

  it('Enter in a keyword adds a tag, and Enter in the title does not send the form', () => {
    renderWithProviders(<OfferForm />, { auth: owner });
    const keywords = field(/Từ khóa/);
    fireEvent.change(keywords, { target: { value: 'RAS' } });
    expect(fireEvent.keyDown(keywords, { key: 'Enter', code: 'Enter' })).toBe(false);
    expect(screen.getByText('RAS')).toBeTruthy();
    type(/Tên công nghệ/, 'Quy trình nuôi tôm tuần hoàn');
    expect(fireEvent.keyDown(field(/Tên công nghệ/), { key: 'Enter', code: 'Enter' })).toBe(false);
    expect(create).not.toHaveBeenCalled();
  });

  it('keeps what is typed in this browser and restores it with a notice and a way to discard it', async () => {
    const first = renderWithProviders(<OfferForm />, { auth: owner });
    type(/Tên công nghệ/, 'Quy trình nuôi tôm tuần hoàn');
    type(/Chi tiết bảo mật/, 'Công thức vi sinh: chủng B. subtilis 10^9 CFU/ml');
    const stored = JSON.parse(window.localStorage.getItem(newDraftKey) ?? '{}');
    expect(stored.values['confidential.details']).toContain('B. subtilis');
    first.unmount();

    renderWithProviders(<OfferForm />, { auth: owner });
    expect(await screen.findByText('Đã khôi phục nội dung chưa lưu')).toBeTruthy();
    expect(field(/Tên công nghệ/).value).toBe('Quy trình nuôi tôm tuần hoàn');
    expect(field(/Chi tiết bảo mật/).value).toContain('B. subtilis');

    fireEvent.click(screen.getByRole('button', { name: 'Bỏ bản nháp này' }));
    expect(field(/Tên công nghệ/).value).toBe('');
    expect(field(/Chi tiết bảo mật/).value).toBe('');
    expect(screen.queryByText('Đã khôi phục nội dung chưa lưu')).toBeNull();
    expect(window.localStorage.getItem(newDraftKey)).toBeNull();
  });

  it("keeps another user's draft to that user", () => {
    window.localStorage.setItem(
      draftKey('someone-else', 'offer:new'),
      JSON.stringify({ values: { title: 'Không phải của tôi' }, savedAt: '2026-01-01T00:00:00.000Z' }),
    );
    renderWithProviders(<OfferForm />, { auth: owner });
    expect(field(/Tên công nghệ/).value).toBe('');
    expect(screen.queryByText('Đã khôi phục nội dung chưa lưu')).toBeNull();
  });

  it('a refused save keeps everything typed, the confidential details too, and shows the error on its field', async () => {
    update.mockRejectedValue(
      new ApiError({ status: 400, code: 'validation', message: 'Dữ liệu không hợp lệ', fields: { title: 'Quá ngắn' } }),
    );
    renderWithProviders(<OfferForm listing={offerDto()} policies={policies} />, { auth: owner });
    type(/Tên công nghệ/, 'Quy trình mới');
    type(/Chi tiết bảo mật/, 'Nhiệt độ ủ 37 °C trong 18 giờ');
    save();
    expect(await screen.findByText('Quá ngắn')).toBeTruthy();
    expect(field(/Tên công nghệ/).getAttribute('aria-invalid')).toBe('true');
    expect(field(/Tên công nghệ/).value).toBe('Quy trình mới');
    expect(field(/Chi tiết bảo mật/).value).toBe('Nhiệt độ ủ 37 °C trong 18 giờ');
    // Still in the browser too, should the tab be closed now.
    expect(JSON.parse(window.localStorage.getItem(editDraftKey) ?? '{}').values['confidential.details']).toBe(
      'Nhiệt độ ủ 37 °C trong 18 giờ',
    );
  });

  it('a save that cannot reach the server keeps everything typed', async () => {
    update.mockRejectedValue(new ApiError({ status: 0, code: 'network', message: 'offline' }));
    renderWithProviders(<OfferForm listing={offerDto()} policies={policies} />, { auth: owner });
    type(/Chi tiết bảo mật/, 'Bí quyết: tỉ lệ 3:1');
    save();
    await waitFor(() => expect(update).toHaveBeenCalledTimes(1));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(field(/Chi tiết bảo mật/).value).toBe('Bí quyết: tỉ lệ 3:1');
  });

  it('a successful save clears the kept draft', async () => {
    update.mockResolvedValue({
      data: offerDto({ confidential: { details: 'Bí quyết: tỉ lệ 3:1' } }),
      policies,
    } as ListingResponse);
    renderWithProviders(<OfferForm listing={offerDto()} policies={policies} />, { auth: owner });
    type(/Chi tiết bảo mật/, 'Bí quyết: tỉ lệ 3:1');
    expect(window.localStorage.getItem(editDraftKey)).not.toBeNull();
    save();
    await screen.findByText(/Đã lưu/);
    await act(async () => {});
    expect(window.localStorage.getItem(editDraftKey)).toBeNull();
  });
});
