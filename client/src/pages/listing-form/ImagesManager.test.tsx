import '../../test/dialogShim';
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { ListingImageDto } from '@techbridge/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../../api/errors';
import { apiFetchBlob } from '../../api/http';
import { deleteListingImage, setListingCover, uploadListingImage } from '../../api/listings';
import { ListingCard } from '../../components/listings/ListingCard';
import { offerDto } from '../../test/fixtures';
import { renderWithProviders, signedIn } from '../../test/render';
import { ListingGallery } from '../listing/ListingGallery';
import { ImagesManager } from './ImagesManager';

jest.mock('../../api/listings', () => ({
  ...jest.requireActual<typeof import('../../api/listings')>('../../api/listings'),
  uploadListingImage: jest.fn(),
  deleteListingImage: jest.fn(),
  setListingCover: jest.fn(),
}));
jest.mock('../../api/http', () => ({
  ...jest.requireActual<typeof import('../../api/http')>('../../api/http'),
  apiFetchBlob: jest.fn(),
}));

const upload = uploadListingImage as jest.MockedFunction<typeof uploadListingImage>;
const remove = deleteListingImage as jest.MockedFunction<typeof deleteListingImage>;
const cover = setListingCover as jest.MockedFunction<typeof setListingCover>;
const blob = apiFetchBlob as jest.MockedFunction<typeof apiFetchBlob>;
const owner = signedIn({ id: 'org1', province: 'CTO' });

function image(n: number): ListingImageDto {
  return {
    id: `img${n}`,
    url: `/api/offers/o1/images/img${n}/large`,
    thumbUrl: `/api/offers/o1/images/img${n}/thumb`,
    width: 1200,
    height: 800,
    thumbWidth: 400,
    thumbHeight: 267,
    alt: 'Quy trình nuôi tôm tuần hoàn',
  };
}

const chooser = () => screen.getByLabelText('Chọn ảnh để tải lên') as HTMLInputElement;
const pick = (file: File) => fireEvent.change(chooser(), { target: { files: [file] } });

describe('the images section of the listing form', () => {
  beforeEach(() => {
    upload.mockReset();
    remove.mockReset();
    cover.mockReset();
    blob.mockReset();
    (URL as unknown as { createObjectURL: () => string }).createObjectURL = () => 'blob:thumb';
    (URL as unknown as { revokeObjectURL: () => void }).revokeObjectURL = () => {};
  });

  it('shows thumbnails with their size set, the cover first, and a cover button for the others', () => {
    renderWithProviders(<ImagesManager listing={offerDto({ images: [image(1), image(2)] })} />, { auth: owner });
    const list = screen.getByRole('list', { name: 'Hình ảnh của tin, ảnh bìa trước' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    const first = within(items[0]).getByRole('img') as HTMLImageElement;
    expect(first.getAttribute('src')).toBe('/api/offers/o1/images/img1/thumb');
    expect(first.getAttribute('width')).toBe('400');
    expect(first.getAttribute('height')).toBe('267');
    expect(first.getAttribute('loading')).toBe('lazy');
    expect(first.getAttribute('alt')).toBe('Ảnh 1: Quy trình nuôi tôm tuần hoàn');
    expect(within(items[0]).getByText('Ảnh bìa')).toBeTruthy();
    expect(within(items[0]).queryByRole('button', { name: /ảnh bìa/ })).toBeNull();
    expect(within(items[1]).getByRole('button', { name: 'Đặt làm ảnh bìa (ảnh 2)' })).toBeTruthy();
    expect(chooser().getAttribute('accept')).toBe('.jpg,.jpeg,.png,.webp');
  });

  it('uploads a chosen image and refuses other files before sending them', async () => {
    upload.mockResolvedValue({ data: image(3) });
    renderWithProviders(<ImagesManager listing={offerDto({ images: [] })} />, { auth: owner });
    expect(screen.getByText(/Chưa có hình ảnh/)).toBeTruthy();

    pick(new File(['%PDF-1.4'], 'tai-lieu.pdf', { type: 'application/pdf' }));
    expect((await screen.findByRole('alert')).textContent).toContain('không phải ảnh JPEG, PNG hoặc WebP');
    const big = new File(['x'], 'anh-lon.jpg', { type: 'image/jpeg' });
    Object.defineProperty(big, 'size', { value: 9 * 1024 * 1024 });
    pick(big);
    expect((await screen.findByRole('alert')).textContent).toContain('lớn hơn 8 MB');
    expect(upload).not.toHaveBeenCalled();

    pick(new File(['jpeg'], 'may-ep.jpg', { type: 'image/jpeg' }));
    await waitFor(() => expect(upload).toHaveBeenCalledTimes(1));
    expect(upload.mock.calls[0].slice(0, 2)).toEqual(['offer', 'o1']);
    expect(await screen.findByText('Đã tải lên “may-ep.jpg”.')).toBeTruthy();
  });

  it("shows the server's refusal of a file that is not an image", async () => {
    upload.mockRejectedValue(
      new ApiError({ status: 415, code: 'unsupported_media_type', message: 'no', fields: { file: 'invalid_type' } }),
    );
    renderWithProviders(<ImagesManager listing={offerDto({ images: [] })} />, { auth: owner });
    pick(new File(['text'], 'anh.jpg', { type: 'image/jpeg' }));
    expect((await screen.findByRole('alert')).textContent).toContain('không phải ảnh JPEG, PNG hoặc WebP');
  });

  it('makes another image the cover, and removes one after confirming', async () => {
    cover.mockResolvedValue({ data: [image(2), image(1)] });
    remove.mockResolvedValue(undefined);
    renderWithProviders(<ImagesManager listing={offerDto({ images: [image(1), image(2)] })} />, { auth: owner });
    fireEvent.click(screen.getByRole('button', { name: 'Đặt làm ảnh bìa (ảnh 2)' }));
    await waitFor(() => expect(cover).toHaveBeenCalledWith('offer', 'o1', 'img2'));
    expect(await screen.findByText('Đã đổi ảnh bìa.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Xóa ảnh 1' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Xóa ảnh' }));
    await waitFor(() => expect(remove).toHaveBeenCalledWith('offer', 'o1', 'img1'));
    expect(await screen.findByText('Đã xóa hình ảnh.')).toBeTruthy();
  });

  it('stops adding at eight images', () => {
    const eight = Array.from({ length: 8 }, (_, i) => image(i + 1));
    renderWithProviders(<ImagesManager listing={offerDto({ images: eight })} />, { auth: owner });
    expect(chooser().disabled).toBe(true);
    expect(screen.getByText(/Tin đã có 8 ảnh/)).toBeTruthy();
  });

  it("fetches a draft's thumbnails with the session (an <img> cannot send the token)", async () => {
    blob.mockResolvedValue(new Blob(['webp']));
    renderWithProviders(<ImagesManager listing={offerDto({ status: 'draft', images: [image(1)] })} />, {
      auth: owner,
    });
    await waitFor(() => expect(blob).toHaveBeenCalledWith('/api/offers/o1/images/img1/thumb', expect.anything()));
    expect((await screen.findByRole('img')).getAttribute('src')).toBe('blob:thumb');
  });
});

describe('images on cards and the listing page', () => {
  it("shows a hit's cover, lazy, sized and described", () => {
    renderWithProviders(
      <ListingCard
        hit={{
          id: 'o1',
          type: 'offer',
          lang: 'vi',
          title: 'Máy ép viên nén',
          summary: 'Tóm tắt',
          organization: { id: 'org1', name: 'Viện' },
          sectors: [],
          province: 'CTO',
          trl: 7,
          ipStatus: null,
          transferModes: [],
          publishedAt: null,
          image: '/api/offers/o1/images/img1/thumb',
          highlight: { title: 'Máy ép viên nén', summary: 'Tóm tắt' },
        }}
      />,
      { auth: owner },
    );
    const img = screen.getByRole('img', { name: 'Máy ép viên nén' }) as HTMLImageElement;
    expect(img.getAttribute('loading')).toBe('lazy');
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['400', '267']);
  });

  it('shows the cover large and switches with the thumbnail buttons', () => {
    renderWithProviders(<ListingGallery listing={offerDto({ images: [image(1), image(2), image(3)] })} />);
    const main = () => screen.getAllByRole('img').find((i) => i.getAttribute('src')?.endsWith('/large'))!;
    expect(main().getAttribute('src')).toBe('/api/offers/o1/images/img1/large');
    expect(main().getAttribute('alt')).toBe('Quy trình nuôi tôm tuần hoàn');
    expect(screen.getByText('Ảnh 1/3')).toBeTruthy();
    const second = screen.getByRole('button', { name: 'Xem ảnh 2/3' });
    expect(second.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(second);
    expect(main().getAttribute('src')).toBe('/api/offers/o1/images/img2/large');
    expect(second.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText('Ảnh 2/3')).toBeTruthy();
  });

  it('shows nothing for a listing without images', () => {
    const { container } = renderWithProviders(<ListingGallery listing={offerDto({ images: [] })} />);
    expect(container.querySelector('.listing-gallery')).toBeNull();
  });
});
